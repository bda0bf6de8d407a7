import type { OrganisationInfo, QadamApi, RemoteDistrict, RemoteLearning } from '../api/client';
import { errorText } from '../app/errors';
import { el, formatDate, notice } from '../app/dom';
import { datePicker } from '../forms/datePicker';
import { pick, t } from '../i18n';
import { organisationPicker } from '../organisations/OrganisationPicker';
import { pathwayName } from '../staff/pathways';
import { niceMax, scaleY, ticks } from './charts';

const svgNs = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** Students remote per day as bars: the chart's accessible name carries every figure, for a screen reader. */
function perDayChart(data: RemoteLearning): HTMLElement {
  const height = 160;
  const top = 16;
  const left = 40;
  const step = Math.max(6, Math.min(28, Math.floor(900 / Math.max(1, data.days.length))));
  const width = left + data.days.length * step + 10;
  const max = niceMax(Math.max(1, ...data.days.map((d) => d.students)));
  const values = data.days.filter((d) => d.students > 0).map((d) => `${formatDate(d.date)} ${d.students}`).join(', ') || '0';
  const label = t('remotePerDayLabel', { from: formatDate(data.from), to: formatDate(data.to), values });
  const every = Math.ceil(data.days.length / 10);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + top + 30}`, width, height: height + top + 30, role: 'img',
    'aria-label': label, 'data-testid': 'remote-chart' },
  // Students are whole: a tick between two whole numbers (12.5) would read as half a student.
  svg('g', { class: 'axis' }, ...ticks(max).filter((tick) => Number.isInteger(tick)).map((tick) => {
    const y = scaleY(tick, max, height) + top;
    return svg('g', {}, svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, String(tick)));
  })),
  ...data.days.map((d, i) => {
    const y = scaleY(d.students, max, height) + top;
    const x = left + i * step + 1;
    return svg('g', { 'data-date': d.date },
      svg('rect', { x, y, width: step - 2, height: Math.max(0, height + top - y), fill: '#00627a' },
        svg('title', {}, `${formatDate(d.date)}: ${d.students}`)),
      ...(i % every === 0 ? [svg('text', { x: x + step / 2, y: height + top + 18, 'text-anchor': 'middle', class: 'label' }, formatDate(d.date).slice(0, 5))] : []));
  }));
  return el('figure', { class: 'chart' }, chart as unknown as HTMLElement);
}

/** One district's row, with its schools behind a disclosure button (names, not codes). */
function districtRows(district: RemoteDistrict): HTMLElement[] {
  const schools = district.schoolList.map((s) => el('tr', { class: 'remote-school', attrs: { 'data-school': s.code, hidden: true } },
    el('td', { class: 'indent' }, pick({ kk: s.nameKk, ru: s.nameRu }, s.code)),
    el('td', { class: 'num' }, String(s.students)),
    el('td', { class: 'num muted' }, String(s.enrolled)),
    el('td', {}, formatDate(s.since))));
  const toggle = el('button', { class: 'link-button', attrs: { type: 'button', 'aria-expanded': 'false', 'data-testid': `remote-toggle-${district.code}` } },
    pick({ kk: district.nameKk, ru: district.nameRu }, district.code));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    schools.forEach((row) => { row.hidden = !open; });
  });
  return [el('tr', { class: 'remote-district', attrs: { 'data-district': district.code } },
    el('th', { attrs: { scope: 'row' } }, toggle, el('span', { class: 'muted' }, ` · ${t('remoteSchools')}: ${district.schools}`)),
    el('td', { class: 'num' }, el('strong', {}, String(district.students))),
    el('td'),
    el('td', {}, formatDate(district.since))), ...schools];
}

/**
 * "How many students of my region learn remotely today, by district and school, since when": the totals, a table by
 * district that opens to its schools, the students per day, and filters by district (a tree with search), pathway
 * (by name) and period.
 */
export async function remoteLearningView(api: QadamApi, organisations: OrganisationInfo[], visible: ReadonlySet<string> | null):
Promise<{ root: HTMLElement; relabel: () => void }> {
  const body = el('div', { attrs: { 'aria-live': 'polite' } });
  const district = organisationPicker({
    id: 'remote-district', label: 'remoteFilterDistrict', organisations, visible, selectable: ['District'], multiple: false,
    anyLabel: 'remoteAllDistricts',
  });
  const pathway = el('select', { attrs: { id: 'remote-pathway' } });
  const from = el('input', { attrs: { id: 'remote-from', type: 'date' } });
  const to = el('input', { attrs: { id: 'remote-to', type: 'date' } });
  // The calendars are made once the inputs sit in their labels: flatpickr puts its dd.mm.yyyy field beside the input.
  const fromLabel = el('label', {}, el('span', { i18n: 'remoteFilterFrom' }), from);
  const toLabel = el('label', {}, el('span', { i18n: 'remoteFilterTo' }), to);
  const pickers = [from, to].map((input) => datePicker(input));
  let data: RemoteLearning | undefined;

  const fillPathways = () => {
    const current = pathway.value;
    pathway.replaceChildren(el('option', { attrs: { value: '' } }, t('remoteAllPathways')),
      ...(data?.pathways ?? []).map((p) => el('option', { attrs: { value: p } }, pathwayName(p))));
    pathway.value = current;
  };

  const draw = () => {
    fillPathways();
    if (!data) {
      return;
    }
    body.replaceChildren(
      el('div', { class: 'kpis' },
        el('div', { class: 'kpi' }, el('span', { i18n: 'remoteStudents' }), el('strong', { attrs: { 'data-testid': 'remote-students' } }, String(data.students))),
        el('div', { class: 'kpi' }, el('span', { i18n: 'remoteSchools' }), el('strong', { attrs: { 'data-testid': 'remote-schools' } }, String(data.schools))),
        el('div', { class: 'kpi' }, el('span', { i18n: 'remoteSince' }), el('strong', { attrs: { 'data-testid': 'remote-since' } }, data.since ? formatDate(data.since) : '—'))),
      data.districts.length === 0 ? el('p', { i18n: 'remoteNone' }) : el('table', { class: 'data', attrs: { 'data-testid': 'remote-districts' } },
        el('thead', {}, el('tr', {}, el('th', { i18n: 'remoteDistrict' }), el('th', { i18n: 'remoteStudents' }), el('th', { i18n: 'remoteEnrolled' }),
          el('th', { i18n: 'remoteSince' }))),
        el('tbody', {}, ...data.districts.flatMap(districtRows))),
      el('h3', { i18n: 'remotePerDay' }),
      perDayChart(data));
  };

  const load = async () => {
    try {
      data = await api.remoteLearning({ district: district.value()[0] ?? '', pathway: pathway.value, from: from.value, to: to.value });
      draw();
    } catch (error) {
      body.replaceChildren(notice('error', errorText(error)));
    }
  };

  const apply = el('button', { i18n: 'remoteApply', attrs: { type: 'button', 'data-testid': 'remote-apply' }, on: { click: () => void load() } });
  const root = el('section', { class: 'panel wide', attrs: { 'data-testid': 'dashboard-remote' } },
    el('h2', { i18n: 'remoteTitle' }),
    el('div', { class: 'filters remote-filters' },
      district.root,
      el('label', { attrs: { for: 'remote-pathway' } }, el('span', { i18n: 'remoteFilterPathway' }), pathway),
      fromLabel,
      toLabel,
      apply),
    body);
  await load();
  return {
    root,
    relabel: () => {
      district.relabel();
      pickers.forEach((p) => p.relabel());
      draw();
    },
  };
}
