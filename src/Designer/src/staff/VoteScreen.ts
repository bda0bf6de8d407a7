import { errorText } from '../app/errors';
import { type BallotBox, type DocumentInfo } from '../api/client';
import type { AppContext, Screen } from '../app/context';
import { el, formatDate, link, notice } from '../app/dom';
import { downloadButton } from '../documents/download';
import { t, type MessageKey } from '../i18n';
import { stepLabel } from './labels';
import { tallyView } from './tally';
import { pathwayName } from './pathways';
import { documentTitle } from '../documents/titles';
import type { CaseDetail, QadamApi } from '../api/client';

/**
 * What the council decides on, beside the ballot: the steps decided so far (who, when, under which paragraph), the
 * case's documents by title and the evidence attached to it.
 */
async function evidencePanel(api: QadamApi, caseId: string, detail: CaseDetail): Promise<HTMLElement> {
  const [documents, evidence] = await Promise.all([
    api.caseDocuments(caseId).catch(() => [] as DocumentInfo[]),
    api.caseEvidence(caseId).catch(() => []),
  ]);
  const decided = detail.decisions.map((d) => el('li', {}, el('strong', {}, stepLabel(d)),
    el('span', { class: 'muted' }, ` · ${d.decidedByName ?? d.decidedBy} · ${formatDate(d.decidedAt)}`)));
  const files = documents.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
    link(`/app/documents/${d.id}`, {}, documentTitle(d.templateKey)), el('span', { class: 'muted' }, ` · № ${d.registryNumber}`)));
  const attached = evidence.map((e) => el('li', {}, e.fileName, el('span', { class: 'muted' }, ` · ${formatDate(e.uploadedAt)}`)));
  return el('aside', { class: 'evidence panel', attrs: { 'data-testid': 'evidence', 'aria-labelledby': 'evidence-title' } },
    el('h2', { i18n: 'evidence', attrs: { id: 'evidence-title' } }),
    decided.length + files.length + attached.length === 0
      ? el('p', { class: 'muted', i18n: 'evidenceNone' })
      : el('ul', {}, ...decided, ...files, ...attached));
}

/** How often the tally is read again while a vote is open (no push channel: polling is enough for a council of 5–15). */
export const pollMilliseconds = 2000;

const memberStatus: Record<string, MessageKey> = { cast: 'voteMemberCast', open: 'voteMemberOpen', notCast: 'voteMemberNotCast' };

function tally(box: BallotBox): HTMLElement {
  const view = tallyView(box);
  const segment = (kind: string, share: number, count: number) =>
    share > 0 ? el('div', { class: `tally-${kind}`, attrs: { style: `width:${share}%`, title: String(count) } }, String(count)) : '';
  const count = (key: MessageKey, value: number, testId: string) =>
    el('div', { class: 'tally-count' }, el('span', { i18n: key }), ': ', el('strong', { attrs: { 'data-testid': testId } }, String(value)));
  const state: MessageKey = view.state === 'passed' ? 'votePassed' : view.state === 'rejected' ? 'voteRejected' : 'voteOpen';
  return el('div', { class: 'tally' },
    el('div', { class: 'tally-bar', attrs: { role: 'img', 'aria-label': `${view.yes} / ${view.no} / ${view.outstanding}` } },
      segment('yes', view.shares.yes, view.yes), segment('no', view.shares.no, view.no),
      segment('outstanding', view.shares.outstanding, view.outstanding), segment('notcast', view.shares.notCast, view.notCast)),
    el('div', { class: 'tally-counts' },
      count('voteYesCount', view.yes, 'tally-yes'), count('voteNoCount', view.no, 'tally-no'),
      count('voteOutstanding', view.outstanding, 'tally-outstanding'),
      view.notCast ? count('voteNotCast', view.notCast, 'tally-notcast') : '',
      el('span', { class: 'muted', attrs: { 'data-testid': 'tally-total' } }, t('voteOfTotal', { total: view.total }))),
    el('p', { class: 'muted' }, t('voteMajority', { majority: view.majority })),
    el('div', { attrs: { 'data-testid': 'vote-result', 'data-state': view.state } },
      notice(view.state === 'open' ? 'info' : view.state === 'passed' ? 'success' : 'error', t(state))),
    el('h3', { i18n: 'voteMembers' }),
    el('ul', { class: 'members' }, ...box.ballots.map((b) => el('li', { class: `member member-${b.status}` },
      el('strong', {}, b.member), ' · ', el('span', { i18n: memberStatus[b.status] ?? 'voteMemberOpen' }),
      b.castAt ? ` · ${formatDate(b.castAt)}` : ''))));
}

/**
 * A council's (or the trustees') vote on a case: the member casts their own ballot once, everyone sees the tally
 * update every two seconds, and the result once the completion condition closes the vote; the protocol extract shows
 * as soon as it is rendered.
 */
export async function voteScreen({ api }: AppContext, params: Record<string, string>): Promise<Screen> {
  const caseId = params['id'] ?? '';
  const detail = await api.getCase(caseId);
  const boxesHost = el('div', { class: 'ballot-boxes' });
  const documentsHost = el('section', { class: 'protocol', attrs: { 'data-testid': 'protocol' } });
  const sections = new Map<string, { tallyHost: HTMLElement; voteHost: HTMLElement }>();
  const castHere = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let closedReads = 0;

  const ballotControls = (box: BallotBox, voteHost: HTMLElement) => {
    const comment = el('textarea', { attrs: { id: `vote-comment-${box.elementId}`, rows: 2 } });
    const status = el('div', { attrs: { 'aria-live': 'polite' } });
    const cast = async (vote: 'yes' | 'no') => {
      buttons.forEach((b) => (b.disabled = true));
      try {
        await api.completeTask(box.myTaskId!, comment.value.trim() ? { vote, comment: comment.value.trim() } : { vote });
        castHere.add(box.elementId);
        voteHost.replaceChildren(notice('success', t('voteCast')));
        await refresh();
      } catch (error) {
        buttons.forEach((b) => (b.disabled = false));
        status.replaceChildren(notice('error', errorText(error)));
      }
    };
    // A ballot cannot be taken back: the member confirms it in a dialog that says so before it is cast.
    const question = el('p', { attrs: { id: `vote-question-${box.elementId}` } });
    let pending: 'yes' | 'no' = 'yes';
    const dialog = el('dialog', { class: 'confirm-dialog', attrs: { 'aria-labelledby': `vote-question-${box.elementId}` } },
      question,
      el('div', { class: 'dialog-actions' },
        el('button', { i18n: 'cancel', attrs: { type: 'button', id: 'vote-cancel' }, on: { click: () => dialog.close() } }),
        el('button', {
          class: 'primary', i18n: 'voteConfirm', attrs: { type: 'button', id: 'vote-confirm' },
          on: {
            click: () => {
              dialog.close();
              void cast(pending);
            },
          },
        })));
    const ask = (vote: 'yes' | 'no') => {
      pending = vote;
      question.dataset['i18n'] = vote === 'yes' ? 'voteConfirmYes' : 'voteConfirmNo';
      question.textContent = t(vote === 'yes' ? 'voteConfirmYes' : 'voteConfirmNo');
      dialog.showModal();
    };
    const buttons = [
      el('button', { class: 'primary vote-yes', i18n: 'voteYes', attrs: { id: 'vote-yes', 'data-element-id': box.elementId }, on: { click: () => ask('yes') } }),
      el('button', { class: 'vote-no', i18n: 'voteNo', attrs: { id: 'vote-no', 'data-element-id': box.elementId }, on: { click: () => ask('no') } }),
    ];
    voteHost.replaceChildren(el('div', { class: 'ballot', attrs: { 'data-testid': 'my-ballot' } },
      el('label', { class: 'block' }, el('span', { i18n: 'voteComment' }), comment),
      el('div', { class: 'actions' }, ...buttons), status, dialog));
  };

  const render = (boxes: BallotBox[]) => {
    if (boxes.length === 0) {
      boxesHost.replaceChildren(el('p', { i18n: 'voteNoBallots' }));
      return;
    }
    for (const box of boxes) {
      let section = sections.get(box.elementId);
      if (!section) {
        section = { tallyHost: el('div'), voteHost: el('div') };
        sections.set(box.elementId, section);
        boxesHost.append(el('section', { class: 'ballot-box', attrs: { 'data-element-id': box.elementId } },
          el('h2', {}, stepLabel(box)), section.voteHost, el('h3', { i18n: 'voteTally' }), section.tallyHost));
        // The ballot's controls are drawn once, so a comment being typed survives the tally's refreshes.
        if (tallyView(box).canVote) {
          ballotControls(box, section.voteHost);
        }
      }
      if (!castHere.has(box.elementId) && !tallyView(box).canVote) {
        section.voteHost.replaceChildren(box.myTaskId
          ? notice(box.myBallotCast ? 'success' : 'info', box.myBallotCast ? t('voteAlreadyCast') : t(box.closed ? 'voteNotCast' : 'voteNotYours'))
          : notice('info', t('voteNotYours')));
      }
      section.tallyHost.replaceChildren(tally(box));
    }
  };

  const renderDocuments = (documents: DocumentInfo[]) => {
    const protocols = documents.filter((d) => d.templateKey.includes('protocol'));
    documentsHost.replaceChildren(...(protocols.length
      ? [el('h2', { i18n: 'protocolExtract' }), el('ul', {}, ...protocols.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
        link(`/app/documents/${d.id}`, {}, `${documentTitle(d.templateKey)} · № ${d.registryNumber}`), ' ', downloadButton(api, d))))]
      : []));
    return protocols.length > 0;
  };

  async function refresh(): Promise<boolean> {
    const [boxes, documents] = await Promise.all([api.ballots(caseId), api.caseDocuments(caseId).catch(() => [] as DocumentInfo[])]);
    if (disposed) {
      return false;
    }
    render(boxes);
    const protocolShown = renderDocuments(documents);
    // Polling stops once every vote is closed and its protocol is there, or a minute after closing (a pathway without one).
    if (boxes.some((b) => !b.closed)) {
      return true;
    }
    closedReads++;
    return boxes.length > 0 && !protocolShown && closedReads < 30;
  }

  const poll = () => {
    timer = setTimeout(() => {
      refresh().then((again) => (again ? poll() : undefined), () => poll());
    }, pollMilliseconds);
  };

  const root = el('section', { class: 'vote' },
    el('h1', {}, el('span', { i18n: 'voteTitle' }), ' · ', link(`/app/cases/${caseId}`, {}, detail.case.number)),
    el('p', { class: 'muted' }, `${detail.case.studentName} · ${pathwayName(detail.case.pathway)}`),
    el('div', { class: 'vote-body' }, el('div', {}, boxesHost, documentsHost), await evidencePanel(api, caseId, detail)));
  if (await refresh()) {
    poll();
  }
  return {
    root,
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
