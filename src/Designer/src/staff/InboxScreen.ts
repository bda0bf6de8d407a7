import type { TaskSummary } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, link } from '../app/dom';
import { stepLabel } from './labels';

/**
 * True when the task matches the filter text (task, case number, organisation) and the "assigned to me" choice.
 * `me` holds the names the API may show as assignee: the user name and the display name.
 */
export function matchesFilter(task: TaskSummary, text: string, onlyMine: boolean, me: readonly string[]): boolean {
  if (onlyMine && !(task.assignee && me.includes(task.assignee))) {
    return false;
  }
  const needle = text.trim().toLowerCase();
  if (!needle) {
    return true;
  }
  return [stepLabel(task), task.labelKk, task.labelRu, task.name, task.caseNumber, task.organisation, task.elementId]
    .some((value) => value?.toLowerCase().includes(needle));
}

/** The staff inbox: open tasks for the caller's roles, soonest due first, filterable. */
export const inboxScreen: ScreenFactory = async ({ api, user, me }) => {
  const tasks = await api.inbox();
  const filter = el('input', { i18nPlaceholder: 'filter', attrs: { type: 'search', id: 'inbox-filter' } });
  const onlyMine = el('input', { attrs: { type: 'checkbox', id: 'inbox-mine' } });
  const body = el('tbody');
  const empty = el('p', { i18n: 'inboxEmpty' });
  const now = Date.now();
  const draw = () => {
    const shown = tasks.filter((task) => matchesFilter(task, filter.value, onlyMine.checked, [user.name, user.displayName, me.name ?? '']));
    body.replaceChildren(...shown.map((task) => {
      const overdue = task.dueAt ? Date.parse(task.dueAt) < now : false;
      return el('tr', { class: overdue ? 'overdue' : '', attrs: { 'data-task-id': task.id } },
        el('td', {}, link(`/app/tasks/${task.id}`, {}, stepLabel(task))),
        el('td', {}, task.caseId ? link(`/app/cases/${task.caseId}`, {}, task.caseNumber ?? task.caseId) : ''),
        el('td', {}, task.organisation ?? ''),
        el('td', {}, formatDate(task.dueAt), overdue ? el('span', { class: 'badge', i18n: 'overdue' }) : ''),
        el('td', {}, task.assignee ?? ''));
    }));
    empty.hidden = shown.length > 0;
  };
  filter.addEventListener('input', draw);
  onlyMine.addEventListener('change', draw);
  draw();
  const root = el('section', { class: 'inbox' },
    el('h1', { i18n: 'inboxTitle' }),
    el('div', { class: 'filters' }, filter, el('label', {}, onlyMine, el('span', { i18n: 'filterAssigned' }))),
    el('table', { class: 'data' },
      el('thead', {}, el('tr', {},
        el('th', { i18n: 'task' }), el('th', { i18n: 'caseNumber' }), el('th', { i18n: 'organisation' }),
        el('th', { i18n: 'due' }), el('th', { i18n: 'assignee' }))),
      body),
    empty);
  return { root, relabel: draw };
};
