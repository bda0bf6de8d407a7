import { describe, expect, it } from 'vitest';
import { diffBpmn, isEmptyDiff } from './bpmnDiff';
import { parentApplication } from '../testing/bpmnSamples';

describe('diffBpmn', () => {
  it('reports nothing when the versions are the same', async () => {
    // given two identical versions
    const xml = parentApplication();

    // when they are compared
    const diff = await diffBpmn(xml, xml);

    // then there is no difference
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('ignores the layout of the diagram', async () => {
    // given a version whose only change is where a shape is drawn
    const before = parentApplication();
    const after = before.replace('x="100" y="100"', 'x="300" y="240"');

    // when they are compared
    const diff = await diffBpmn(before, after);

    // then the amendment has no difference
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('names a changed Kazakh label as qadam:labelKk with both values', async () => {
    // given an amendment that renames the review step in Kazakh
    const before = parentApplication();
    const after = parentApplication({ reviewLabelKk: 'Өтінішті тексеру' });

    // when they are compared
    const diff = await diffBpmn(before, after);

    // then only the review step changed, and only its Kazakh label
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id: 'Review',
        kind: 'changed',
        type: 'bpmn:UserTask',
        label: 'Review the application',
        attributes: [{ attribute: 'qadam:labelKk', before: 'Өтінішті қарау', after: 'Өтінішті тексеру' }],
      },
    ]);
  });

  it('reports extension attributes and the legal basis paragraph together', async () => {
    // given an amendment that adds a role, a deadline, and cites another paragraph
    const before = parentApplication();
    const after = parentApplication({ reviewRoles: 'clerk,head', reviewParagraph: '7', reviewDeadline: 'P3D' });

    // when they are compared
    const diff = await diffBpmn(before, after);

    // then the three attributes are listed by name, sorted
    expect(diff.changed.map((c) => c.id)).toEqual(['Review']);
    expect(diff.changed[0]!.attributes).toEqual([
      { attribute: 'qadam:candidateRoles', before: 'clerk', after: 'clerk,head' },
      { attribute: 'qadam:deadline', before: undefined, after: 'P3D' },
      { attribute: 'qadam:legalBasis.paragraph', before: '5', after: '7' },
    ]);
  });

  it('lists added and removed elements with their labels, and the flows rewired around them', async () => {
    // given an amendment that drops the review step and adds a notification
    const before = parentApplication();
    const after = parentApplication({ withoutReview: true, withNotify: true });

    // when they are compared
    const diff = await diffBpmn(before, after);

    // then the notification is added, the review and its flow removed, and the first flow now ends elsewhere
    expect(diff.added.map((c) => [c.id, c.type, c.label])).toEqual([['Notify', 'bpmn:ServiceTask', 'Notify the parent']]);
    expect(diff.removed.map((c) => [c.id, c.type])).toEqual([
      ['Flow_2', 'bpmn:SequenceFlow'],
      ['Review', 'bpmn:UserTask'],
    ]);
    expect(diff.changed).toEqual([
      expect.objectContaining({ id: 'Flow_1', attributes: [{ attribute: 'targetRef', before: 'Review', after: 'End' }] }),
    ]);
  });

  it('reports a changed condition by the text of its expression', async () => {
    // given a flow whose condition is rewritten
    const before = parentApplication({ condition: 'data.reason == "health"' });
    const after = parentApplication({ condition: 'data.reason == "sport"' });

    // when they are compared
    const diff = await diffBpmn(before, after);

    // then the condition's body is the one change
    expect(diff.changed).toEqual([
      expect.objectContaining({
        id: 'Flow_1',
        attributes: [{ attribute: 'conditionExpression.body', before: 'data.reason == "health"', after: 'data.reason == "sport"' }],
      }),
    ]);
  });

  it('reports a change of the process itself under the process, also when a pool draws it', async () => {
    // given a version drawn in a pool, and an amendment that renames the process and cites another paragraph
    const pooled = (name: string, paragraph: string) => parentApplication()
      .replace('<bpmn:process id="ParentApplication" name="Parent application" isExecutable="true">',
        `<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Pool" processRef="ParentApplication" /></bpmn:collaboration>
  <bpmn:process id="ParentApplication" name="${name}" isExecutable="true">
    <bpmn:extensionElements><qadam:legalBasis act="Order 349" edition="2025-103" paragraph="${paragraph}" /></bpmn:extensionElements>`);

    // when they are compared
    const diff = await diffBpmn(pooled('Parent application', '3'), pooled('Application of a parent', '3-1'));

    // then the process is the one changed element, with its name and paragraph
    expect(diff.changed.map((c) => [c.id, c.attributes.map((a) => a.attribute)])).toEqual([
      ['ParentApplication', ['name', 'qadam:legalBasis.paragraph']],
    ]);
  });
});
