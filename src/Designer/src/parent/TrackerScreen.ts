import type { ChildCase } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate } from '../app/dom';
import { caseStatus } from '../staff/labels';

function caseCard(c: ChildCase): HTMLElement {
  const open = c.status === 'inProgress';
  return el('article', { class: 'tracker-case', attrs: { 'data-case-id': c.id } },
    el('h3', {}, c.number),
    el('p', {}, el('span', { i18n: 'filedOn' }), `: ${formatDate(c.filedOn)}`),
    el('p', { class: 'now' }, el('strong', { i18n: 'trackerWhereNow' }), ': ', caseStatus(c.status)),
    open && c.nextSteps.length === 0 ? el('p', { i18n: 'trackerWaiting' }) : null,
    open ? null : el('p', { i18n: 'trackerDone' }),
    ...c.nextSteps.map((step) => el('p', { class: 'next' },
      el('strong', { i18n: 'trackerNext' }), `: ${step.label}`,
      step.dueAt ? el('span', {}, ' · ', el('span', { i18n: 'trackerBy' }), ` ${formatDate(step.dueAt)}`) : null)));
}

/** A parent's view: each child, each case, where it stands, what comes next and by when, in plain words. */
export const trackerScreen: ScreenFactory = async ({ api }) => {
  // The API words the next steps in the language the request asks for (Accept-Language): a language switch reloads.
  const children = await api.myChildrenCases();
  const root = el('section', { class: 'tracker' }, el('h1', { i18n: 'trackerTitle' }));
  if (children.every((child) => child.cases.length === 0)) {
    root.append(el('p', { i18n: 'trackerEmpty' }));
  }
  for (const child of children) {
    root.append(el('section', { class: 'tracker-child', attrs: { 'data-iin': child.iin } },
      el('h2', {}, child.fullName), ...child.cases.map(caseCard)));
  }
  return { root };
};
