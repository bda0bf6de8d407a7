import { describe, expect, it } from 'vitest';
import { pathMarkers } from './dryRunPath';

describe('pathMarkers', () => {
  it('marks the passed steps, the flows between them and the step that waits', () => {
    // given a run that filed, reviewed and now waits at the notice
    const result = {
      path: [{ elementId: 'filed', event: 'entered' }, { elementId: 'review', event: 'task-completed' }, { elementId: 'broken', event: 'incident' }],
      waiting: [{ elementId: 'notice', kind: 'userTask' }],
    };
    const flows = [
      { id: 'f1', source: { id: 'filed' }, target: { id: 'review' } },
      { id: 'f2', source: { id: 'review' }, target: { id: 'notice' } },
      { id: 'f3', source: { id: 'review' }, target: { id: 'refused' } },
    ];

    // when the marks are computed
    const marks = pathMarkers(result, flows);

    // then the path and the taken flows are marked, the flow to the branch not taken is not
    expect(marks.get('filed')).toBe('qadam-path');
    expect(marks.get('review')).toBe('qadam-path');
    expect(marks.get('broken')).toBe('qadam-path-problem');
    expect(marks.get('notice')).toBe('qadam-path-waiting');
    expect(marks.get('f1')).toBe('qadam-path');
    expect(marks.get('f2')).toBe('qadam-path');
    expect(marks.has('f3')).toBe(false);
  });
});
