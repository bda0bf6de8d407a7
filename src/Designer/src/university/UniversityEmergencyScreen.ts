import { errorText } from '../app/errors';
import { ApiError } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, link, notice } from '../app/dom';
import { datePicker } from '../forms/datePicker';
import { t, type MessageKey } from '../i18n';
import { organisationPicker } from '../organisations/OrganisationPicker';

function todayInKazakhstan(days = 0): string {
  return new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The registrar registers the regional education department's emergency order at the university (order 97 para 2:
 * "на основании приказа управления образования областей, городов ..."): the issuer is chosen by name from the regional
 * departments, not typed; the rest is the order's number, date, period and ground, and the language of the rector's order.
 */
export const universityEmergencyScreen: ScreenFactory = async ({ api }) => {
  const known = await api.organisations().catch(() => []);
  const input = (id: string, value = '', type = 'text') => el('input', { attrs: { id, name: id, type, value } });
  const fields = {
    number: input('uem-number'),
    date: input('uem-date', todayInKazakhstan(), 'date'),
    from: input('uem-from', todayInKazakhstan(1), 'date'),
    to: input('uem-to', todayInKazakhstan(14), 'date'),
    ground: input('uem-ground'),
  };
  const orderLanguage = el('select', { attrs: { id: 'uem-language', name: 'uem-language' } },
    el('option', { i18n: 'languageKk', attrs: { value: 'kk' } }), el('option', { i18n: 'languageRu', attrs: { value: 'ru' } }));
  // Only regional departments issue the order: the picker shows them under their ministry, the code travels behind.
  const issuer = organisationPicker({
    id: 'uem-issuer', label: 'universityEmergencyIssuer', organisations: known.filter((o) => o.kind === 'Region' || known.some((r) => r.kind === 'Region' && r.parentId === o.id)),
    selectable: ['Region'], multiple: false, anyLabel: 'universityEmergencyIssuerNone',
  });
  const errorFor: Record<string, HTMLElement> = {};
  const errorSpan = (key: string) => (errorFor[key] = el('span', { class: 'field-error', attrs: { 'data-field': key } }));
  const field = (label: MessageKey, control: HTMLElement, key: string) =>
    el('label', {}, el('span', { i18n: label }), control, errorSpan(key));
  const status = el('div', { attrs: { 'aria-live': 'polite', 'data-testid': 'uem-status' } });

  const post = async (event: Event) => {
    event.preventDefault();
    Object.values(errorFor).forEach((e) => e.replaceChildren());
    status.replaceChildren();
    try {
      await api.postUniversityEmergency({
        issuingBody: issuer.value()[0] ?? '', number: fields.number.value.trim(), date: fields.date.value,
        period: { from: fields.from.value, to: fields.to.value }, ground: fields.ground.value.trim(),
        language: orderLanguage.value === 'ru' ? 'ru' : 'kk',
      });
      status.replaceChildren(notice('success', t('universityEmergencyRegistered', { number: fields.number.value.trim() })),
        link('/app/inbox', { class: 'button', i18n: 'navInbox' }));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        for (const [key, messages] of Object.entries(error.fieldErrors)) {
          const target = errorFor[key] ?? errorFor[key.startsWith('period') ? 'period' : ''];
          if (target) {
            target.textContent = messages.join(' ');
          } else {
            status.append(notice('error', messages.join(' ')));
          }
        }
      } else {
        status.replaceChildren(notice('error', errorText(error)));
      }
    }
  };

  const form = el('form', { class: 'file-case', attrs: { 'data-testid': 'university-emergency-form', novalidate: true } },
    el('div', { class: 'picker-field' }, issuer.root, errorSpan('issuingBody')),
    el('div', { class: 'form-grid' },
      field('orderNumber', fields.number, 'number'), field('orderDate', fields.date, 'date'),
      field('orderFrom', fields.from, 'period'), field('orderTo', fields.to, 'periodTo'),
      field('orderGround', fields.ground, 'ground'), field('universityEmergencyLanguage', orderLanguage, 'language')),
    el('button', { class: 'primary', i18n: 'universityEmergencyRegister', attrs: { type: 'submit', id: 'uem-register' } }),
    status);
  form.addEventListener('submit', (event) => void post(event));
  const pickers = [fields.date, fields.from, fields.to].map((date) => datePicker(date));
  const root = el('section', { class: 'orders' },
    el('h1', { i18n: 'universityEmergencyTitle' }),
    el('p', { class: 'muted', i18n: 'universityEmergencyBasis' }),
    form);
  return {
    root,
    relabel: () => {
      pickers.forEach((picker) => picker.relabel());
      issuer.relabel();
    },
  };
};
