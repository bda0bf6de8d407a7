import { describe, expect, it } from 'vitest';
import { placeProblems } from './problems';

describe('placeProblems', () => {
  it('puts each problem on its drawn element, keeping the server order per element', () => {
    // given problems on two drawn tasks, one of them twice
    const problems = [
      { elementId: 'Review', message: 'qadam:candidateRoles is missing' },
      { elementId: 'Gateway_1', message: 'gateway without outgoing flow' },
      { elementId: 'Review', message: 'qadam:deadline is not an ISO 8601 duration' },
    ];

    // when they are placed on a diagram that draws both
    const placement = placeProblems(problems, new Set(['Review', 'Gateway_1', 'Start']));

    // then each element carries its messages and nothing is left for the general list
    expect([...placement.onElements]).toEqual([
      ['Review', ['qadam:candidateRoles is missing', 'qadam:deadline is not an ISO 8601 duration']],
      ['Gateway_1', ['gateway without outgoing flow']],
    ]);
    expect(placement.general).toEqual([]);
  });

  it('lists problems of undrawn elements, of the process, and without an id in general', () => {
    // given a problem on the process, one on a message (not drawn), and one naming no element
    const problems = [
      { elementId: 'ParentApplication', message: 'qadam:legalBasis needs act' },
      { elementId: 'Message_1', message: 'message without name' },
      { elementId: '', message: 'the XML is not well-formed' },
    ];

    // when they are placed on a diagram whose root is the process
    const placement = placeProblems(problems, new Set(['ParentApplication', 'Start']), new Set(['ParentApplication']));

    // then all three go to the general list, in order
    expect(placement.onElements.size).toBe(0);
    expect(placement.general.map((p) => p.message)).toEqual([
      'qadam:legalBasis needs act',
      'message without name',
      'the XML is not well-formed',
    ]);
  });
});
