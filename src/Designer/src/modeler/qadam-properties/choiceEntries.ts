// The panel's entries for what the legal editor chooses rather than types: who does the step, its form, its document
// and its deadline. Each writes the same qadam: attribute the engine reads; only the way in is a list.
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { language, t } from '../../i18n';
import { formChoices, roleChoices, templateChoices, toggleRole, type StepInfo } from '../choices';
import { deadlineText, readDeadline, writeDeadline, type DeadlineUnit } from '../deadline/deadlineWords';

interface BusinessObject {
  $type: string;
  get(name: string): unknown;
}
interface PanelElement {
  id: string;
  businessObject: BusinessObject;
}
interface Modeling {
  updateModdleProperties(element: PanelElement, target: unknown, properties: Record<string, unknown>): void;
}
interface ElementRegistry {
  getAll(): PanelElement[];
}
export interface ChoiceProps {
  element: PanelElement;
  id: string;
  attribute: string;
}

const text = (bo: BusinessObject, name: string) => {
  const value = bo.get(name);
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/** The steps drawn in the diagram, as the lists title forms and documents by them. */
export function stepsOf(registry: ElementRegistry): StepInfo[] {
  const seen = new Set<BusinessObject>();
  const steps: StepInfo[] = [];
  for (const element of registry.getAll()) {
    const bo = element.businessObject;
    if (!bo || seen.has(bo) || typeof bo.get !== 'function') {
      continue;
    }
    seen.add(bo);
    steps.push({
      labelKk: text(bo, 'qadam:labelKk'), labelRu: text(bo, 'qadam:labelRu'), name: text(bo, 'name'),
      formKey: text(bo, 'qadam:formKey'), templateKey: text(bo, 'qadam:templateKey'),
    });
  }
  return steps;
}

/** Who does the step: a checkbox per role, by name; the ticked keys are written comma-separated. */
export function RolesEntry(props: ChoiceProps) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const bo = getBusinessObject(element) as BusinessObject;
  const value = text(bo, 'qadam:candidateRoles');
  return h('fieldset', { class: 'bio-properties-panel-entry qadam-roles', 'data-entry-id': id, id: `bio-properties-panel-${id}` },
    h('legend', { class: 'bio-properties-panel-label' }, t('propRoles')),
    roleChoices(value).map((choice) => h('label', { class: 'qadam-role', key: choice.role },
      h('input', {
        type: 'checkbox', name: `${id}-${choice.role}`, value: choice.role, 'data-role': choice.role, checked: choice.checked,
        onChange: (event: Event) => modeling.updateModdleProperties(element, bo, {
          'qadam:candidateRoles': toggleRole(text(bo, 'qadam:candidateRoles'), choice.role, (event.target as HTMLInputElement).checked),
        }),
      }),
      ` ${choice.name}`)));
}

function keySelect(props: ChoiceProps, label: string, options: (current?: string) => Array<{ value: string; label: string }>) {
  const { element, id, attribute } = props;
  const modeling = useService<Modeling>('modeling');
  const bo = getBusinessObject(element) as BusinessObject;
  return h(SelectEntry, {
    id,
    element,
    label,
    getValue: () => text(bo, `qadam:${attribute}`) ?? '',
    setValue: (value: string) => modeling.updateModdleProperties(element, bo, { [`qadam:${attribute}`]: value || undefined }),
    getOptions: () => [{ value: '', label: t('choiceNone') }, ...options(text(bo, `qadam:${attribute}`))],
  });
}

/** The step's form, from the forms of the edition by title. */
export function FormEntry(props: ChoiceProps) {
  const registry = useService<ElementRegistry>('elementRegistry');
  return keySelect(props, t('propForm'), (current) => formChoices(stepsOf(registry), current));
}

/** The document the step renders or signs, from the documents Qadam has templates for, by title. */
export function TemplateEntry(props: ChoiceProps) {
  const registry = useService<ElementRegistry>('elementRegistry');
  return keySelect(props, t('propTemplate'),
    (current) => templateChoices(stepsOf(registry), current));
}

const units: DeadlineUnit[] = ['days', 'weeks', 'months', 'hours'];

/**
 * The deadline as a number, a unit and calendar or working days, written as ISO 8601 (P5D) and read back in words
 * ("5 жұмыс күні"). A deadline the editor cannot split (a fixed date, an expression) is shown in words and can be replaced.
 */
export function DeadlineEntry(props: ChoiceProps) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const bo = getBusinessObject(element) as BusinessObject;
  const stored = text(bo, 'qadam:deadline');
  const deadline = readDeadline(stored);
  const write = (change: Partial<{ amount: number; unit: DeadlineUnit; working: boolean }>) => {
    const current = readDeadline(text(bo, 'qadam:deadline')) ?? { amount: 1, unit: 'days' as DeadlineUnit, working: false };
    const next = { ...current, ...change };
    modeling.updateModdleProperties(element, bo, { 'qadam:deadline': writeDeadline(next) });
  };
  const working = deadline?.working ?? false;
  return h('fieldset', { class: 'bio-properties-panel-entry qadam-deadline', 'data-entry-id': id, id: `bio-properties-panel-${id}` },
    h('legend', { class: 'bio-properties-panel-label' }, t('propDeadlineWords')),
    h('div', { class: 'qadam-deadline-row' },
      h('label', {},
        h('span', { class: 'visually-hidden' }, t('deadlineAmount')),
        h('input', {
          type: 'number', min: 1, step: 1, class: 'bio-properties-panel-input', id: `${id}-amount`, 'aria-label': t('deadlineAmount'),
          value: deadline ? String(deadline.amount) : '',
          onChange: (event: Event) => {
            const amount = Number((event.target as HTMLInputElement).value);
            if (Number.isFinite(amount) && amount >= 1) {
              write({ amount });
            }
          },
        })),
      h('select', {
        class: 'bio-properties-panel-input', id: `${id}-unit`, 'aria-label': t('deadlineUnit'),
        onChange: (event: Event) => write({ unit: (event.target as HTMLSelectElement).value as DeadlineUnit }),
      }, units.map((unit) => h('option', { value: unit, selected: (deadline?.unit ?? 'days') === unit }, t(`deadlineUnit_${unit}`)))),
      h('select', {
        class: 'bio-properties-panel-input', id: `${id}-count`, 'aria-label': t('deadlineCount'),
        disabled: (deadline?.unit ?? 'days') !== 'days',
        onChange: (event: Event) => write({ working: (event.target as HTMLSelectElement).value === 'working' }),
      },
      h('option', { value: 'calendar', selected: !working }, t('deadlineCalendar')),
      h('option', { value: 'working', selected: working }, t('deadlineWorking')))),
    h('p', { class: 'qadam-deadline-words', 'data-testid': 'deadline-words', 'aria-live': 'polite' },
      deadlineText(stored, language()) ?? t('deadlineNone')),
    stored ? h('button', {
      type: 'button', class: 'link-button', id: `${id}-clear`,
      onClick: () => modeling.updateModdleProperties(element, bo, { 'qadam:deadline': undefined }),
    }, t('deadlineClear')) : null);
}
