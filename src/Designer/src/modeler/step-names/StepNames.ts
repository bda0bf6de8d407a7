import { language } from '../../i18n';

// bpmn-js internals, typed as far as this module uses them.
interface BusinessObject {
  name?: string;
  get(name: string): unknown;
}
interface DiagramElement {
  businessObject?: BusinessObject;
  labelTarget?: DiagramElement;
  label?: DiagramElement;
}
interface EventBus {
  on(event: string | string[], priority: number, callback: (event: never) => unknown): void;
  on(event: string | string[], callback: (event: never) => unknown): void;
  fire(event: string, data?: unknown): unknown;
}
interface ElementRegistry {
  getAll(): DiagramElement[];
}
interface Modeling {
  updateModdleProperties(element: DiagramElement, target: unknown, properties: Record<string, unknown>): void;
}
interface CommandStack {
  registerHandler?: unknown;
}
interface Injector {
  get<T>(name: string, strict?: boolean): T | undefined;
}

const label = (bo: BusinessObject, attribute: string) => {
  const value = bo.get(attribute);
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/** The name a step shows in `lang`: its Qadam label in that language, else the other one, else undefined (keep `name`). */
export function displayName(labels: { kk?: string; ru?: string }, lang: 'kk' | 'ru'): string | undefined {
  return (lang === 'kk' ? labels.kk ?? labels.ru : labels.ru ?? labels.kk) || undefined;
}

/**
 * One name per step and language: the diagram shows each step's qadam:labelKk or qadam:labelRu in the screen's
 * language instead of the BPMN `name` (which the engine does not read), and follows the label as it is edited. A name
 * typed on the canvas becomes the label of the screen's language. The shown name is for display only: the document is
 * saved with the `name` it was opened with.
 */
export default class StepNames {
  static $inject = ['eventBus', 'elementRegistry', 'injector'];

  /** The `name` each business object had before this module showed a label in its place. */
  private readonly original = new Map<BusinessObject, string | undefined>();
  /** The name the canvas last drew for each business object (a save swaps `name` without redrawing). */
  private readonly drawn = new Map<BusinessObject, string | undefined>();

  constructor(private readonly eventBus: EventBus, private readonly registry: ElementRegistry, injector: Injector) {
    eventBus.on('import.done', () => {
      this.original.clear();
      this.drawn.clear();
      this.apply();
    });
    eventBus.on('i18n.changed', () => this.apply());
    eventBus.on('commandStack.changed', () => this.apply());
    // The document keeps its own names: swapped back just before it is written, and shown again after.
    eventBus.on('saveXML.start', 2000, () => this.restore());
    eventBus.on('saveXML.done', () => this.apply(false));

    const modeling = injector.get<Modeling>('modeling', false);
    if (modeling && injector.get<CommandStack>('commandStack', false)) {
      // Direct editing on the canvas writes `name`; the text is the step's label in the screen's language.
      eventBus.on('commandStack.element.updateLabel.postExecuted', (event: { context: { element: DiagramElement; newLabel?: string } }) => {
        const target = event.context.element.labelTarget ?? event.context.element;
        const bo = target.businessObject;
        if (!bo || typeof bo.get !== 'function') {
          return;
        }
        const attribute = language() === 'kk' ? 'qadam:labelKk' : 'qadam:labelRu';
        const text = event.context.newLabel?.trim() || undefined;
        if (label(bo, attribute) !== text) {
          modeling.updateModdleProperties(target, bo, { [attribute]: text });
        }
      });
    }
  }

  /** Shows every labelled element's name in the screen's language; redraws those whose shown name changed. */
  apply(redraw = true): void {
    const lang = language();
    const changed: DiagramElement[] = [];
    const seen = new Set<BusinessObject>();
    for (const element of this.registry.getAll()) {
      const bo = element.businessObject;
      if (!bo || typeof bo.get !== 'function' || element.labelTarget) {
        continue;
      }
      if (!this.original.has(bo)) {
        this.original.set(bo, bo.name);
      }
      const shown = displayName({ kk: label(bo, 'qadam:labelKk'), ru: label(bo, 'qadam:labelRu') }, lang) ?? this.original.get(bo);
      if (seen.has(bo)) {
        continue;
      }
      seen.add(bo);
      const onCanvas = this.drawn.has(bo) ? this.drawn.get(bo) : this.original.get(bo);
      bo.name = shown;
      if (redraw) {
        this.drawn.set(bo, shown);
        if (onCanvas !== shown) {
          changed.push(element);
          if (element.label) {
            changed.push(element.label);
          }
        }
      }
    }
    if (redraw && changed.length > 0) {
      this.eventBus.fire('elements.changed', { elements: changed });
    }
  }

  /** Puts back the names the document was opened with (or that new elements were created with). */
  restore(): void {
    for (const [bo, name] of this.original) {
      bo.name = name;
    }
  }
}
