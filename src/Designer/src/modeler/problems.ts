import type { DefinitionProblem } from '../api/client';

/** Server problems sorted for the screen: those on a drawn element become overlays, the rest a general list. */
export interface ProblemPlacement {
  /** Messages by the id of a drawn element, in the server's order. */
  onElements: Map<string, string[]>;
  /** Problems whose element is not drawn (the process itself, a message, an unknown id) or that name none. */
  general: DefinitionProblem[];
}

/**
 * Places each problem: on its element when the diagram draws an element of that id, in the general list otherwise.
 * A problem on the root (the process, or the collaboration) is general too: an overlay there would cover the canvas.
 */
export function placeProblems(problems: readonly DefinitionProblem[], drawnIds: ReadonlySet<string>, rootIds: ReadonlySet<string> = new Set()): ProblemPlacement {
  const placement: ProblemPlacement = { onElements: new Map(), general: [] };
  for (const problem of problems) {
    const id = problem.elementId?.trim();
    if (id && drawnIds.has(id) && !rootIds.has(id)) {
      placement.onElements.set(id, [...(placement.onElements.get(id) ?? []), problem.message]);
    } else {
      placement.general.push(problem);
    }
  }
  return placement;
}
