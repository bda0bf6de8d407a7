import { layoutProcess } from 'bpmn-auto-layout';

/** True when the document draws something: bpmn-js shows only elements with diagram interchange (BPMNShape/BPMNEdge). */
export function hasDiagram(xml: string): boolean {
  return /<(?:[\w-]+:)?BPMNShape[\s>]/.test(xml);
}

/**
 * The document as bpmn-js can show it: as is when it has a diagram, else laid out automatically. Definitions
 * written by hand or by another tool (the engine reads no layout) would otherwise open on an empty canvas.
 */
export async function withDiagram(xml: string): Promise<string> {
  return hasDiagram(xml) ? xml : layoutProcess(xml);
}
