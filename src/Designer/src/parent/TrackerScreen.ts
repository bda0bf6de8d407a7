import type { ChildCase, DocumentInfo, ParentNotice, QadamApi } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate } from '../app/dom';
import { downloadButton } from '../documents/download';
import { readPdfButton } from '../documents/readPdf';
import { caseStatus, stepLabel } from '../staff/labels';
import { documentTitle } from '../documents/titles';
import { t, type MessageKey } from '../i18n';

/** The decision in plain words for a parent (what happens to the child), from the case's status. */
function outcome(status: string): HTMLElement {
  const key = `parentOutcome_${status}` as MessageKey;
  return t(key) === key ? caseStatus(status) : el('span', { i18n: key });
}

/** The decision of a case that has one: its outcome, the step that took it and when, and the documents to download. */
async function decision(api: QadamApi, c: ChildCase): Promise<HTMLElement | null> {
  const [documents, detail] = await Promise.all([
    api.caseDocuments(c.id).catch(() => [] as DocumentInfo[]),
    c.status === 'inProgress' ? Promise.resolve(undefined) : api.getCase(c.id).catch(() => undefined),
  ]);
  const last = detail?.decisions.at(-1);
  return el('div', { class: 'tracker-decision' },
    c.status === 'inProgress' ? null : el('p', { class: 'decision', attrs: { 'data-testid': 'decision' } },
      el('strong', { i18n: 'trackerDecision' }), ': ', outcome(c.status),
      last ? el('span', { class: 'muted' }, ` (${stepLabel(last)}, ${formatDate(last.decidedAt)})`) : null),
    documents.length
      ? el('div', { class: 'tracker-documents', attrs: { 'data-testid': 'tracker-documents' } },
        el('strong', { i18n: 'trackerDocuments' }),
        el('ul', {}, ...documents.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
          el('strong', {}, documentTitle(d.templateKey)), el('span', { class: 'muted' }, ` · № ${d.registryNumber} · ${formatDate(d.createdAt)}`),
          d.signatures.length ? ' ✓' : '', ' ',
          readPdfButton(api, d), ' ',
          downloadButton(api, d, d.signatures.length > 0)))))
      : null);
}

async function caseCard(api: QadamApi, c: ChildCase): Promise<HTMLElement> {
  const open = c.status === 'inProgress';
  return el('article', { class: 'tracker-case', attrs: { 'data-case-id': c.id } },
    el('h3', {}, c.number),
    el('p', {}, el('span', { i18n: 'filedOn' }), `: ${formatDate(c.filedOn)}`),
    el('p', { class: 'now' }, el('strong', { i18n: 'trackerWhereNow' }), ': ', caseStatus(c.status)),
    open && c.nextSteps.length === 0 ? el('p', { i18n: 'trackerWaiting' }) : null,
    open ? null : el('p', { i18n: 'trackerDone' }),
    // A finished case has no next step, whatever the engine still lists; a council's ballots (one task per member) are
    // one step to a parent.
    ...(open ? c.nextSteps.filter((step, i, all) => all.findIndex((s) => s.label === step.label) === i) : []).map((step) => el('p', { class: 'next' },
      el('strong', { i18n: 'trackerNext' }), `: ${step.label}`,
      step.dueAt ? el('span', {}, ' · ', el('span', { i18n: 'trackerBy' }), ` ${formatDate(step.dueAt)}`) : null)),
    await decision(api, c));
}

/** The notices about the children (decisions, emergency orders, frosts), newest first, as the API words them. */
function noticesSection(notices: ParentNotice[]): HTMLElement {
  return el('section', { class: 'tracker-notices', attrs: { 'data-testid': 'tracker-notices' } },
    el('h2', { i18n: 'trackerNotices' }),
    notices.length === 0
      ? el('p', { class: 'muted', i18n: 'trackerNoNotices' })
      : el('ul', {}, ...notices.map((n) => el('li', { attrs: { 'data-kind': n.kind } },
        el('span', { class: 'muted' }, `${formatDate(n.createdAt)} · `), n.text,
        n.legalBasis ? el('span', { class: 'muted' }, ` (${n.legalBasis})`) : null))));
}

/** A parent's view: each child, each case, where it stands, what comes next and by when, the decision and its documents. */
export const trackerScreen: ScreenFactory = async ({ api }) => {
  // The API words the next steps in the language the request asks for (Accept-Language): a language switch reloads.
  const children = await api.myChildrenCases();
  const root = el('section', { class: 'tracker' }, el('h1', { i18n: 'trackerTitle' }));
  if (children.every((child) => child.cases.length === 0)) {
    root.append(el('p', { i18n: 'trackerEmpty' }));
  }
  for (const child of children) {
    root.append(el('section', { class: 'tracker-child', attrs: { 'data-iin': child.iin } },
      el('h2', {}, child.fullName), ...(await Promise.all(child.cases.map((c) => caseCard(api, c))))));
  }
  root.append(noticesSection(await api.myNotices().catch(() => [] as ParentNotice[])));
  return { root };
};
