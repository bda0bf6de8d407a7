import { errorText } from '../app/errors';
import { ApiError, type DocumentInfo, type DocumentVerification } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { documentTitle } from './titles';
import { el, formatDate, link, notice } from '../app/dom';
import { t } from '../i18n';
import { docxParagraphs } from './docxText';
import { downloadButton } from './download';

const signerRoles = ['head', 'deputyHead', 'rector', 'councilSecretary'];

function check(ok: boolean): HTMLElement {
  return el('span', { class: ok ? 'check-ok' : 'check-bad' }, ok ? '✓' : '✗');
}

/** The signatures as the registry lists them. */
function signaturesTable(doc: DocumentInfo): HTMLElement {
  if (doc.signatures.length === 0) {
    return el('p', { i18n: 'signaturesNone', attrs: { 'data-testid': 'no-signatures' } });
  }
  return el('table', { class: 'data', attrs: { 'data-testid': 'signatures' } },
    el('thead', {}, el('tr', {}, el('th', { i18n: 'signer' }), el('th', {}, 'ЖСН / ИИН'), el('th', { i18n: 'signedAt' }))),
    el('tbody', {}, ...doc.signatures.map((s) => el('tr', { attrs: { 'data-signature-id': s.id } },
      el('td', {}, s.signerSubject), el('td', {}, s.signerIin ?? s.signerBin ?? '—'), el('td', {}, formatDate(s.signingTime))))));
}

/** What verification found, signature by signature: intact, signature, chain, time. */
function verificationView(report: DocumentVerification): HTMLElement {
  const anySignature = report.cmsSignatures.length + report.packageSignatures.length > 0;
  return el('div', { attrs: { 'data-testid': 'verification', 'data-valid': String(report.isValid && anySignature) } },
    // Unsigned is a stage, not a failure: the head has not signed yet.
    !anySignature && report.contentIntact
      ? notice('info', t('verificationUnsigned'))
      : notice(report.isValid && anySignature ? 'success' : 'error', report.isValid && anySignature ? t('verificationValid') : t('verificationInvalid')),
    el('p', {}, check(report.contentIntact), ' ', el('span', { i18n: 'verificationIntact' })),
    report.cmsSignatures.length
      ? el('table', { class: 'data' },
        el('thead', {}, el('tr', {},
          el('th', { i18n: 'signer' }), el('th', { i18n: 'verificationSignature' }), el('th', { i18n: 'verificationChain' }),
          el('th', { i18n: 'verificationTime' }), el('th', { i18n: 'signedAt' }))),
        el('tbody', {}, ...report.cmsSignatures.map((s) => el('tr', {},
          el('td', {}, s.signerSubject, technical(s.problems)),
          el('td', {}, check(s.signatureValid)), el('td', {}, check(s.chainTrusted)), el('td', {}, check(s.validAtSigningTime)),
          el('td', {}, formatDate(s.signingTime))))))
      : '',
    anySignature ? technical(report.problems) : '');
}

/**
 * The verifier's own findings are written for the people who check certificates (English, RFC 5280 terms): the screen
 * says valid or not in its language above, and keeps these behind a closed "technical details" switch.
 */
function technical(problems: string[]): HTMLElement | string {
  return problems.length
    ? el('details', { class: 'technical', attrs: { 'data-testid': 'verification-details' } },
      el('summary', { i18n: 'verificationDetails' }), el('ul', {}, ...problems.map((p) => el('li', { attrs: { lang: 'en' } }, p))))
    : '';
}

/**
 * A registered document: the head reads it (text preview of the DOCX, or the file itself), signs it with the server's
 * demo key or pastes a detached CMS made by their own tool (NCALayer-style), then sees the signatures and their check.
 */
export const documentScreen: ScreenFactory = async ({ api, me }, params) => {
  const id = params['id'] ?? '';
  let doc = await api.getDocument(id);
  const caseNumber = doc.caseId ? await api.getCase(doc.caseId).then((c) => c.case.number, () => doc.caseId) : null;
  const preview = el('div', { class: 'document-preview', attrs: { 'data-testid': 'document-preview' } }, el('p', { i18n: 'loading' }));
  const signaturesHost = el('div');
  const verificationHost = el('div');
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const downloads = el('div', { class: 'actions' });

  const showDocument = async () => {
    signaturesHost.replaceChildren(signaturesTable(doc));
    downloads.replaceChildren(downloadButton(api, doc), doc.signatures.length ? downloadButton(api, doc, true) : '');
    try {
      verificationHost.replaceChildren(verificationView(await api.verifyDocument(id)));
    } catch (error) {
      verificationHost.replaceChildren(notice('error', errorText(error)));
    }
  };

  const sign = async (request: { mode?: 'server'; cms?: string }) => {
    status.replaceChildren();
    try {
      doc = await api.signDocument(id, request);
      status.replaceChildren(notice('success', t('signedOk')));
      await showDocument();
    } catch (error) {
      const messages = error instanceof ApiError
        ? [error.message, ...Object.entries(error.fieldErrors).filter(([, v]) => v.join(' ') !== error.message).map(([k, v]) => `${k}: ${v.join(' ')}`)]
        : [String(error)];
      status.replaceChildren(...messages.map((m) => notice('error', m)));
    }
  };

  const cms = el('textarea', { attrs: { id: 'sign-cms', rows: 4, spellcheck: 'false' } });
  const mayShow = me.roles.some((r) => signerRoles.includes(r));
  const signing = mayShow
    ? el('section', { class: 'signing', attrs: { 'data-testid': 'signing' } },
      el('h2', { i18n: 'sign' }),
      el('button', { class: 'primary', i18n: 'signServer', attrs: { id: 'sign-server' }, on: { click: () => void sign({ mode: 'server' }) } }),
      el('label', { class: 'block' }, el('span', { i18n: 'signCms' }), cms),
      el('button', {
        i18n: 'signCmsSubmit', attrs: { id: 'sign-cms-submit' },
        on: { click: () => void (cms.value.trim() ? sign({ cms: cms.value.replace(/\s+/g, '') }) : undefined) },
      }))
    : '';

  const root = el('section', { class: 'document' },
    el('h1', { attrs: { 'data-registry-number': doc.registryNumber } }, t('documentTitle', { number: doc.registryNumber })),
    el('dl', { class: 'facts' },
      el('div', { class: 'fact' }, el('dt', { i18n: 'registryNumber' }), el('dd', {}, doc.registryNumber)),
      el('div', { class: 'fact' }, el('dt', { i18n: 'documentType' }), el('dd', {}, documentTitle(doc.templateKey))),
      el('div', { class: 'fact' }, el('dt', { i18n: 'caseNumber' }),
        el('dd', {}, doc.caseId ? link(`/app/cases/${doc.caseId}`, {}, caseNumber ?? doc.caseId) : '—')),
      el('div', { class: 'fact' }, el('dt', {}, 'SHA-256'), el('dd', { class: 'mono' }, doc.sha256))),
    downloads,
    el('div', { class: 'document-body' },
      el('section', {}, el('h2', { i18n: 'documentPreview' }), preview),
      el('aside', {}, signing, status, el('h2', { i18n: 'signatures' }), signaturesHost, el('h2', { i18n: 'verification' }), verificationHost)));

  await showDocument();
  // The preview loads after the screen shows: a large DOCX must not hold up the signing controls.
  void api.documentContent(id).then((blob) => blob.arrayBuffer()).then(docxParagraphs).then(
    (paragraphs) => preview.replaceChildren(...paragraphs.map((p) => (p ? el('p', {}, p) : el('p', { class: 'empty' }, '\u00a0')))),
    () => preview.replaceChildren(notice('info', t('documentPreviewFailed'))));
  return { root };
};
