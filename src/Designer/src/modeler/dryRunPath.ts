import type { DryRunResult } from '../api/client';
import { pathKind } from './dryRun';

interface MarkerCanvas {
  addMarker(element: string | object, marker: string): void;
  removeMarker(element: string | object, marker: string): void;
}
interface PathElement {
  id: string;
  source?: { id: string };
  target?: { id: string };
  waypoints?: unknown[];
}
interface Diagram {
  get<T>(name: string): T;
}

const markers = ['qadam-path', 'qadam-path-waiting', 'qadam-path-problem'];

/** What the dry run marks on the diagram: elements it passed, the flows between them, and where it waits. */
export function pathMarkers(result: Pick<DryRunResult, 'path' | 'waiting'>, flows: readonly PathElement[]): Map<string, string> {
  const marks = new Map<string, string>();
  const passed = new Set<string>();
  for (const entry of result.path) {
    passed.add(entry.elementId);
    marks.set(entry.elementId, pathKind(entry) === 'problem' ? 'qadam-path-problem' : 'qadam-path');
  }
  for (const waiting of result.waiting) {
    marks.set(waiting.elementId, 'qadam-path-waiting');
    passed.add(waiting.elementId);
  }
  // A flow is on the path when the run passed both its ends (good enough for a picture; the list says the order).
  for (const flow of flows) {
    if (flow.source && flow.target && passed.has(flow.source.id) && passed.has(flow.target.id) && !marks.has(flow.id)) {
      marks.set(flow.id, 'qadam-path');
    }
  }
  return marks;
}

/** Marks the dry run's path on the modeler's canvas, replacing the previous run's marks. */
export function showDryRunPath(diagram: Diagram, result: Pick<DryRunResult, 'path' | 'waiting'>): void {
  const canvas = diagram.get<MarkerCanvas>('canvas');
  const all = diagram.get<{ getAll(): PathElement[] }>('elementRegistry').getAll();
  for (const element of all) {
    markers.forEach((marker) => canvas.removeMarker(element, marker));
  }
  const ids = new Set(all.map((element) => element.id));
  for (const [id, marker] of pathMarkers(result, all.filter((element) => element.waypoints))) {
    if (ids.has(id)) {
      canvas.addMarker(id, marker);
    }
  }
}
