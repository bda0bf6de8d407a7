import { ApiError, type CaseDetail, type CaseSummary, type DocumentInfo, type QadamApi, type StudentPathway } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, notice } from '../app/dom';
import { errorText } from '../app/errors';
import { readPdfButton } from '../documents/readPdf';
import { documentTitle } from '../documents/titles';
import { LocalizedForm } from '../forms/LocalizedForm';
import { pickLanguage } from '../forms/localizeSchema';
import { language, t, type MessageKey } from '../i18n';
import { pathwayName } from '../staff/pathways';
import { stepLabel } from '../staff/labels';
import type { FormSchema } from '../staff/formMapping';
import { todayInKazakhstan } from '../staff/FileCaseForm';

/** The case's status in plain words for the student (what happens to them), bound to the language switch. */
function outcome(status: string): HTMLElement {
  const key = `studentOutcome_${status}` as MessageKey;
  const known = t(key) !== key;
  return el('span', { class: `status status-${status}`, ...(known ? { i18n: key } : { i18n: 'studentOutcome_other' }) });
}

/** One of the student's cases: where it stands, the next step and its date, the decisions and the documents as PDF. */
async function caseCard(api: QadamApi, c: CaseSummary): Promise<HTMLElement> {
  const [detail, documents] = await Promise.all([
    api.getCase(c.id).catch(() => undefined as CaseDetail | undefined),
    api.caseDocuments(c.id).catch(() => [] as DocumentInfo[]),
  ]);
  // The case page follows the process (a step that ran in the background may have decided since the list was read):
  // its status is the newer one, so the student never sees a decision's notice beside "under consideration".
  const status = detail?.case?.status ?? c.status;
  const open = status === 'inProgress';
  const steps = open ? detail?.currentSteps ?? [] : [];
  const decisions = detail?.decisions ?? [];
  return el('article', { class: 'tracker-case', attrs: { 'data-case-id': c.id, 'data-testid': 'student-case' } },
    el('h3', {}, pathwayName(c.pathway)),
    el('p', { class: 'muted' }, `№ ${c.number} · `, el('span', { i18n: 'filedOn' }), `: ${formatDate(c.filedOn)}`),
    el('p', { class: 'now', attrs: { 'data-testid': 'student-status' } }, el('strong', { i18n: 'trackerWhereNow' }), ': ', outcome(status)),
    open && steps.length === 0 ? el('p', { i18n: 'trackerWaiting' }) : null,
    ...steps.map((step) => el('p', { class: 'next', attrs: { 'data-testid': 'student-next' } },
      el('strong', { i18n: 'trackerNext' }), `: ${stepLabel(step)}`,
      step.dueAt ? el('span', {}, ' · ', el('span', { i18n: 'trackerBy' }), ` ${formatDate(step.dueAt)}`) : null)),
    decisions.length
      ? el('div', { class: 'tracker-decisions', attrs: { 'data-testid': 'student-decisions' } },
        el('strong', { i18n: 'studentDecisions' }),
        el('ul', {}, ...decisions.map((d) => el('li', {}, `${stepLabel(d)} · ${formatDate(d.decidedAt)}`))))
      : null,
    documents.length
      ? el('div', { class: 'tracker-documents', attrs: { 'data-testid': 'tracker-documents' } },
        el('strong', { i18n: 'trackerDocuments' }),
        el('ul', {}, ...documents.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
          el('strong', {}, documentTitle(d.templateKey)), el('span', { class: 'muted' }, ` · ${formatDate(d.createdAt)}`),
          d.signatures.length ? ' ✓' : '', ' ', readPdfButton(api, d)))))
      : null);
}

/** The text of a form's first list answer (the ground the student chose) in the applicant's language. */
function groundOf(schema: FormSchema | undefined, data: Record<string, unknown>, lang: 'kk' | 'ru'): string | undefined {
  const components = (schema?.['components'] ?? []) as Array<{ type?: string; key?: string; values?: Array<{ label: string; value: string }> }>;
  for (const c of components) {
    if (c.type === 'select' && c.key && typeof data[c.key] === 'string') {
      const chosen = c.values?.find((v) => v.value === data[c.key!]);
      if (chosen) {
        return pickLanguage(chosen.label, lang);
      }
    }
  }
  return undefined;
}

type Component = Record<string, unknown>;

const isEvidence = (c: Component) => (c['properties'] as Record<string, unknown> | undefined)?.['evidence'] === 'required';

/** The form's field that names the evidence file its step cannot complete without, if any. */
function evidenceComponent(schema: FormSchema | undefined): Component | undefined {
  return ((schema?.['components'] ?? []) as Component[]).find(isEvidence);
}

/** The form as the student fills it: the evidence field is a file chooser of the screen, not an id to type. */
function withoutEvidenceFields(schema: FormSchema): FormSchema {
  return { ...schema, components: ((schema['components'] ?? []) as Component[]).filter((c) => !isEvidence(c)) } as FormSchema;
}

/** The student's application: a pathway by name (none chosen), its form in the screen's language, the evidence it asks. */
function applicationForm(api: QadamApi, pathways: StudentPathway[], iin: string | undefined, onFiled: () => void) {
  const pathway = el('select', { attrs: { id: 'student-pathway', 'data-testid': 'student-pathway' } },
    el('option', { attrs: { value: '' }, i18n: 'choosePathway' }),
    ...pathways.map((p) => el('option', { attrs: { value: p.key, 'data-pathway': p.key } }, pathwayName(p.key))));
  const pathwayError = el('span', { class: 'field-error', attrs: { 'aria-live': 'polite' } });
  const formHost = el('div', { class: 'student-form', attrs: { 'data-testid': 'student-form' } });
  const evidenceLabel = el('span');
  // The browser's own file input speaks the browser's language ("Choose File"): it is hidden behind the app's words.
  const evidence = el('input', {
    class: 'file-hidden', attrs: { id: 'student-evidence', type: 'file', accept: '.pdf,.jpg,.jpeg,.png', 'data-testid': 'student-evidence' },
  });
  const fileName = el('span', { class: 'muted', i18n: 'studentNoFile', attrs: { 'data-testid': 'student-file-name' } });
  evidence.addEventListener('change', () => {
    const chosen = evidence.files?.[0];
    evidenceError.textContent = '';
    if (chosen) {
      delete fileName.dataset['i18n'];
      fileName.textContent = chosen.name;
    } else {
      fileName.dataset['i18n'] = 'studentNoFile';
      fileName.textContent = t('studentNoFile');
    }
  });
  const evidenceError = el('span', { class: 'field-error', attrs: { 'aria-live': 'polite' } });
  const evidenceField = el('label', { class: 'student-evidence', attrs: { for: 'student-evidence' } }, evidenceLabel, evidence,
    el('span', { class: 'file-choice' }, el('span', { class: 'button', i18n: 'studentChooseFile' }), ' ', fileName), evidenceError);
  evidenceField.hidden = true;
  const status = el('div');
  const submit = el('button', { class: 'primary', i18n: 'studentSubmit', attrs: { type: 'submit', 'data-testid': 'student-submit' } });
  let form: LocalizedForm | undefined;
  let current: StudentPathway | undefined;
  let idempotencyKey = crypto.randomUUID();
  // The form's evidence field (properties.evidence = required) holds the id of a file of the case: the case does not
  // exist before filing, so the student chooses the file here and it is attached to the case as soon as it is filed.
  const required = () => evidenceComponent(current?.form as FormSchema | undefined);
  const labelEvidence = () => {
    const field = required();
    evidenceLabel.textContent = field ? `${t('studentEvidence')}: ${pickLanguage(String(field['label'] ?? ''), language() === 'ru' ? 'ru' : 'kk')}` : '';
  };
  pathway.addEventListener('change', () => {
    idempotencyKey = crypto.randomUUID();
    pathwayError.textContent = '';
    current = pathways.find((p) => p.key === pathway.value);
    form?.destroy();
    form = undefined;
    formHost.replaceChildren();
    if (current?.form) {
      form = new LocalizedForm(formHost, withoutEvidenceFields(current.form as FormSchema));
      void form.show();
    }
    evidenceField.hidden = !required();
    labelEvidence();
  });
  const root = el('form', { class: 'file-case student-apply', attrs: { 'data-testid': 'student-apply', novalidate: true } },
    el('h2', { i18n: 'studentNewApplication' }),
    el('label', { attrs: { for: 'student-pathway' } }, el('span', { i18n: 'pathway' }), pathway, pathwayError),
    formHost, evidenceField, status, submit);
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    status.replaceChildren();
    evidenceError.textContent = '';
    if (!current) {
      pathwayError.textContent = t('pathwayRequired');
      return;
    }
    const answer = form?.submit() ?? { data: {}, errors: {} };
    const file = evidence.files?.[0];
    if (required() && !file) {
      evidenceError.textContent = t('studentEvidenceRequired');
    }
    if (Object.keys(answer.errors).length > 0 || (required() && !file) || !iin) {
      return;
    }
    const lang = language() === 'ru' ? 'ru' : 'kk';
    submit.disabled = true;
    void (async () => {
      try {
        const filed = await api.fileCase({
          pathway: current!.key, studentIin: iin, filedOn: todayInKazakhstan(), language: lang, data: answer.data,
          ground: groundOf(current!.form as FormSchema | undefined, answer.data, lang) ?? pathwayName(current!.key),
        }, idempotencyKey);
        if (file) {
          await api.uploadEvidence(filed.id, file);
        }
        onFiled();
      } catch (error) {
        status.replaceChildren(notice('error', error instanceof ApiError ? errorText(error) : t('studentFilingFailed')));
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return {
    root,
    relabel: () => {
      pathway.querySelectorAll<HTMLOptionElement>('option[data-pathway]').forEach((o) => (o.textContent = pathwayName(o.value)));
      labelEvidence();
      void form?.relabel();
    },
  };
}

/** A university student's own screen: their cases as they stand, and a new application. */
export const studentScreen: ScreenFactory = async ({ api, me }) => {
  const root = el('section', { class: 'tracker student' }, el('h1', { i18n: 'studentTitle' }));
  const list = el('section', { class: 'student-cases', attrs: { 'data-testid': 'student-cases' } });
  const load = async () => {
    const cases = await api.listCases();
    list.replaceChildren(...(cases.length === 0
      ? [el('p', { i18n: 'studentNoCases' })]
      : await Promise.all(cases.map((c) => caseCard(api, c)))));
  };
  const pathways = await api.myPathways().catch(() => [] as StudentPathway[]);
  const apply = applicationForm(api, pathways, me.linkedChildren[0], () => {
    void load().then(() => {
      list.prepend(notice('success', t('studentFiled')));
      list.scrollIntoView();
    });
  });
  await load();
  root.append(list, apply.root);
  return { root, relabel: () => { apply.relabel(); void load(); } };
};
