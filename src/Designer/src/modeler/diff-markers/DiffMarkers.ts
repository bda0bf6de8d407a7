import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { BpmnDiff } from '../../diff/bpmnDiff';

export type DiffSide = 'before' | 'after';

const markers = ['qadam-diff-added', 'qadam-diff-removed', 'qadam-diff-changed'] as const;

/**
 * Colours a diagram after a diff: on the newer version added (green) and changed (amber) elements; on the older
 * version removed (red) and changed elements. The colours are CSS classes (styles.css), set as canvas markers.
 */
export default class DiffMarkers {
  static $inject = ['canvas', 'elementRegistry'];

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
  ) {}

  show(diff: BpmnDiff, side: DiffSide): string[] {
    this.clear();
    const marked: string[] = [];
    const mark = (id: string, marker: (typeof markers)[number]) => {
      if (this.elementRegistry.get(id)) {
        this.canvas.addMarker(id, marker);
        marked.push(id);
      }
    };
    (side === 'after' ? diff.added : diff.removed).forEach((c) =>
      mark(c.id, side === 'after' ? 'qadam-diff-added' : 'qadam-diff-removed'));
    diff.changed.forEach((c) => mark(c.id, 'qadam-diff-changed'));
    return marked;
  }

  clear(): void {
    for (const element of this.elementRegistry.getAll()) {
      markers.forEach((marker) => this.canvas.removeMarker(element.id, marker));
    }
  }
}
