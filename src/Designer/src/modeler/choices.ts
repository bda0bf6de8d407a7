// What the legal editor chooses from instead of typing keys: the roles that work on cases (QadamRoles on the server),
// the forms and the documents of the edition, each by its name in the screen's language with the key behind.
import { documentTitle } from '../documents/titles';
import { messages, pick, t, type MessageKey } from '../i18n';

/** Roles a step can be given to (src/Api/Features/Identity/QadamRoles.cs: the staff who work on cases). */
export const caseRoles = [
  'clerk', 'classTeacher', 'psychologist', 'socialPedagogue', 'councilSecretary', 'councilMember', 'trustee', 'head',
  'deputyHead', 'regionalOfficer', 'registrar', 'dean', 'academicCouncil', 'rector',
] as const;

/** A role's name in the screen's language; a role Qadam does not know keeps its key. */
export function roleName(role: string): string {
  const key = `role_${role}` as MessageKey;
  const name = t(key);
  return name === key ? role : name;
}

/** A comma-separated qadam:candidateRoles as names ("Сынып жетекшісі, Педагог-психолог"). */
export function roleNames(roles: string | undefined): string {
  return (roles ?? '').split(',').map((r) => r.trim()).filter(Boolean).map(roleName).join(', ');
}

/** The roles with a checkbox state: known roles in order, then any unknown role the file names (kept, not dropped). */
export function roleChoices(value: string | undefined): Array<{ role: string; name: string; checked: boolean }> {
  const chosen = (value ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const all = [...caseRoles, ...chosen.filter((r) => !(caseRoles as readonly string[]).includes(r))];
  return all.map((role) => ({ role, name: roleName(role), checked: chosen.includes(role) }));
}

/** Toggles one role in a qadam:candidateRoles value, keeping the others' order; undefined when none is left. */
export function toggleRole(value: string | undefined, role: string, on: boolean): string | undefined {
  const chosen = (value ?? '').split(',').map((r) => r.trim()).filter(Boolean).filter((r) => r !== role);
  const next = on ? [...chosen, role] : chosen;
  return next.length ? next.join(',') : undefined;
}

/** A step of the diagram as the lists need it: its Qadam labels and what it names. */
export interface StepInfo {
  labelKk?: string;
  labelRu?: string;
  name?: string;
  formKey?: string;
  templateKey?: string;
}

export interface Choice {
  value: string;
  label: string;
}

const known = (key: MessageKey) => (messages('kk') as Record<string, string>)[key] !== undefined;

/** A document's title by its template key: the catalogue's, else the name of the step that renders it, else the key. */
export function templateTitle(templateKey: string, steps: readonly StepInfo[] = []): string {
  if (known(`document_${templateKey}` as MessageKey)) {
    return documentTitle(templateKey);
  }
  const step = steps.find((s) => s.templateKey === templateKey);
  return step ? pick({ kk: step.labelKk, ru: step.labelRu }, step.name ?? templateKey) : templateKey;
}

/** A form's title: the name of the (first) step that shows it, else the key. */
export function formTitle(formKey: string, steps: readonly StepInfo[] = []): string {
  const step = steps.find((s) => s.formKey === formKey);
  return step ? pick({ kk: step.labelKk, ru: step.labelRu }, step.name ?? formKey) : formKey;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

/** The forms of the edition (each form key its steps name), by title, plus the current value if it is not among them. */
export function formChoices(steps: readonly StepInfo[], current?: string): Choice[] {
  const keys = new Set(steps.map((s) => s.formKey).filter((k): k is string => !!k));
  if (current) {
    keys.add(current);
  }
  return [...keys].map((value) => ({ value, label: formTitle(value, steps) })).sort(byLabel);
}

/** The documents Qadam has templates for (the catalogue's) and those the edition names, by title. */
export function templateChoices(steps: readonly StepInfo[], current?: string): Choice[] {
  const keys = new Set(Object.keys(messages('kk')).filter((k) => k.startsWith('document_') && k !== 'document_other')
    .map((k) => k.slice('document_'.length)));
  steps.forEach((s) => s.templateKey && keys.add(s.templateKey));
  if (current) {
    keys.add(current);
  }
  return [...keys].map((value) => ({ value, label: templateTitle(value, steps) })).sort(byLabel);
}
