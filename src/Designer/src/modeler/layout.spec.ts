import { describe, expect, it } from 'vitest';
import { hasDiagram, withDiagram } from './layout';
import { parentApplication } from '../testing/bpmnSamples';
import { diffBpmn, isEmptyDiff } from '../diff/bpmnDiff';

const withoutDiagram = (xml: string) => xml.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');

describe('withDiagram', () => {
  it('leaves a drawn definition as it is', async () => {
    // given a definition with shapes
    const xml = parentApplication();

    // when it is prepared for the modeler
    // then nothing changes
    expect(hasDiagram(xml)).toBe(true);
    expect(await withDiagram(xml)).toBe(xml);
  });

  it('lays out a definition without diagram, keeping every element and our attributes', async () => {
    // given the same definition with its diagram removed, as the engine's own samples come
    const bare = withoutDiagram(parentApplication());
    expect(hasDiagram(bare)).toBe(false);

    // when it is prepared for the modeler
    const drawn = await withDiagram(bare);

    // then it has shapes, and the process is unchanged element by element (labels, roles, legal basis)
    expect(hasDiagram(drawn)).toBe(true);
    expect(drawn).toContain('bpmnElement="Review"');
    expect(isEmptyDiff(await diffBpmn(bare, drawn))).toBe(true);
  });
});
