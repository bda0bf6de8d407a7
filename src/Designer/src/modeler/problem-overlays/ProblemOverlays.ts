import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type { DefinitionProblem } from '../../api/client';
import { placeProblems, type ProblemPlacement } from '../problems';

const overlayType = 'qadam-problem';
const markerClass = 'qadam-has-problem';

/** Shows the server's validation problems on the diagram: a marker and a badge listing the messages per element. */
export default class ProblemOverlays {
  static $inject = ['overlays', 'elementRegistry', 'canvas'];

  private marked: string[] = [];

  constructor(
    private readonly overlays: Overlays,
    private readonly elementRegistry: ElementRegistry,
    private readonly canvas: Canvas,
  ) {}

  /** Replaces the shown problems; answers the placement so the caller can list the general ones. */
  show(problems: readonly DefinitionProblem[]): ProblemPlacement {
    this.clear();
    const drawn = new Set(this.elementRegistry.getAll().map((e) => e.id));
    const root = this.canvas.getRootElement();
    const rootIds = new Set([root.id, (root as { businessObject?: { id?: string } }).businessObject?.id ?? root.id]);
    const placement = placeProblems(problems, drawn, rootIds);
    for (const [id, messages] of placement.onElements) {
      this.canvas.addMarker(id, markerClass);
      this.marked.push(id);
      const badge = document.createElement('div');
      badge.className = 'qadam-problem-badge';
      badge.setAttribute('data-element-id', id);
      badge.textContent = String(messages.length);
      badge.title = messages.join('\n');
      this.overlays.add(id, overlayType, { position: { top: -12, right: 12 }, html: badge });
    }
    return placement;
  }

  clear(): void {
    this.overlays.remove({ type: overlayType });
    for (const id of this.marked) {
      if (this.elementRegistry.get(id)) {
        this.canvas.removeMarker(id, markerClass);
      }
    }
    this.marked = [];
  }
}
