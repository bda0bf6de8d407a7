import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
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

// Kinds of elements that a lawyer compares one by one; anything else (event definitions, loop characteristics,
// expressions, extension elements) is part of the element that holds it.
const OWN_ENTRY_TYPES = ['bpmn:FlowElement', 'bpmn:RootElement', 'bpmn:Lane', 'bpmn:Participant', 'bpmn:Artifact', 'bpmn:MessageFlow'];

// Properties that BPMN derives from others (incoming/outgoing from the flows' source and target) or that hold
// elements with entries of their own.
const SKIPPED = new Set(['incoming', 'outgoing', 'lanes', 'boundaryEventRefs', 'categoryValueRef', 'flowNodeRef']);

const moddle = () => new BpmnModdle({ qadam: qadamModdleExtension() });

/** Parses BPMN XML (with our extension) into a snapshot of every element by id; diagram layout is left out. */
export async function snapshotBpmn(xml: string): Promise<DefinitionSnapshot> {
  const { rootElement } = await moddle().fromXML(xml);
  const snapshot: DefinitionSnapshot = new Map();
  collect(rootElement, snapshot);
  return snapshot;
}

/** Compares two BPMN XML documents element by element (by id). */
export async function diffBpmn(beforeXml: string, afterXml: string): Promise<BpmnDiff> {
  const [before, after] = await Promise.all([snapshotBpmn(beforeXml), snapshotBpmn(afterXml)]);
  return diffSnapshots(before, after);
}

/** The pure comparison of two snapshots. Lists are sorted by id so the result is stable. */
export function diffSnapshots(before: DefinitionSnapshot, after: DefinitionSnapshot): BpmnDiff {
  const diff: BpmnDiff = { added: [], removed: [], changed: [] };
  Object.defineProperty(diff, 'elements', { value: new Map([...before, ...after]), enumerable: false });
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push({ id, kind: 'added', type: element.type, label: labelOf(element), attributes: [] });
      continue;
    }

    const names = new Set([...Object.keys(old.attributes), ...Object.keys(element.attributes)]);
    const attributes: AttributeChange[] = [];
    for (const name of [...names].sort()) {
      const was = old.attributes[name];
      const is = element.attributes[name];
      if (was !== is) {
        attributes.push({ attribute: name, before: was, after: is });
      }
    }

    if (old.type !== element.type) {
      attributes.unshift({ attribute: 'type', before: old.type, after: element.type });
    }

    if (attributes.length > 0) {
      diff.changed.push({ id, kind: 'changed', type: element.type, label: labelOf(element) ?? labelOf(old), attributes });
    }
  }

  for (const [id, element] of before) {
    if (!after.has(id)) {
      diff.removed.push({ id, kind: 'removed', type: element.type, label: labelOf(element), attributes: [] });
    }
  }

  const byId = (a: ElementChange, b: ElementChange) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}

/** True when the two versions have no difference that the diff reports. */
export function isEmptyDiff(diff: BpmnDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

function labelOf(element: ElementSnapshot): string | undefined {
  const a = element.attributes;
  return a['name'] ?? a['qadam:labelKk'] ?? a['qadam:labelRu'];
}

function isOwnEntry(element: ModdleElement): boolean {
  return typeof element.id === 'string' && OWN_ENTRY_TYPES.some((type) => element.$instanceOf(type));
}

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

/** Walks the definitions: every own-entry element gets a snapshot; diagram interchange (layout) is skipped. */
function collect(element: ModdleElement, snapshot: DefinitionSnapshot): void {
  if (element.$instanceOf('bpmn:Definitions')) {
    for (const root of (element.get('rootElements') as ModdleElement[] | undefined) ?? []) {
      collect(root, snapshot);
    }
    return;
  }

  const attributes: Record<string, string> = {};
  flatten(element, '', attributes, snapshot);
  snapshot.set(element.id as string, { type: element.$type, attributes });
}

/** A property is named plainly in its own namespace, and with its prefix on another's element (`qadam:labelKk`). */
function propertyName(prefix: string, name: string, owner: ModdleElement): string {
  return prefix === 'bpmn' || owner.$type.startsWith(`${prefix}:`) ? name : `${prefix}:${name}`;
}

/**
 * Writes the element's attributes under `path`: plain values as text, references as the referenced id, contained
 * elements that are entries of their own are collected separately, the rest flattened with a dotted path.
 */
function flatten(
  element: ModdleElement,
  path: string,
  into: Record<string, string>,
  snapshot: DefinitionSnapshot,
): void {
  for (const property of element.$descriptor.properties) {
    const name = propertyName(property.ns.prefix, property.ns.localName ?? property.name, element);
    if (SKIPPED.has(property.name) || property.isId) {
      continue;
    }

    const value = element.get(property.name);
    if (value === undefined || value === null || value === property.default) {
      continue;
    }

    const key = path + name;
    if (property.isReference) {
      const ids = (Array.isArray(value) ? value : [value]).map((v) => (isElement(v) ? String(v.id) : String(v)));
      if (ids.length > 0) {
        into[key] = ids.sort().join(', ');
      }
      continue;
    }

    if (Array.isArray(value)) {
      const children = value.filter(isElement);
      const nested = children.filter((child) => !isOwnEntry(child));
      children.filter(isOwnEntry).forEach((child) => collect(child, snapshot));
      if (property.name === 'values' && element.$type === 'bpmn:ExtensionElements') {
        flattenExtensions(nested, path, into, snapshot);
      } else {
        nested.forEach((child, index) =>
          flatten(child, nested.length === 1 ? `${key}.` : `${key}[${index}].`, into, snapshot));
      }
      continue;
    }

    if (isElement(value)) {
      if (isOwnEntry(value)) {
        collect(value, snapshot);
      } else if (value.$type === 'bpmn:ExtensionElements') {
        flatten(value, path, into, snapshot);
      } else {
        flatten(value, `${key}.`, into, snapshot);
      }
      continue;
    }

    into[key] = String(value);
  }

  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns')) {
      into[path + name] = value;
    }
  }
}

/** Extension elements are named after their type (`qadam:legalBasis.act`), numbered only when repeated. */
function flattenExtensions(values: ModdleElement[], path: string, into: Record<string, string>, snapshot: DefinitionSnapshot): void {
  const byType = new Map<string, ModdleElement[]>();
  for (const value of values) {
    byType.set(value.$type, [...(byType.get(value.$type) ?? []), value]);
  }

  for (const [type, elements] of byType) {
    const [prefix, local = ''] = type.split(':');
    const name = `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
    elements.forEach((child, index) =>
      flatten(child, elements.length === 1 ? `${path}${name}.` : `${path}${name}[${index}].`, into, snapshot));
  }
}
