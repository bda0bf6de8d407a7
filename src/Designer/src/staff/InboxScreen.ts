import type { TaskSummary } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, link } from '../app/dom';
import { stepLabel } from './labels';
import { language, pick, t, type MessageKey } from '../i18n';

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
  return [stepLabel(task), task.labelKk, task.labelRu, task.name, task.caseNumber, task.organisation, task.elementId, task.studentName]
    .some((value) => value?.toLowerCase().includes(needle));
}

export type InboxSort = 'due' | 'created' | 'student' | 'task' | 'case';

/** The inbox in the chosen order: by due date (tasks without one last), creation, student, step or case number. */
export function sortTasks(tasks: readonly TaskSummary[], by: InboxSort, descending: boolean): TaskSummary[] {
  const key = (task: TaskSummary): string => {
    switch (by) {
      case 'due': return task.dueAt ?? '\uffff';
      case 'created': return task.createdAt;
      case 'student': return task.studentName ?? '';
      case 'task': return stepLabel(task);
      case 'case': return task.caseNumber ?? '';
    }
  };
  const sorted = [...tasks].sort((a, b) => key(a).localeCompare(key(b), language()) || a.createdAt.localeCompare(b.createdAt));
  return descending ? sorted.reverse() : sorted;
}

/** The staff inbox: open tasks for the caller's roles with the student, the case, the dates; sortable, counted, filterable. */
export const inboxScreen: ScreenFactory = async ({ api, user, me }) => {
  const tasks = await api.inbox();
  // A university's inbox names the programme and faculty of each case (order 97 para 20's caps follow the programme).
  const university = tasks.some((task) => task.study);
  const study = (task: TaskSummary) => task.study
    ? el('td', { attrs: { 'data-testid': 'task-study' } },
      `${pick({ kk: task.study.programmeKk, ru: task.study.programmeRu }, task.study.programmeCode)} (${task.study.programmeCode})`,
      el('span', { class: 'muted' }, ` · ${pick({ kk: task.study.facultyKk, ru: task.study.facultyRu }, '')}`))
    : el('td');
  const filter = el('input', { i18nPlaceholder: 'filter', attrs: { type: 'search', id: 'inbox-filter', 'aria-label': t('filter') } });
  const onlyMine = el('input', { attrs: { type: 'checkbox', id: 'inbox-mine' } });
  const body = el('tbody');
  const empty = el('p', { i18n: 'inboxEmpty' });
  const count = el('p', { class: 'inbox-count', attrs: { 'data-testid': 'inbox-count', role: 'status' } });
  const now = Date.now();
  let by: InboxSort = 'due';
  let descending = false;
  const headers: Array<[InboxSort | undefined, HTMLTableCellElement]> = [];
  const header = (label: MessageKey, sort?: InboxSort) => {
    const cell = el('th', { attrs: { scope: 'col' } },
      sort
        ? el('button', {
          class: 'sort', i18n: label, attrs: { type: 'button', 'data-sort': sort },
          on: {
            click: () => {
              descending = by === sort ? !descending : false;
              by = sort;
              draw();
            },
          },
        })
        : el('span', { i18n: label }));
    headers.push([sort, cell]);
    return cell;
  };
  const draw = () => {
    const shown = sortTasks(tasks.filter((task) => matchesFilter(task, filter.value, onlyMine.checked, [user.name, user.displayName, me.name ?? ''])),
      by, descending);
    headers.forEach(([sort, cell]) => {
      if (sort === by) {
        cell.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      } else {
        cell.removeAttribute('aria-sort');
      }
    });
    count.textContent = t('inboxCount', { shown: shown.length, total: tasks.length });
    body.replaceChildren(...shown.map((task) => {
      const overdue = task.dueAt ? Date.parse(task.dueAt) < now : false;
      return el('tr', { class: overdue ? 'overdue' : '', attrs: { 'data-task-id': task.id } },
        el('td', {}, link(`/app/tasks/${task.id}`, {}, stepLabel(task))),
        el('td', {}, task.studentName ?? '', task.studentClass ? el('span', { class: 'muted' }, ` · ${task.studentClass}`) : ''),
        ...(university ? [study(task)] : []),
        el('td', {}, task.caseId ? link(`/app/cases/${task.caseId}`, {}, task.caseNumber ?? task.caseId) : ''),
        el('td', {}, formatDate(task.createdAt)),
        el('td', {}, formatDate(task.dueAt), overdue ? el('span', { class: 'badge', i18n: 'overdue' }) : ''),
        el('td', {}, task.assignee ?? ''));
    }));
    empty.hidden = shown.length > 0;
  };
  filter.addEventListener('input', draw);
  onlyMine.addEventListener('change', draw);
  const table = el('table', { class: 'data' },
    el('thead', {}, el('tr', {},
      header('task', 'task'), header('student', 'student'), ...(university ? [header('inboxStudy')] : []),
      header('caseNumber', 'case'), header('createdOn', 'created'),
      header('due', 'due'), header('assignee'))),
    body);
  draw();
  const root = el('section', { class: 'inbox' },
    el('h1', { i18n: 'inboxTitle' }),
    el('div', { class: 'filters' }, filter, el('label', {}, onlyMine, el('span', { i18n: 'filterAssigned' }))),
    count,
    table,
    empty);
  return {
    root,
    relabel: () => {
      filter.setAttribute('aria-label', t('filter'));
      draw();
    },
  };
};
