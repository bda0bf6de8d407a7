// Which elements of a process changed between two versions, and which of their attributes. bpmn-js-differ (bpmn.io's
// own, https://github.com/bpmn-io/bpmn-js-differ) compares the two models; this file only names what it finds the way
// the lawyer's screen reads it (`qadam:labelKk`, `qadam:legalBasis.paragraph`, `conditionExpression.body`).
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { ChangeHandler, diff } from 'bpmn-js-differ';
import { qadamModdleExtension } from '../moddle/qadam';

/** One attribute of an element that differs between two versions; absent on one side is `undefined`. */
export interface AttributeChange {
  attribute: string;
  before?: string;
  after?: string;
}

export type ElementChangeKind = 'added' | 'removed' | 'changed';

/** An element (by id) that was added, removed, or whose attributes changed. */
export interface ElementChange {
  id: string;
  kind: ElementChangeKind;
  /** The BPMN type, e.g. `bpmn:UserTask` (the newer side's, for changed elements). */
  type: string;
  /** What a reader calls the element: its name, else its Kazakh or Russian label, else nothing. */
  label?: string;
  /** For changed elements: each attribute that differs, sorted by name. Empty for added and removed. */
  attributes: AttributeChange[];
}

export interface BpmnDiff {
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
  /** Every element of both versions (the newer's where both have it): names of referenced steps, legal paragraphs. */
  elements?: DefinitionSnapshot;
}

/** The attributes of one element, flattened to `name → text`, plus its type. */
export interface ElementSnapshot {
  type: string;
  attributes: Record<string, string>;
}

export type DefinitionSnapshot = Map<string, ElementSnapshot>;

// Kinds of elements that a lawyer compares one by one: besides the flow elements, lanes and participants the differ
// follows, the process itself (which the differ folds into its participant), messages, signals, errors and
// annotations. Anything else (event definitions, expressions, extension elements) is part of the element holding it.
const OWN_ENTRY_TYPES = ['bpmn:FlowElement', 'bpmn:RootElement', 'bpmn:Lane', 'bpmn:Participant', 'bpmn:Artifact', 'bpmn:MessageFlow'];

// Properties that BPMN derives from others (incoming/outgoing from the flows' source and target).
const SKIPPED = new Set(['incoming', 'outgoing', 'lanes', 'boundaryEventRefs', 'categoryValueRef', 'flowNodeRef']);

const moddle = () => new BpmnModdle({ qadam: qadamModdleExtension() });

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

/** The differ's findings, by our own entries (a change inside a part counts for the entry holding it). */
class ElementChanges extends ChangeHandler {
  override _isTracked(element: ModdleElement) {
    return isOwnEntry(element) ? { element, property: '' } : super._isTracked(element);
  }
}

/** A reference as the referenced id (several sorted and joined). */
function text(value: unknown): string {
  return Array.isArray(value) ? value.map(text).sort().join(', ') : isElement(value) ? String(value.id) : String(value);
}

/** A property is named plainly in its own namespace, and with its prefix on another's element (`qadam:labelKk`). */
function nameOf(owner: ModdleElement, property: string): string {
  const descriptor = owner.$descriptor.properties.find((p) => p.name === property || p.ns.localName === property);
  const prefix = descriptor?.ns.prefix ?? 'bpmn';
  const name = descriptor ? (descriptor.ns.localName ?? descriptor.name) : property;
  return prefix === 'bpmn' || owner.$type.startsWith(`${prefix}:`) ? name : `${prefix}:${name}`;
}

function isOwnEntry(element: ModdleElement): boolean {
  return typeof element.id === 'string' && OWN_ENTRY_TYPES.some((type) => element.$instanceOf(type));
}

/** Extension elements are named after their type (`qadam:legalBasis`), numbered only when repeated. */
function extensionName(child: ModdleElement, extensions: ModdleElement): string {
  const siblings = ((extensions.get('values') as ModdleElement[] | undefined) ?? []).filter((v) => v.$type === child.$type);
  const [prefix, local = ''] = child.$type.split(':');
  return `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}${siblings.length > 1 ? `[${siblings.indexOf(child)}]` : ''}`;
}

/** Writes an element's attributes under `path`; parts that are elements of their own are left to their entries. */
function flatten(element: ModdleElement, path: string, into: Record<string, string>): void {
  for (const property of element.$descriptor.properties) {
    if (SKIPPED.has(property.name) || property.isId) continue;
    const value = element.get(property.name);
    if (value === undefined || value === null || value === property.default) continue;
    const key = path + nameOf(element, property.name);
    if (property.isReference) {
      if (!Array.isArray(value) || value.length > 0) into[key] = text(value);
    } else if (Array.isArray(value)) {
      const nested = value.filter((v) => isElement(v) && !isOwnEntry(v)) as ModdleElement[];
      if (element.$type === 'bpmn:ExtensionElements') {
        nested.forEach((child) => flatten(child, `${path}${extensionName(child, element)}.`, into));
      } else {
        nested.forEach((child, index) => flatten(child, nested.length === 1 ? `${key}.` : `${key}[${index}].`, into));
      }
    } else if (isElement(value)) {
      if (!isOwnEntry(value)) flatten(value, value.$type === 'bpmn:ExtensionElements' ? path : `${key}.`, into);
    } else {
      into[key] = String(value);
    }
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns')) into[path + name] = value;
  }
}

/** Every element of a version that a lawyer compares, by id, with its flattened attributes. */
function snapshot(elementsById: Record<string, ModdleElement>): DefinitionSnapshot {
  const elements: DefinitionSnapshot = new Map();
  for (const [id, element] of Object.entries(elementsById)) {
    if (isOwnEntry(element)) {
      const attributes: Record<string, string> = {};
      flatten(element, '', attributes);
      elements.set(id, { type: element.$type, attributes });
    }
  }
  return elements;
}

function labelOf(attributes: Record<string, string> | undefined): string | undefined {
  return attributes?.['name'] ?? attributes?.['qadam:labelKk'] ?? attributes?.['qadam:labelRu'];
}

/** Compares two BPMN XML documents element by element (by id); diagram layout is left out. */
export async function diffBpmn(beforeXml: string, afterXml: string): Promise<BpmnDiff> {
  const [before, after] = await Promise.all([moddle().fromXML(beforeXml), moddle().fromXML(afterXml)]);
  const found = diff(before.rootElement, after.rootElement, new ElementChanges());
  const [old, now] = [snapshot(before.elementsById), snapshot(after.elementsById)];
  const result: BpmnDiff = { added: [], removed: [], changed: [] };
  Object.defineProperty(result, 'elements', { value: new Map([...old, ...now]), enumerable: false });

  const listed = (kind: ElementChangeKind, elements: Record<string, ModdleElement>, side: DefinitionSnapshot) =>
    Object.values(elements).map((element): ElementChange =>
      ({ id: String(element.id), kind, type: element.$type, label: labelOf(side.get(String(element.id))?.attributes), attributes: [] }));
  result.added = listed('added', found._added, now);
  result.removed = listed('removed', found._removed, old);

  // The differ says which elements changed; what changed in each is read off the two versions' attributes.
  for (const id of Object.keys(found._changed)) {
    const was = old.get(id)?.attributes ?? {};
    const is = now.get(id)?.attributes ?? {};
    const attributes = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()
      .filter((name) => was[name] !== is[name])
      .map((name): AttributeChange => ({ attribute: name, before: was[name], after: is[name] }));
    if (old.get(id)?.type !== now.get(id)?.type) {
      attributes.unshift({ attribute: 'type', before: old.get(id)?.type, after: now.get(id)?.type });
    }
    if (attributes.length > 0 && now.has(id)) {
      result.changed.push({ id, kind: 'changed', type: now.get(id)!.type, label: labelOf(is) ?? labelOf(was), attributes });
    }
  }

  const byId = (a: ElementChange, b: ElementChange) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  result.added.sort(byId);
  result.removed.sort(byId);
  result.changed.sort(byId);
  return result;
}

/** True when the two versions have no difference that the diff reports. */
export function isEmptyDiff(diff: BpmnDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}
