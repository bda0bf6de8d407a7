import type { OrganisationReadiness } from '../api/client';
import { el, formatDate, notice } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';

/** The status as a badge in the current language (ready, incomplete, outdated, none, noEdition). */
export function readinessBadge(status: string): HTMLElement {
  return el('span', { class: `status readiness-${status}`, i18n: `readinessStatus_${status}` as MessageKey, attrs: { 'data-status': status } });
}

/** Why a record is not enough: no record, items missing, an earlier edition, past its date. */
export function reasonsText(reasons: string[]): string {
  return reasons.map((reason) => t(`readinessReason_${reason}` as MessageKey)).join(', ');
}

/** An organisation's readiness: status, why, the items missing, the record's edition and the reminder before the school year. */
export function readinessSummary(r: OrganisationReadiness): HTMLElement {
  return el('section', { class: 'readiness-summary', attrs: { 'data-testid': 'readiness-summary', 'data-status': r.status } },
    el('p', {}, readinessBadge(r.status), r.reasons.length > 0 ? ` ${reasonsText(r.reasons)}` : ''),
    r.editionInForce ? el('p', { class: 'muted' }, t('readinessEditionInForce', { basis: r.editionInForce.legalBasis })) : '',
    r.record
      ? el('p', { class: 'muted' },
        `${t('readinessRecordEdition')}: ${r.record.edition.legalBasis} · ${t('readinessAttestedBy')}: ${r.record.attestedByName},`,
        ` ${formatDate(r.record.attestedAt)} · ${t('readinessValidUntil')}: ${formatDate(r.record.validUntil)}`)
      : '',
    r.missing.length > 0
      ? el('div', {}, el('strong', { i18n: 'readinessMissing' }),
        el('ul', { attrs: { 'data-testid': 'readiness-missing' } },
          ...r.missing.map((m) => el('li', { attrs: { 'data-key': m.key } }, `${m.paragraph}: ${pick({ kk: m.textKk, ru: m.textRu })}`))))
      : '',
    r.reminder ? notice('info', pick({ kk: r.reminder.textKk, ru: r.reminder.textRu })) : '');
}
