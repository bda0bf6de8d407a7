import { organisationName } from '../organisations/OrganisationPicker';
import type { ScreenFactory } from '../app/context';
import { citation, el, formatDate, link } from '../app/dom';
import { pick, type MessageKey } from '../i18n';
import { downloadButton } from '../documents/download';
import { documentTitle } from '../documents/titles';
import { readinessSummary } from '../readiness/readinessView';
import { caseStatus, stepLabel, timelineEvent } from './labels';
import { pathwayName } from './pathways';

/** One case: where it stands and under which paragraph, its deadlines and its timeline. */
export const caseScreen: ScreenFactory = async ({ api, me }, params) => {
  const detail = await api.getCase(params['id'] ?? '');
  const isParent = me.roles.includes('parent');
  const [documents, ballots, organisations, study] = await Promise.all([
    api.caseDocuments(detail.case.id).catch(() => []),
    isParent ? Promise.resolve([]) : api.ballots(detail.case.id).catch(() => []),
    api.organisations().catch(() => []),
    // A university student's programme and faculty by name (order 97 para 20's caps depend on the programme's field).
    // An organisation's own case (tvet-online) has no student, and so no study.
    detail.case.studentIin ? api.studentStudy(detail.case.studentIin) : Promise.resolve(undefined),
  ]);
  const c = detail.case;
  const fact = (label: MessageKey, value: Node | string) =>
    el('div', { class: 'fact' }, el('dt', { i18n: label }), el('dd', {}, value));

  const steps = detail.currentSteps.length
    ? el('ul', { class: 'steps' }, ...detail.currentSteps.map((step) => el('li', { attrs: { 'data-element-id': step.elementId } },
      el('strong', {}, stepLabel(step)),
      step.taskId ? link(`/app/tasks/${step.taskId}`, { i18n: 'open', class: 'button' }) : '',
      el('div', { class: 'basis' }, el('span', { i18n: 'legalBasis' }), `: ${citation(step.legalBasis)}`),
      step.dueAt ? el('div', {}, el('span', { i18n: 'due' }), `: ${formatDate(step.dueAt)}`) : '')))
    : el('p', { i18n: 'noCurrentStep' });

  const deadlines = el('ul', { class: 'deadlines' }, ...detail.deadlines.map((d) => el('li', { class: d.overdue ? 'overdue' : '' },
    `${stepLabel(d)}: ${formatDate(d.dueAt)}`, d.overdue ? el('span', { class: 'badge', i18n: 'overdue' }) : '')));

  // The history a person reads: the filing, then each decision (who, which step, under which paragraph), newest last;
  // the engine's journal (gateways, timers, the engine as actor) stays behind "details" for those who audit it.
  const history = el('ol', { class: 'timeline history', attrs: { 'data-testid': 'case-history' } },
    el('li', {}, el('time', {}, formatDate(c.createdAt)), ' ', el('strong', { i18n: 'caseFiled' }),
      el('span', { class: 'who' }, ` · ${c.applicant}`)),
    ...detail.decisions.map((d) => el('li', { attrs: { 'data-element-id': d.elementId } },
      el('time', {}, formatDate(d.decidedAt)), ' ', el('strong', {}, stepLabel(d)), el('span', { class: 'who', attrs: { 'data-testid': 'decided-by' } }, ` · ${d.decidedByName ?? d.decidedBy}`),
      d.legalBasis ? el('div', { class: 'basis' }, el('span', { i18n: 'legalBasis' }), `: ${citation(d.legalBasis)}`) : '')));
  const timeline = el('ol', { class: 'timeline' }, ...detail.timeline.map((entry) => el('li', {},
    el('time', {}, formatDate(entry.at)), ' ',
    // Steps are named by their kk/ru labels; gateways and events without one are the engine's, shown by the event only.
    entry.labelKk || entry.labelRu ? el('strong', {}, `${stepLabel({ ...entry, elementId: entry.elementId ?? '' })} · `) : '',
    timelineEvent(entry.event), ` · ${entry.actorName ?? entry.actor}`)));

  const root = el('section', { class: 'case' },
    el('h1', { attrs: { 'data-case-number': c.number } }, el('span', { i18n: 'caseTitle' }), ` ${c.number} `, caseStatus(c.status)),
    el('dl', { class: 'facts' },
      c.studentIin
        ? fact('student', `${c.studentName} (${c.studentIin})`)
        : fact('caseProgramme', `${c.programmeCode ?? ''} «${c.programmeName ?? ''}»`),
      fact('pathway', pathwayName(c.pathway)),
      fact('definitionVersion', detail.definition
        ? `v${detail.definition.version} · ${citation(detail.definition.legalBasis)}`
        : String(c.definitionVersion)),
      fact('filedOn', formatDate(c.filedOn)),
      fact('ground', c.ground),
      ...(study
        ? [fact('studentsProgramme', `${pick({ kk: study.programmeNameKk, ru: study.programmeNameRu }, study.programmeCode)} (${study.programmeCode}), ${study.year}`),
          fact('studentsFaculty', pick({ kk: study.facultyNameKk, ru: study.facultyNameRu }, '')),
          fact('organisation', pick({ kk: study.universityNameKk, ru: study.universityNameRu }, c.organisation))]
        : [fact('organisation', organisationName(organisations, c.organisation))])),
    // A school's or college's readiness (349 Annex 3, 103) is no requirement of a university (order 97 has none).
    detail.readiness && !study
      ? el('section', { class: 'case-readiness', attrs: { 'data-testid': 'case-readiness' } },
        el('h2', { i18n: 'caseReadiness' }), readinessSummary(detail.readiness))
      : '',
    ballots.length
      ? link(`/app/cases/${c.id}/vote`, { class: 'button', i18n: 'voteOpenScreen', attrs: { 'data-testid': 'open-vote' } })
      : '',
    el('h2', { i18n: 'currentStep' }), steps,
    el('h2', { i18n: 'documents' }),
    documents.length
      ? el('ul', { class: 'documents', attrs: { 'data-testid': 'case-documents' } }, ...documents.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
        isParent ? el('strong', {}, d.registryNumber) : link(`/app/documents/${d.id}`, {}, d.registryNumber),
        ` · ${documentTitle(d.templateKey)} · ${formatDate(d.createdAt)}`, d.signatures.length ? ` · ✓ ${d.signatures.length}` : '', ' ',
        downloadButton(api, d))))
      : el('p', { i18n: 'documentsNone' }),
    el('h2', { i18n: 'deadlines' }), detail.deadlines.length ? deadlines : el('p', {}, '—'),
    el('h2', { i18n: 'history' }), history,
    el('details', { class: 'journal' }, el('summary', { i18n: 'historyDetails' }), timeline));
  return { root };
};
