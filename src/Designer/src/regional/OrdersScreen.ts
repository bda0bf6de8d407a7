import { datePicker } from '../forms/datePicker';
import { errorText } from '../app/errors';
import { ApiError, type EmergencyOrder, type MassTransfer } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, notice } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';
import { readinessBadge, subParagraph } from '../readiness/readinessView';
import { progressOf, type OrderProgress, type TransferProgress } from './progress';
import { organisationName, organisationPicker } from '../organisations/OrganisationPicker';

/** How often a running transfer is read again. */
export const pollMilliseconds = 1000;

/** How long the screen waits for a transfer to appear after an order is posted (the engine starts it in the background). */
const maxWaitingReads = 120;

function todayInKazakhstan(days = 0): string {
  return new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A progress bar with its accessible name (what is progressing) and its figure on a light chip, readable over the fill. */
function bar(percent: number, testId?: string, name?: string): HTMLElement {
  const fill = el('div', { class: 'progress-fill' });
  // Set through the CSS object model, not a style attribute: a Content-Security-Policy without 'unsafe-inline' allows it.
  fill.style.width = `${percent}%`;
  return el('div', {
    class: 'progress',
    attrs: {
      role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
      'aria-label': `${name ? `${name}: ` : ''}${t('progressLabel', { percent })}`, ...(testId ? { 'data-testid': testId } : {}),
    },
  }, fill, el('span', { class: 'progress-label' }, el('span', {}, `${percent}%`)));
}

function statusLabel(status: string): HTMLElement {
  const key = `transferStatus_${status}` as MessageKey;
  return el('span', { class: `status status-${status}`, ...(t(key) !== key ? { i18n: key } : {}) }, t(key) !== key ? '' : status);
}

function progressView(progress: OrderProgress): HTMLElement {
  if (progress.transfers.length === 0) {
    return el('p', { i18n: 'transferNone' });
  }
  return el('div', {},
    bar(progress.percent, 'order-progress', t('orderProgress')),
    ...progress.transfers.map((transfer) => el('section', { class: 'transfer', attrs: { 'data-transfer-id': transfer.id, 'data-status': transfer.status } },
      el('h3', {}, el('span', { i18n: `transferDirection_${transfer.direction}` as MessageKey }), ' ', statusLabel(transfer.status)),
      el('p', { class: 'muted' }, t('transferStudents', { done: transfer.done, total: transfer.total }), ` · ${formatDate(transfer.startedAt)}`,
        transfer.finishedAt ? ` – ${formatDate(transfer.finishedAt)}` : ''),
      bar(transfer.percent, undefined, t(`transferDirection_${transfer.direction}` as MessageKey)),
      el('table', { class: 'data' },
        el('thead', {}, el('tr', {}, el('th', { i18n: 'school' }), el('th', { i18n: 'status' }), el('th', {}, '%'), el('th'))),
        el('tbody', {}, ...transfer.schools.map((s) => el('tr', { attrs: { 'data-organisation': s.organisation } },
          el('td', {}, pick({ kk: s.nameKk, ru: s.nameRu }, s.organisation)),
          el('td', {}, statusLabel(s.status), exclusionReason(s)),
          el('td', { class: 'progress-cell' }, bar(s.percent, undefined, pick({ kk: s.nameKk, ru: s.nameRu }, s.organisation))),
          el('td', {}, `${s.done} / ${s.total}`))))),
      notReadyList(transfer.notReady))));
}

/** Why an excluded college moved no one, in the screen's language; the paragraph rides along for the legal department. */
function exclusionReason(s: TransferProgress['schools'][number]): HTMLElement | string {
  if (s.status !== 'excluded' || !(s.exclusionReasonKk || s.exclusionReasonRu)) {
    return '';
  }
  return el('div', {
    class: 'muted exclusion-reason',
    attrs: { 'data-testid': 'exclusion-reason', 'data-legal-basis': s.exclusionLegalBasis ?? '' },
  }, pick({ kk: s.exclusionReasonKk ?? '', ru: s.exclusionReasonRu ?? '' }, ''));
}

/** The schools moved although they do not meet the requirements for distance learning, so the region can help them (LMS access). */
function notReadyList(schools: TransferProgress['notReady']): HTMLElement | string {
  if (schools.length === 0) {
    return '';
  }
  return el('div', { class: 'not-ready', attrs: { 'data-testid': 'not-ready' } },
    el('h4', { i18n: 'transferNotReady' }),
    el('ul', {}, ...schools.map((s) => el('li', { attrs: { 'data-organisation': s.organisation } },
      el('strong', {}, pick({ kk: s.nameKk, ru: s.nameRu }, s.organisation)), ' ',
      readinessBadge(s.readiness), ' ',
      s.missing.map((m) => `${subParagraph(m)} ${pick({ kk: m.textKk, ru: m.textRu })}`).join('; ')))));
}

/**
 * The regional officer's screen: post an emergency order (a territory or a list of schools) and watch the mass transfer
 * it starts, school by school, read again every second while it runs.
 */
export const ordersScreen: ScreenFactory = async ({ api, me }, _params, query) => {
  const known = await api.organisations();
  const visible = me.seesAllOrganisations ? null : new Set(me.visibleOrganisationCodes);
  let orders: EmergencyOrder[] = [];
  let listProblem: string | undefined;
  try {
    orders = await api.emergencyOrders();
  } catch (error) {
    listProblem = `${t('ordersListUnavailable')} (${error instanceof ApiError ? error.status : String(error)})`;
  }
  let watched: string | null = query.get('order');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingReads = 0;
  const listHost = el('div');
  const progressHost = el('section', { class: 'order-progress', attrs: { 'data-testid': 'transfer-progress' } });
  const status = el('div', { attrs: { 'aria-live': 'polite' } });

  const input = (id: string, value = '', type = 'text') => el('input', { attrs: { id, name: id, type, value } });
  const fields = {
    // Only an oblast's or city's education department issues the order (349 para 5, 103 para 22): the officer's own, by code.
    issuingBody: input('order-issuing-body', me.organisationCode ?? ''),
    number: input('order-number'),
    date: input('order-date', todayInKazakhstan(), 'date'),
    from: input('order-from', todayInKazakhstan(1), 'date'),
    to: input('order-to', todayInKazakhstan(7), 'date'),
    ground: input('order-ground'),
  };
  // The territory and the schools are chosen by name in trees with search; their codes travel behind (order 103 para 22:
  // the order names a territory or the organisations concerned).
  const territory = organisationPicker({
    id: 'order-territory', label: 'orderTerritoryPick', organisations: known, visible, selectable: ['Region', 'District'], multiple: false,
    anyLabel: 'orderTerritoryAny',
  });
  const schools = organisationPicker({
    id: 'order-organisations', label: 'orderOrganisationsPick', organisations: known, visible,
    selectable: ['School', 'College', 'AdditionalEducation'], multiple: true,
  });
  const errorFor: Record<string, HTMLElement> = {};
  const pickerField = (picker: { root: HTMLElement }, errorKey: string) => {
    errorFor[errorKey] = el('span', { class: 'field-error', attrs: { 'data-field': errorKey } });
    return el('div', { class: 'picker-field' }, picker.root, errorFor[errorKey]);
  };
  const field = (label: MessageKey, control: HTMLInputElement, errorKey: string) => {
    errorFor[errorKey] = el('span', { class: 'field-error', attrs: { 'data-field': errorKey } });
    return el('label', {}, el('span', { i18n: label }), control, errorFor[errorKey]);
  };

  const watch = async () => {
    clearTimeout(timer);
    if (!watched) {
      progressHost.replaceChildren();
      return;
    }
    const order = orders.find((o) => o.id === watched);
    let transfers: MassTransfer[];
    try {
      transfers = await api.massTransfers(watched);
    } catch (error) {
      progressHost.replaceChildren(el('h2', { i18n: 'orderProgress' }),
        notice('error', `${t('transferUnavailable')} ${error instanceof Error ? error.message : ''}`));
      timer = setTimeout(() => void watch(), pollMilliseconds * 5);
      return;
    }
    const progress = progressOf(transfers);
    progressHost.replaceChildren(el('h2', {}, el('span', { i18n: 'orderProgress' }), order ? ` · ${order.number}` : ''), progressView(progress));
    waitingReads = transfers.length === 0 ? waitingReads + 1 : 0;
    if (progress.running || (transfers.length === 0 && waitingReads < maxWaitingReads)) {
      timer = setTimeout(() => void watch(), pollMilliseconds);
    }
  };

  const showList = () => {
    listHost.replaceChildren(
      listProblem ? notice('info', listProblem) : '',
      orders.length === 0 ? el('p', { i18n: 'ordersNone' }) : el('table', { class: 'data', attrs: { 'data-testid': 'orders' } },
        el('thead', {}, el('tr', {}, el('th', { i18n: 'orderNumber' }), el('th', { i18n: 'orderDate' }), el('th', { i18n: 'organisation' }),
          el('th', { i18n: 'orderFrom' }), el('th', { i18n: 'orderGround' }), el('th'))),
        el('tbody', {}, ...orders.map((o) => el('tr', { attrs: { 'data-order-id': o.id }, class: o.id === watched ? 'selected' : '' },
          el('td', {}, `${o.issuer ? pick({ kk: o.issuer.nameKk, ru: o.issuer.nameRu }, o.issuingBody) : o.issuingBody}, ${o.number}`),
          el('td', {}, formatDate(o.date)),
          el('td', {}, (o.territory ? `${organisationName(known, o.territory)}: ` : '')
            + o.organisations.map((c) => organisationName(known, c)).join(', ')),
          el('td', {}, `${formatDate(o.period.from)} – ${formatDate(o.period.to)}`), el('td', {}, o.ground),
          el('td', {}, el('button', {
            i18n: 'orderWatch', on: {
              click: () => {
                watched = o.id;
                history.replaceState(null, '', `/app/emergency-orders?order=${encodeURIComponent(o.id)}`);
                showList();
                waitingReads = 0;
                void watch();
              },
            },
          })))))));
  };

  const post = async (event: Event) => {
    event.preventDefault();
    Object.values(errorFor).forEach((e) => e.replaceChildren());
    status.replaceChildren();
    const organisations = schools.value();
    try {
      const order = await api.postEmergencyOrder({
        issuingBody: fields.issuingBody.value.trim(), number: fields.number.value.trim(), date: fields.date.value,
        period: { from: fields.from.value, to: fields.to.value }, ground: fields.ground.value.trim(),
        territory: territory.value()[0] ?? null, organisations: organisations.length ? organisations : null,
      });
      orders = [order, ...orders.filter((o) => o.id !== order.id)];
      watched = order.id;
      history.replaceState(null, '', `/app/emergency-orders?order=${encodeURIComponent(order.id)}`);
      status.replaceChildren(notice('success', t('orderPosted', { number: order.number })));
      showList();
      waitingReads = 0;
      await watch();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        for (const [key, messages] of Object.entries(error.fieldErrors)) {
          const target = errorFor[key] ?? errorFor[key.split('.')[0] === 'period' ? (key.endsWith('to') ? 'period.to' : 'period.from') : ''];
          if (target) {
            target.textContent = messages.join(' ');
          } else {
            status.append(notice('error', `${key}: ${messages.join(' ')}`));
          }
        }
      } else {
        status.replaceChildren(notice('error', errorText(error)));
      }
    }
  };

  const form = el('form', { class: 'file-case', attrs: { 'data-testid': 'order-form' } },
    el('h2', { i18n: 'orderNew' }),
    el('div', { class: 'form-grid' },
      field('orderIssuingBody', fields.issuingBody, 'issuingBody'), field('orderNumber', fields.number, 'number'),
      field('orderDate', fields.date, 'date'), field('orderFrom', fields.from, 'period.from'),
      field('orderTo', fields.to, 'period.to'), field('orderGround', fields.ground, 'ground')),
    el('div', { class: 'picker-grid' }, pickerField(territory, 'territory'), pickerField(schools, 'organisations')),
    el('button', { class: 'primary', i18n: 'orderPost', attrs: { type: 'submit', id: 'post-order' } }),
    status);
  form.addEventListener('submit', (event) => void post(event));
  // Dates read dd.mm.yyyy in a calendar of the screen's language; the values stay yyyy-mm-dd for the API.
  const pickers = [fields.date, fields.from, fields.to].map((date) => datePicker(date));

  const root = el('section', { class: 'orders' }, el('h1', { i18n: 'ordersTitle' }), form, progressHost, listHost);
  showList();
  void watch();
  return {
    root,
    dispose: () => clearTimeout(timer),
    relabel: () => {
      pickers.forEach((picker) => picker.relabel());
      territory.relabel();
      schools.relabel();
      showList();
      void watch();
    },
  };
};
