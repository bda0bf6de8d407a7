import { errorText } from '../app/errors';
import type { WeatherDecision, WeatherDecisionSchool } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, notice, noticeOf } from '../app/dom';
import { language, pick, t, type MessageKey } from '../i18n';

/** How often the day's decision is read again while schools are still ordering. */
const pollMilliseconds = 5000;

function todayInKazakhstan(): string {
  return new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** hh:mm in Kazakhstan's time (UTC+5), the time the windows of order 103 para 14-15 are stated in. */
export function kazakhstanTime(iso: string): string {
  return new Date(Date.parse(iso) + 5 * 3600_000).toISOString().slice(11, 16);
}

/**
 * Where one school's order stands, in words: not yet, ordered at hh:mm, late (and escalated), not concerned, or left out as
 * a college with medical, pharmaceutical or pedagogical programmes (349 Annex 2 para 3-1, 103 Annex 1 para 3) with the reason.
 */
export function orderStateText(school: WeatherDecisionSchool): string {
  switch (school.orderState) {
    case 'excluded':
      return t('frostExcluded', { reason: pick({ kk: school.exclusionReasonKk, ru: school.exclusionReasonRu }, '—') });
    case 'ordered':
      return t('frostOrderedAt', { time: school.orderedAt ? kazakhstanTime(school.orderedAt) : '—' });
    case 'late':
      return t(school.escalated ? 'frostLateEscalated' : 'frostLate');
    case 'not-concerned':
      return t('frostNotConcerned');
    default:
      return school.orderDueAt ? t('frostNotYetDue', { time: kazakhstanTime(school.orderDueAt) }) : t('frostNotYet');
  }
}

/**
 * The channels of order 103 para 13 the school recorded, each with its time (UTC+5), one outside the school's approved
 * notification system (para 12(2)) marked as such; a dash while none is recorded.
 */
export function notificationsText(school: WeatherDecisionSchool): string {
  const sent = school.notifications ?? [];
  if (sent.length === 0) {
    return '—';
  }
  return sent.map((n) => {
    const channel = t('frostChannelAt', { channel: pick({ kk: n.labelKk, ru: n.labelRu }, n.channel), time: kazakhstanTime(n.at) });
    return n.approved ? channel : `${channel} (${t('frostChannelNotApproved')})`;
  }).join('; ');
}

function schoolCard(school: WeatherDecisionSchool): HTMLElement {
  const name = pick({ kk: school.nameKk, ru: school.nameRu }, school.organisation);
  const table = pick({ kk: school.tableNameKk, ru: school.tableNameRu });
  const proposal = pick({ kk: school.proposalKk, ru: school.proposalRu });
  return el('li', { class: `frost-school frost-${school.orderState}`, attrs: { 'data-organisation': school.organisation, 'data-state': school.orderState } },
    el('h3', {}, name),
    el('dl', { class: 'facts' },
      el('div', { class: 'fact' }, el('dt', {}, t('frostTable')), el('dd', {}, table ? t('frostTableOf', { territory: table }) : '—')),
      el('div', { class: 'fact' }, el('dt', {}, t('frostProposalShort')), el('dd', {}, proposal || t('frostNoProposal'))),
      el('div', { class: 'fact' }, el('dt', {}, t('frostOrder')),
        el('dd', { class: `status status-${school.orderState}`, attrs: { 'data-testid': 'order-state' } }, orderStateText(school))),
      el('div', { class: 'fact' }, el('dt', {}, t('frostParents')),
        el('dd', { attrs: { 'data-testid': 'parents-reached' } }, t('frostParentsReached', { count: school.parentsReached, moved: school.studentsMoved }))),
      el('div', { class: 'fact' }, el('dt', {}, t('frostChannels')),
        el('dd', { attrs: { 'data-testid': 'notifications' } }, notificationsText(school)))));
}

/**
 * The regional officer's frost morning (order 349 as amended by 103, annex 1, para 11-15): record the observed values and
 * open the day's decision; then each school with the indicator table that applied to it, what that table proposed, its
 * head's order against the window and the parents reached. The head decides (para 15); this screen follows.
 */
export const frostDecisionScreen: ScreenFactory = async ({ api }, params) => {
  let decision: WeatherDecision | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One key per filled-in form: a double click or a retry after a lost answer opens the same decision, not a second one.
  let idempotencyKey = crypto.randomUUID();
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const view = el('section', { class: 'frost-decision', attrs: { 'data-testid': 'frost-decision' } });

  const input = (id: string, type: string, value = '') => el('input', { attrs: { id, name: id, type, value, inputmode: 'decimal' } });
  const temperature = input('frost-temperature', 'number');
  const wind = input('frost-wind', 'number', '0');
  const blizzard = el('input', { attrs: { id: 'frost-blizzard', type: 'checkbox' } });
  const shift = el('select', { attrs: { id: 'frost-shift' } },
    el('option', { i18n: 'frostShiftFirst', attrs: { value: 'first' } }),
    el('option', { i18n: 'frostShiftSecond', attrs: { value: 'second' } }));
  const label = (key: MessageKey, control: HTMLElement) => el('label', {}, el('span', { i18n: key }), control);

  const render = () => {
    if (!decision) {
      view.replaceChildren();
      return;
    }
    const d = decision;
    const values = d.temperature === null || d.temperature === undefined
      ? t('frostNoValues')
      : t('frostValues', { temperature: d.temperature, wind: d.windSpeed ?? 0 }) + (d.blizzard ? `, ${t('frostBlizzard')}` : '');
    const counts = { ordered: 0, late: 0, waiting: 0 };
    d.schools.forEach((s) => {
      if (s.orderState === 'ordered') counts.ordered++;
      else if (s.orderState === 'late') counts.late++;
      else if (s.orderState === 'not-yet') counts.waiting++;
    });
    view.replaceChildren(
      el('h2', {}, `${t('frostDayOf', { date: d.forDate ?? '—' })} · ${pick({ kk: d.territoryKk, ru: d.territoryRu })}`),
      el('p', { attrs: { 'data-testid': 'frost-values' } }, values,
        d.shiftGroup ? ` · ${t(d.shiftGroup === 'first' ? 'frostShiftFirst' : 'frostShiftSecond')}` : ''),
      el('p', { class: 'muted', attrs: { 'data-testid': 'frost-summary' } }, t('frostSummary', counts)),
      el('ul', { class: 'frost-schools' }, ...d.schools.map(schoolCard)));
  };

  const load = async (id: string) => {
    clearTimeout(timer);
    try {
      decision = await api.weatherDecision(id);
      render();
    } catch (error) {
      view.replaceChildren(notice('error', errorText(error)));
    }
    if (decision?.status === 'active') {
      timer = setTimeout(() => void load(id), pollMilliseconds);
    }
  };

  const start = async (event: Event) => {
    event.preventDefault();
    status.replaceChildren();
    const celsius = Number(temperature.value);
    if (temperature.value.trim() === '' || Number.isNaN(celsius)) {
      status.replaceChildren(noticeOf('error', 'frostTemperatureRequired'));
      temperature.focus();
      return;
    }
    try {
      const { instanceId } = await api.startWeatherDecision(language(), idempotencyKey);
      const opened = await api.weatherDecision(instanceId);
      if (opened.observationTaskId) {
        await api.completeTask(opened.observationTaskId, {
          forDate: todayInKazakhstan(), shiftGroup: shift.value, source: 'observed',
          temperature: celsius, windSpeed: Number(wind.value || 0), blizzard: blizzard.checked,
        });
      }
      idempotencyKey = crypto.randomUUID();
      history.replaceState(null, '', `/app/weather-decisions/${encodeURIComponent(instanceId)}`);
      status.replaceChildren(noticeOf('success', 'frostStarted'));
      await load(instanceId);
    } catch (error) {
      status.replaceChildren(notice('error', errorText(error)));
    }
  };

  const form = el('form', { class: 'file-case frost-form', attrs: { 'data-testid': 'frost-form' }, on: { submit: (e) => void start(e) } },
    el('h2', { i18n: 'frostRecord' }),
    el('div', { class: 'form-grid' },
      label('frostTemperature', temperature), label('frostWind', wind), label('frostShift', shift),
      el('label', { class: 'checkbox' }, blizzard, el('span', { i18n: 'frostBlizzard' }))),
    el('button', { class: 'primary', i18n: 'frostStart', attrs: { type: 'submit', id: 'frost-start' } }),
    status);

  const root = el('section', { class: 'frost' }, el('h1', { i18n: 'navFrost' }), form, view);
  if (params['id']) {
    await load(params['id']);
  }
  return { root, dispose: () => clearTimeout(timer), relabel: render };
};
