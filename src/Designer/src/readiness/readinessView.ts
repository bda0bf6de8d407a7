import type { OrganisationReadiness } from '../api/client';
import { el, formatDate, notice } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';

/** An edition's act and paragraph in the current language (the Kazakh one where the edition has it). */
export function citation(edition: { legalBasis: string; legalBasisKk?: string | null }): string {
  return pick({ kk: edition.legalBasisKk, ru: edition.legalBasis });
}

/** A requirement's paragraph in the current language: «приложение 3, п. 1, пп. 3)» / «3-қосымша, 1-тармақ, 3) тармақша». */
export function paragraph(item: { paragraph: string; paragraphKk?: string | null }): string {
  return pick({ kk: item.paragraphKk, ru: item.paragraph });
}

/** The sub-paragraph alone, for narrow columns: «пп. 3)» / «3) тармақша». */
export function subParagraph(item: { paragraph: string; paragraphKk?: string | null }): string {
  return paragraph(item).split(',').pop()?.trim() ?? '';
}

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
    r.editionInForce ? el('p', { class: 'muted' }, t('readinessEditionInForce', { basis: citation(r.editionInForce) })) : '',
    r.record
      ? el('p', { class: 'muted' },
        `${t('readinessRecordEdition')}: ${citation(r.record.edition)} · ${t('readinessAttestedBy')}: ${r.record.attestedByName},`,
        ` ${formatDate(r.record.attestedAt)} · ${t('readinessValidUntil')}: ${formatDate(r.record.validUntil)}`)
      : '',
    r.missing.length > 0
      ? el('div', {}, el('strong', { i18n: 'readinessMissing' }),
        el('ul', { attrs: { 'data-testid': 'readiness-missing' } },
          ...r.missing.map((m) => el('li', { attrs: { 'data-key': m.key } }, `${paragraph(m)}: ${pick({ kk: m.textKk, ru: m.textRu })}`))))
      : '',
    r.reminder ? notice('info', pick({ kk: r.reminder.textKk, ru: r.reminder.textRu })) : '');
}
