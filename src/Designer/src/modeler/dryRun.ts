import type { DryRunPathEntry, DryRunStep } from '../api/client';

/**
 * The dry run's step list: the client keeps the outcomes chosen so far and re-sends all of them each time (the server is
 * stateless and rolls every run back).
 */
export function withStep(steps: readonly DryRunStep[], step: DryRunStep): DryRunStep[] {
  return [...steps, { elementId: step.elementId, output: { ...(step.output ?? {}) } }];
}

/** Goes back to before step `index` (0-based): that step and every later one are dropped. */
export function untilStep(steps: readonly DryRunStep[], index: number): DryRunStep[] {
  return steps.slice(0, Math.max(0, index));
}

/** Reads the output typed for a task: a JSON object, or the reason it is not one. */
export function parseOutput(text: string): { output?: Record<string, unknown>; error?: string } {
  if (!text.trim()) {
    return { output: {} };
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { output: value as Record<string, unknown> }
      : { error: 'not-an-object' };
  } catch {
    return { error: 'not-json' };
  }
}

interface FormComponent {
  type?: string;
  key?: string;
  subtype?: string;
  values?: Array<{ value: unknown }>;
  components?: FormComponent[];
}

/**
 * A starting output for a task's form: each data field with a plausible value (the first option of a choice, false,
 * today for a date, 0, ''). The legal editor changes the values that choose the branch.
 */
export function outputTemplate(schema: unknown, today: string): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  const visit = (components: FormComponent[] | undefined) => {
    for (const c of components ?? []) {
      if (c.key) {
        switch (c.type) {
          case 'radio':
          case 'select':
            output[c.key] = c.values?.[0]?.value ?? '';
            break;
          case 'checkbox':
            output[c.key] = false;
            break;
          case 'checklist':
          case 'taglist':
            output[c.key] = [];
            break;
          case 'number':
            output[c.key] = 0;
            break;
          case 'datetime':
            output[c.key] = c.subtype === 'date' || !c.subtype ? today : `${today}T09:00`;
            break;
          case 'textfield':
          case 'textarea':
            output[c.key] = '';
            break;
          default:
            break;
        }
      }
      visit(c.components);
    }
  };
  visit((schema as { components?: FormComponent[] } | null)?.components);
  return output;
}

/** The step's events in words: which events a path row shows, and how it is marked. */
export type PathKind = 'reached' | 'done' | 'skipped' | 'ended' | 'problem' | 'other';

export function pathKind(entry: DryRunPathEntry): PathKind {
  switch (entry.event) {
    case 'entered':
      return 'reached';
    case 'task-completed':
      return 'done';
    case 'service-task-skipped':
      return 'skipped';
    case 'completed':
    case 'terminated':
      return 'ended';
    case 'error-uncaught':
    case 'incident':
      return 'problem';
    default:
      return 'other';
  }
}

/** Sample case data shaped as FileCase gives it to a process, so a pathway's conditions find what they read. */
export function sampleVariables(organisation: string, today: string): Record<string, unknown> {
  const members = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ user: `${prefix}${i + 1}.${organisation}`, name: `${prefix}${i + 1}.${organisation}`, organisation }));
  return {
    student: { iin: '150101500017', fullName: 'Айгерім Серікқызы', birthDate: '2015-01-01', class: '5А', level: 'Secondary', organisation },
    organisation,
    filedOn: today,
    ground: 'Заявление родителя',
    language: 'kk',
    applicant: { id: 'parent', name: 'parent.p1' },
    data: {},
    council: { members: members('council', 5) },
    trustees: { members: members('trustee', 3) },
  };
}
