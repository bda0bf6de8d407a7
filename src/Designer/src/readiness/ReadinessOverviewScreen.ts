import type { OrganisationReadiness, ReadinessEdition } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, notice } from '../app/dom';
import { saveBlob } from '../documents/download';
import { pick, t } from '../i18n';
import { organisationName, organisationPicker } from '../organisations/OrganisationPicker';
import { citation, readinessBadge, reasonsText, subParagraph } from './readinessView';

const statuses = ['ready', 'incomplete', 'outdated', 'none'] as const;

/**
 * The regional (or district) officer's overview: every school and college below them with its readiness for distance
 * learning against the edition in force, the items missing and the records out of date; filtered by status, district
 * and missing item, and downloaded as CSV or XLSX with the same filters.
 */
export const readinessOverviewScreen: ScreenFactory = async ({ api, me }, _params, query) => {
  const root = el('main', { class: 'readiness-overview', attrs: { 'data-testid': 'readiness-overview' } });
  let edition: ReadinessEdition | undefined;
  try {
    edition = await api.readinessEditionInForce();
  } catch {
    edition = undefined;
  }
  const everything = await api.readiness();
  // Districts by name in the screen's language; the code stays the filter's value.
  const known = await api.organisations();

  const select = (id: string, label: Parameters<typeof t>[0], options: Array<[string, () => string]>) => {
    const control = el('select', { attrs: { id, name: id } }, ...options.map(([value]) => el('option', { attrs: { value } })));
    const fill = () => options.forEach(([, text], index) => (control.options[index]!.textContent = text()));
    fill();
    return { control, fill, label: el('label', {}, el('span', { i18n: label }), control) };
  };
  const status = select('filter-status', 'readinessFilterStatus',
    [['', () => t('readinessAllStatuses')], ...statuses.map((s): [string, () => string] => [s, () => t(`readinessStatus_${s}`)])]);
  // The district is chosen by name in a tree with search; its code is the filter's value.
  const district = organisationPicker({
    id: 'filter-district', label: 'readinessFilterDistrict', organisations: known,
    visible: me.seesAllOrganisations ? null : new Set(me.visibleOrganisationCodes), selectable: ['District'], multiple: false,
    anyLabel: 'readinessAllDistricts', value: query.get('district') ? [query.get('district')!] : [], onChange: () => void reload(),
  });
  const missing = select('filter-missing', 'readinessFilterMissing',
    [['', () => t('readinessAnyItem')], ...(edition?.items ?? []).map((i): [string, () => string] =>
      [i.key, () => `${subParagraph(i)} ${pick({ kk: i.textKk, ru: i.textRu })}`.slice(0, 80)])]);
  status.control.value = query.get('status') ?? '';
  missing.control.value = query.get('missing') ?? '';

  const filters = (): Record<string, string> =>
    ({ status: status.control.value, district: district.value()[0] ?? '', missing: missing.control.value });
  const tableHost = el('div');
  const statusLine = el('div', { attrs: { 'aria-live': 'polite' } });
  let shown: OrganisationReadiness[] = everything;

  const row = (r: OrganisationReadiness) => el('tr', { attrs: { 'data-organisation': r.organisation, 'data-status': r.status } },
    el('td', {}, pick({ kk: r.nameKk, ru: r.nameRu }, r.organisation)),
    el('td', {}, r.district ? organisationName(known, r.district) : t('none')),
    el('td', {}, readinessBadge(r.status), r.reasons.length > 0 ? el('div', { class: 'muted' }, reasonsText(r.reasons)) : ''),
    el('td', {}, r.missing.length === 0 ? t('none') : el('ul', { class: 'missing' },
      ...r.missing.map((m) => el('li', { attrs: { 'data-key': m.key } }, `${subParagraph(m)} ${pick({ kk: m.textKk, ru: m.textRu })}`)))),
    el('td', {}, r.record ? r.record.edition.edition : t('none')),
    el('td', {}, r.record ? `${r.record.attestedByName}, ${formatDate(r.record.attestedAt)}` : t('none')),
    el('td', {}, r.record ? formatDate(r.record.validUntil) : t('none')),
    el('td', {}, r.record?.certifiedShare != null ? `${r.record.certifiedShare}%` : t('none')),
    el('td', {}, r.reminder ? formatDate(r.reminder.dueOn) : t('none')));

  const draw = () => {
    const ready = shown.filter((r) => r.meetsRequirements).length;
    tableHost.replaceChildren(
      el('p', { class: 'muted', attrs: { 'data-testid': 'readiness-count' } }, t('readinessCount', { count: shown.length, ready })),
      shown.length === 0 ? el('p', { i18n: 'readinessEmpty' }) : el('table', { class: 'data', attrs: { 'data-testid': 'readiness-table' } },
        el('thead', {}, el('tr', {},
          el('th', { i18n: 'organisation' }), el('th', { i18n: 'readinessDistrict' }), el('th', { i18n: 'readinessFilterStatus' }),
          el('th', { i18n: 'readinessMissing' }), el('th', { i18n: 'readinessRecordEdition' }), el('th', { i18n: 'readinessAttestedBy' }),
          el('th', { i18n: 'readinessValidUntil' }), el('th', { i18n: 'readinessCertifiedShare' }), el('th', { i18n: 'readinessReminder' }))),
        el('tbody', {}, ...shown.map(row))));
  };

  const reload = async () => {
    statusLine.replaceChildren();
    try {
      shown = await api.readiness(filters());
      draw();
    } catch (error) {
      statusLine.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
    }
  };
  [status, missing].forEach((s) => s.control.addEventListener('change', () => void reload()));

  const download = (format: 'csv' | 'xlsx') => async () => {
    try {
      saveBlob(await api.readinessExport(format, filters()), `readiness-${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (error) {
      statusLine.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
    }
  };

  const editionLine = el('p', { class: 'muted' });
  const setEdition = () => (editionLine.textContent = edition
    ? `${pick({ kk: edition.titleKk, ru: edition.titleRu })} — ${t('readinessEditionInForce', { basis: citation(edition) })}`
    : t('readinessStatus_noEdition'));
  setEdition();
  const hasFilters = Object.values(filters()).some((v) => v !== '');
  if (hasFilters) {
    await reload();
  } else {
    draw();
  }

  root.replaceChildren(
    el('h1', { i18n: 'readinessTitle' }),
    editionLine,
    el('div', { class: 'filters' }, status.label, district.root, missing.label,
      el('button', { i18n: 'readinessExportCsv', attrs: { type: 'button', id: 'export-csv' }, on: { click: () => void download('csv')() } }),
      el('button', { i18n: 'readinessExportXlsx', attrs: { type: 'button', id: 'export-xlsx' }, on: { click: () => void download('xlsx')() } })),
    statusLine,
    tableHost);
  return {
    root,
    relabel: () => {
      [status, missing].forEach((s) => s.fill());
      district.relabel();
      setEdition();
      draw();
    },
  };
};
