import type { ScreenFactory } from '../app/context';
import { el, formatDate, link } from '../app/dom';
import { caseStatus } from './labels';
import { fileCaseForm } from './FileCaseForm';
import { pathwayName } from './pathways';

/** Cases the caller may see, newest first. */
export const casesScreen: ScreenFactory = async ({ api, me }) => {
  const cases = await api.listCases();
  const root = el('section', { class: 'cases' }, el('h1', { i18n: 'casesTitle' }));
  // Filing is for a school's clerk or head and a regional officer (policy cases.file).
  const filing = me.roles.some((role) => ['clerk', 'head', 'regionalOfficer'].includes(role)) ? await fileCaseForm(api) : undefined;
  if (filing) {
    root.append(filing.root);
  }
  // The language switch relabels in place: what the clerk typed in the filing form stays.
  const names: Array<[HTMLElement, string, number]> = [];
  const relabel = () => {
    filing?.relabel();
    names.forEach(([cell, key, version]) => (cell.textContent = `${pathwayName(key)} · v${version}`));
  };
  if (cases.length === 0) {
    root.append(el('p', { i18n: 'casesEmpty' }));
    return { root, relabel };
  }
  root.append(el('table', { class: 'data' },
    el('thead', {}, el('tr', {},
      el('th', { i18n: 'caseNumber' }), el('th', { i18n: 'student' }), el('th', { i18n: 'pathway' }),
      el('th', { i18n: 'status' }), el('th', { i18n: 'filedOn' }))),
    el('tbody', {}, ...cases.map((c) => el('tr', { attrs: { 'data-case-id': c.id } },
      el('td', {}, link(`/app/cases/${c.id}`, {}, c.number)),
      // An organisation's own case (tvet-online) names its programme where a student's case names the student.
      el('td', {}, c.studentName ?? `${c.programmeCode ?? ''} «${c.programmeName ?? ''}»`),
      pathwayCell(c.pathway, c.definitionVersion),
      el('td', {}, caseStatus(c.status)),
      el('td', {}, formatDate(c.filedOn)))))));
  return { root, relabel };

  function pathwayCell(key: string, version: number): HTMLElement {
    const cell = el('td', {}, `${pathwayName(key)} · v${version}`);
    names.push([cell, key, version]);
    return cell;
  }
};
