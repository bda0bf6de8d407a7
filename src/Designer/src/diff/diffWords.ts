// The comparison of two versions in the lawyer's words: «Шаг «...»: срок нет → 5 рабочих дней (п. 28 пп. 1))». No
// element ids, BPMN types, attribute names or ISO durations: steps by their name in the screen's language, roles,
// forms and documents by their names, deadlines in words, each line with the paragraph the step cites.
import { language, t, type MessageKey } from '../i18n';
import { formTitle, roleNames, templateTitle, type StepInfo } from '../modeler/choices';
import { deadlineText } from '../modeler/deadline/deadlineWords';
import type { BpmnDiff, DefinitionSnapshot, ElementChange, ElementSnapshot } from './bpmnDiff';

/** One change as the lawyer reads it. */
export interface ChangeLine {
  id: string;
  kind: ElementChange['kind'];
  /** The attribute behind the line (for tests and markers), never shown. */
  attribute?: string;
  text: string;
}

type KindKey = 'step' | 'event' | 'gateway' | 'flow' | 'process' | 'element';

function kindOf(type: string): KindKey {
  if (/Task$|^bpmn:(SubProcess|CallActivity|Transaction)$/.test(type)) return 'step';
  if (/Event$/.test(type)) return 'event';
  if (/Gateway$/.test(type)) return 'gateway';
  if (type === 'bpmn:SequenceFlow') return 'flow';
  if (type === 'bpmn:Process') return 'process';
  return 'element';
}

function shownName(element: ElementSnapshot | undefined): string | undefined {
  if (!element) return undefined;
  const a = element.attributes;
  const [first, second] = language() === 'kk' ? [a['qadam:labelKk'], a['qadam:labelRu']] : [a['qadam:labelRu'], a['qadam:labelKk']];
  return first ?? second ?? a['name'];
}

function nameOf(id: string | undefined, elements: DefinitionSnapshot): string {
  const element = id ? elements.get(id) : undefined;
  const name = shownName(element);
  if (name) return `«${name}»`;
  if (element && element.type === 'bpmn:SequenceFlow') {
    return `«${nameOf(element.attributes['sourceRef'], elements).replace(/[«»]/g, '')} → ${nameOf(element.attributes['targetRef'], elements).replace(/[«»]/g, '')}»`;
  }
  return `«${t('diffUnnamed')}»`;
}

/** "п. 28 пп. 1)" of a citation "п. 28 пп. 1): заключение ...": the paragraph, without the gloss after it. */
export function shortParagraph(paragraph: string | undefined): string | undefined {
  const text = paragraph?.trim();
  return text ? text.split(/[:;,]\s/)[0]?.trim() : undefined;
}

/** Which word an attribute of the snapshot is, and how its values read; undefined for one the lawyer need not read. */
function attributeOf(attribute: string): { word: MessageKey; value: (v: string, elements: DefinitionSnapshot, steps: StepInfo[]) => string } | undefined {
  const plain = (v: string) => `«${v}»`;
  // Expressions and internal keys (conditions, organisation scopes, activities) say that they changed, not their code.
  const unread = () => '';
  const name = attribute.replace(/^qadam:/, '').replace(/^legalBasis\./, '');
  if (/xsi:type$|\.language$|\$type$/.test(attribute)) return undefined;
  if (/conditionExpression/.test(attribute)) return { word: 'diffAttr_condition', value: unread };
  if (/time(Duration|Date|Cycle)/.test(attribute)) return { word: 'diffAttr_timer', value: (v) => deadlineText(v, language()) ?? v };
  switch (name) {
    case 'name': return { word: 'diffAttr_name', value: plain };
    case 'labelKk': return { word: 'diffAttr_labelKk', value: plain };
    case 'labelRu': return { word: 'diffAttr_labelRu', value: plain };
    case 'candidateRoles': return { word: 'diffAttr_candidateRoles', value: (v) => roleNames(v) };
    case 'formKey': return { word: 'diffAttr_formKey', value: (v, _e, steps) => `«${formTitle(v, steps)}»` };
    case 'templateKey': return { word: 'diffAttr_templateKey', value: (v, _e, steps) => `«${templateTitle(v, steps)}»` };
    case 'signs': return { word: 'diffAttr_signs', value: (v, _e, steps) => v.split(',').map((k) => `«${templateTitle(k.trim(), steps)}»`).join(', ') };
    case 'deadline': return { word: 'diffAttr_deadline', value: (v) => deadlineText(v, language()) ?? v };
    case 'organisationScope': return { word: 'diffAttr_organisationScope', value: unread };
    case 'activity': return { word: 'diffAttr_activity', value: unread };
    case 'act': return { word: 'diffAttr_act', value: plain };
    case 'edition': return { word: 'diffAttr_edition', value: plain };
    case 'paragraph': return { word: 'diffAttr_paragraph', value: plain };
    case 'default': return { word: 'diffAttr_default', value: (v, elements) => nameOf(v, elements) };
    case 'sourceRef': return { word: 'diffAttr_sourceRef', value: (v, elements) => nameOf(v, elements) };
    case 'targetRef': return { word: 'diffAttr_targetRef', value: (v, elements) => nameOf(v, elements) };
    case 'type': return { word: 'diffAttr_type', value: (v) => t(`diffKind_${kindOf(v)}`) };
    default: return { word: 'diffAttr_other', value: unread };
  }
}

function stepsOf(elements: DefinitionSnapshot): StepInfo[] {
  return [...elements.values()].map((e) => ({
    labelKk: e.attributes['qadam:labelKk'], labelRu: e.attributes['qadam:labelRu'], name: e.attributes['name'],
    formKey: e.attributes['qadam:formKey'], templateKey: e.attributes['qadam:templateKey'],
  }));
}

/** The diff as lines a lawyer reads, in the screen's language, in the order added, removed, changed. */
export function diffLines(diff: BpmnDiff): ChangeLine[] {
  const elements = diff.elements ?? new Map<string, ElementSnapshot>();
  const steps = stepsOf(elements);
  const heading = (change: ElementChange) => `${t(`diffKind_${kindOf(change.type)}`)} ${nameOf(change.id, elements)}`;
  const cited = (change: ElementChange) => {
    const paragraph = shortParagraph(elements.get(change.id)?.attributes['qadam:legalBasis.paragraph']);
    return paragraph ? ` ${t('diffParagraph', { paragraph })}` : '';
  };
  const lines: ChangeLine[] = [];
  for (const change of [...diff.added, ...diff.removed]) {
    lines.push({ id: change.id, kind: change.kind, text: `${heading(change)}${cited(change)}` });
  }
  for (const change of diff.changed) {
    let other = false;
    for (const attribute of change.attributes) {
      const described = attributeOf(attribute.attribute);
      if (!described || (described.word === 'diffAttr_other' && other)) {
        continue;
      }
      const word = t(described.word);
      if (described.value('x', elements, steps) === '') {
        // Technical settings (counted once) and expressions: that they changed, without their code.
        other ||= described.word === 'diffAttr_other';
        lines.push({ id: change.id, kind: change.kind, attribute: attribute.attribute,
          text: `${heading(change)}: ${t('diffChangedOnly', { what: word })}${cited(change)}` });
        continue;
      }
      const value = (v: string | undefined) => (v === undefined || v === '' ? t('diffEmptyValue').replace(/[()]/g, '') : described.value(v, elements, steps));
      lines.push({
        id: change.id, kind: change.kind, attribute: attribute.attribute,
        text: `${heading(change)}: ${word} ${value(attribute.before)} → ${value(attribute.after)}${cited(change)}`,
      });
    }
  }
  // One line per sentence: a condition's body and its language changing together read once.
  return lines.filter((line, index) => lines.findIndex((l) => l.id === line.id && l.text === line.text) === index);
}
