import { pathwayName } from '../staff/pathways';
import type { Dashboard } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, link } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';
import { casesByPathway, niceMax, scaleY, stack, ticks, transferSeries } from './charts';
import { remoteLearningView } from './remoteLearningView';

const svgNs = 'http://www.w3.org/2000/svg';

/** Room above a plot for the value labels of its highest bar or point. */
const top = 20;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

/** Colours by case status (the same families as the status badges); others cycle through a neutral palette. */
const statusColours: Record<string, string> = {
  inProgress: '#00627a', transferred: '#1e7b34', decided: '#2e9e48', registered: '#5b9bd5', revision: '#e0a100',
  refused: '#b3261e', returned: '#8e6bbf', closed: '#5b6775', cancelled: '#9aa5b1', failed: '#7a1c16',
};
const palette = ['#00627a', '#e0a100', '#8e6bbf', '#2e9e48', '#b3261e', '#5b9bd5'];

function statusName(status: string): string {
  const key = `caseStatus_${status}` as MessageKey;
  return t(key) !== key ? t(key) : status;
}

function yAxis(max: number, height: number, left: number, width: number): SVGElement {
  return svg('g', { class: 'axis' }, ...ticks(max).map((tick) => {
    const y = scaleY(tick, max, height) + top;
    return svg('g', {}, svg('line', { x1: left, x2: left + width, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, String(tick)));
  }));
}

/** A pathway's name wrapped into lines of about 18 characters under its bar (whole words, never cut). */
function lines(name: string): string[] {
  const out: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = out.length ? out[out.length - 1]! : undefined;
    if (last !== undefined && `${last} ${word}`.length <= 18) {
      out[out.length - 1] = `${last} ${word}`;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Stacked bars: one per pathway, a segment per status. */
function casesChart(data: Dashboard): HTMLElement {
  const bars = casesByPathway(data.cases);
  if (bars.length === 0) {
    return el('p', { i18n: 'dashboardNoData' });
  }
  const height = 200;
  const left = 40;
  const barWidth = 48;
  const gap = 100;
  const labelLines = Math.max(1, ...bars.map((b) => lines(pathwayName(b.pathway)).length));
  const width = left + bars.length * (barWidth + gap) + 10;
  const max = Math.max(...bars.map((b) => b.total));
  const statuses = [...new Set(data.cases.map((c) => c.status))];
  const below = 20 + labelLines * 14;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + top + below}`, width, height: height + top + below, role: 'img', 'data-testid': 'cases-chart',
    'aria-label': `${t('dashboardCases')}: ${bars.map((b) => `${pathwayName(b.pathway)} ${b.total}`).join(', ')}` },
    yAxis(max, height, left, width - left),
    ...bars.map((bar, i) => {
      const x = left + gap / 2 + i * (barWidth + gap);
      return svg('g', { 'data-pathway': bar.pathway },
        ...stack(bar.segments, max, height).map((s) => svg('rect', {
          x, y: s.y + top, width: barWidth, height: Math.max(1, s.height), fill: statusColours[s.key] ?? '#9aa5b1',
        }, svg('title', {}, `${pathwayName(bar.pathway)} · ${statusName(s.key)}: ${s.value}`))),
        svg('text', { x: x + barWidth / 2, y: scaleY(bar.total, max, height) + top - 5, 'text-anchor': 'middle', class: 'value' }, String(bar.total)),
        svg('text', { x: x + barWidth / 2, y: height + top + 18, 'text-anchor': 'middle', class: 'label' },
          ...lines(pathwayName(bar.pathway)).map((line, n) => svg('tspan', { x: x + barWidth / 2, dy: n === 0 ? 0 : 14 }, line))));
    }));
  // Wider than the panel when there are many pathways: the region scrolls, so it takes the keyboard's focus (WCAG 2.1.1).
  return el('figure', { class: 'chart', attrs: { tabindex: '0', 'aria-label': t('dashboardCases') } }, chart as unknown as HTMLElement,
    el('figcaption', { class: 'legend' }, ...statuses.map((s) => el('span', { class: 'legend-item' },
      el('span', { class: 'swatch', attrs: { style: `background:${statusColours[s] ?? '#9aa5b1'}` } }), statusName(s)))));
}

function overdueView(data: Dashboard): HTMLElement {
  if (data.tasks.withDeadline === 0) {
    // No open step has a deadline in the editions in force: a zero would read as "all on time", which it does not say.
    return el('div', {},
      el('div', { class: 'kpis' },
        el('div', { class: 'kpi' }, el('span', { i18n: 'dashboardOpenTasks' }), el('strong', { attrs: { 'data-testid': 'open-tasks' } }, String(data.tasks.open)))),
      el('p', { class: 'muted', i18n: 'dashboardNoDeadlines', attrs: { 'data-testid': 'no-deadlines' } }));
  }
  const max = Math.max(1, ...data.overdueSteps.map((s) => s.count));
  return el('div', {},
    el('div', { class: 'kpis' },
      el('div', { class: 'kpi' }, el('span', { i18n: 'dashboardOpenTasks' }), el('strong', { attrs: { 'data-testid': 'open-tasks' } }, String(data.tasks.open))),
      el('div', { class: `kpi ${data.tasks.overdue ? 'kpi-bad' : ''}` }, el('span', { i18n: 'dashboardOverdueTasks' }),
        el('strong', { attrs: { 'data-testid': 'overdue-tasks' } }, String(data.tasks.overdue)))),
    data.overdueSteps.length === 0 ? el('p', { i18n: 'dashboardNoData' }) : el('table', { class: 'data bars', attrs: { 'data-testid': 'overdue-steps' } },
      el('tbody', {}, ...data.overdueSteps.map((s) => el('tr', {},
        el('td', {}, pick({ kk: s.labelKk, ru: s.labelRu }, s.elementId), el('div', { class: 'muted' }, pathwayName(s.definitionKey))),
        el('td', { class: 'bar-cell' }, el('div', { class: 'hbar', attrs: { style: `width:${(s.count / niceMax(max)) * 100}%` } }, String(s.count))),
        el('td', { class: 'muted' }, el('span', { i18n: 'dashboardOldest' }), `: ${formatDate(s.oldestDueAt)}`))))));
}

/** One line per region: schools moved to distance learning by the emergency orders starting that day. */
function transfersChart(data: Dashboard): HTMLElement {
  if (data.transfers.length === 0) {
    return el('p', { i18n: 'dashboardNoData' });
  }
  const width = 560;
  const height = 180;
  const left = 40;
  const plot = transferSeries(data.transfers, width - left - 30, height);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + top + 40}`, width, height: height + top + 40, role: 'img', 'data-testid': 'transfers-chart',
    'aria-label': t('dashboardTransfers') },
    yAxis(plot.max, height, left, width - left),
    ...plot.series.map((series, i) => {
      const colour = palette[i % palette.length]!;
      const x = (p: { x: number }) => left + 15 + p.x;
      return svg('g', { 'data-region': series.key },
        svg('polyline', { points: series.points.map((p) => `${x(p)},${p.y + top}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }),
        ...series.points.map((p) => svg('circle', { cx: x(p), cy: p.y + top, r: 4, fill: colour },
          svg('title', {}, `${pick({ kk: series.nameKk, ru: series.nameRu }, series.key)} · ${formatDate(p.date)}: ${p.value}`))));
    }),
    ...[...new Map(plot.series.flatMap((s) => s.points).map((p) => [p.date, p.x])).entries()].map(([date, px]) =>
      svg('text', { x: left + 15 + px, y: height + top + 20, 'text-anchor': 'middle', class: 'label' }, formatDate(date).slice(0, 5))));
  return el('figure', { class: 'chart' }, chart as unknown as HTMLElement,
    el('figcaption', { class: 'legend' }, ...plot.series.map((s, i) => el('span', { class: 'legend-item' },
      el('span', { class: 'swatch', attrs: { style: `background:${palette[i % palette.length]}` } }), pick({ kk: s.nameKk, ru: s.nameRu }, s.key)))));
}

/** Figures for the caller's organisation and below: cases by pathway and status, overdue tasks, transfers by region. */
export const dashboardScreen: ScreenFactory = async ({ api, me }) => {
  let data = await api.dashboard();
  const organisations = await api.organisations();
  const remote = await remoteLearningView(api, organisations, me.seesAllOrganisations ? null : new Set(me.visibleOrganisationCodes));
  const body = el('div', { class: 'dashboard-grid' });
  const draw = () => body.replaceChildren(
    remote.root,
    el('section', { class: 'panel', attrs: { 'data-testid': 'dashboard-cases' } }, el('h2', { i18n: 'dashboardCases' }), casesChart(data)),
    el('section', { class: 'panel', attrs: { 'data-testid': 'dashboard-overdue' } }, el('h2', { i18n: 'dashboardOverdue' }), overdueView(data)),
    // Orders per region over time is the ministry's view; a region's officer reads its students above, not its schools.
    ...(me.seesAllOrganisations
      ? [el('section', { class: 'panel wide', attrs: { 'data-testid': 'dashboard-transfers' } }, el('h2', { i18n: 'dashboardTransfers' }), transfersChart(data))]
      : []));
  const root = el('section', { class: 'dashboard' },
    el('div', { class: 'toolbar' }, el('h1', { i18n: 'dashboardTitle' }), el('span', { class: 'muted' }, formatDate(data.generatedAt)),
      el('span', { class: 'spacer' }),
      link('/app/cases', { class: 'button', i18n: 'navCases' }),
      el('button', { i18n: 'refresh', on: { click: () => void api.dashboard().then((d) => { data = d; draw(); }) } })),
    body);
  draw();
  return { root, relabel: () => { draw(); remote.relabel(); } };
};
