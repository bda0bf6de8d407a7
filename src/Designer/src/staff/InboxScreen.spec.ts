import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../api/client';
import { matchesFilter, sortTasks } from './InboxScreen';

const task = (overrides: Partial<TaskSummary>): TaskSummary => ({
  id: 't1', elementId: 'review', definitionKey: 'parent-application', definitionVersion: 1, candidateRoles: ['clerk'],
  status: 'open', createdAt: '2026-11-24T10:00:00Z', labelKk: 'Өтінішті қарау', labelRu: 'Рассмотрение заявления',
  caseNumber: 's1-2026-00001', organisation: 's1', ...overrides,
});

describe('matchesFilter', () => {
  it('finds a task by case number, by its label in either language, ignoring case', () => {
    // given a review task of case s1-2026-00001
    const review = task({});

    // when the inbox is filtered by number, by the Russian label, and by something else
    // then the first two match and the last does not
    expect(matchesFilter(review, '00001', false, [])).toBe(true);
    expect(matchesFilter(review, 'рассмотрение', false, [])).toBe(true);
    expect(matchesFilter(review, 's2-2026', false, [])).toBe(false);
  });

  it('keeps only the caller\'s tasks when asked, by user or display name', () => {
    // given one task claimed by the caller (shown by display name) and one open task
    const mine = task({ assignee: 'Клерк s1' });
    const open = task({ id: 't2', assignee: null });

    // when only assigned tasks are asked for
    // then the claimed one stays and the open one goes
    expect(matchesFilter(mine, '', true, ['clerk.s1', 'Клерк s1'])).toBe(true);
    expect(matchesFilter(open, '', true, ['clerk.s1', 'Клерк s1'])).toBe(false);
  });
});

describe('sortTasks', () => {
  it('puts the soonest due first and undated tasks last, and reverses on demand', () => {
    // given three tasks: due later, due sooner, and without a deadline
    const later = task({ id: 'later', dueAt: '2026-12-10T00:00:00Z', studentName: 'Әлиев Бауыржан' });
    const sooner = task({ id: 'sooner', dueAt: '2026-12-01T00:00:00Z', studentName: 'Абаев Нұрлан' });
    const undated = task({ id: 'undated', dueAt: null, studentName: 'Жанова Айгерім' });

    // when sorted by due date, then descending, then by student
    // then the order follows the chosen column
    expect(sortTasks([later, undated, sooner], 'due', false).map((x) => x.id)).toEqual(['sooner', 'later', 'undated']);
    expect(sortTasks([later, undated, sooner], 'due', true).map((x) => x.id)).toEqual(['undated', 'later', 'sooner']);
    expect(sortTasks([later, undated, sooner], 'student', false).map((x) => x.id)).toEqual(['sooner', 'later', 'undated']);
  });
});
