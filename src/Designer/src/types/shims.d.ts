// Minimal typings for the bpmn.io packages that ship none for their ESM entry points. Only what Qadam uses.

declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    $attrs: Record<string, string>;
    $descriptor: { properties: ModdleProperty[] };
    $parent?: ModdleElement;
    id?: string;
    name?: string;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    $instanceOf(type: string): boolean;
    [key: string]: unknown;
  }
  export interface ModdleProperty {
    name: string;
    ns: { prefix: string; localName: string; name: string };
    type: string;
    isAttr?: boolean;
    isMany?: boolean;
    isReference?: boolean;
    isBody?: boolean;
    isId?: boolean;
    default?: unknown;
  }
  export interface FromXmlResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: Array<{ message: string }>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export function useService<T = unknown>(name: string): T;
}

declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: unknown;
  export const TextAreaEntry: unknown;
  export const SelectEntry: unknown;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'bpmn-auto-layout' {
  /** Lays out the first process of a BPMN document and answers the XML with diagram interchange added. */
  export function layoutProcess(xml: string): Promise<string>;
}

// flatpickr's ES-module locales (its dist/l10n/*.js are UMD bundles a bundler may not read named exports from).
declare module 'flatpickr/dist/esm/l10n/kz.js' {
  export const Kazakh: import('flatpickr/dist/types/locale').CustomLocale;
}
declare module 'flatpickr/dist/esm/l10n/ru.js' {
  export const Russian: import('flatpickr/dist/types/locale').CustomLocale;
}

declare module 'diagram-js-minimap' {
  const MinimapModule: import('didi').ModuleDeclaration;
  export default MinimapModule;
}

declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';
  /** Receives the differ's findings; subclass it to record them differently (bpmn-js-differ's extension point). */
  export class ChangeHandler {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, ModdleElement>;
    _isTracked(element: ModdleElement): { element: ModdleElement; property: string } | undefined | false;
    changed(model: ModdleElement, property: string, first?: unknown, second?: unknown): void;
    added(model: ModdleElement, property: string, element: ModdleElement, index: number): void;
    removed(model: ModdleElement, property: string, element: ModdleElement, index: number): void;
  }
  export function diff<T extends ChangeHandler = ChangeHandler>(before: ModdleElement, after: ModdleElement, handler?: T): T;
}
