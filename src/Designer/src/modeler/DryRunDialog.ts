import { ApiError, type DryRunResult, type DryRunStep, type DryRunWaiting, type QadamApi } from '../api/client';
import { el, notice } from '../app/dom';
import { LocalizedForm } from '../forms/LocalizedForm';
import { t, type MessageKey } from '../i18n';
import { stepLabel } from '../staff/labels';
import type { FormSchema } from '../staff/formMapping';
import { outputTemplate, parseOutput, pathKind, sampleVariables, untilStep, withStep } from './dryRun';
import { modelerDialog } from './modelerDialog';
import { pathwayName } from '../staff/pathways';

export interface DryRunOptions {
  api: QadamApi;
  host: HTMLElement;
  key: string;
  version: number;
  organisation: string;
  /** Called with every run's result: the modeler marks the path on its diagram. */
  onPath?: (result: DryRunResult) => void;
}

/**
 * Steps a version through with sample case data before it is published, filling the form each waiting step shows as the
 * people would; the answers choose the branch. The server keeps nothing: every click re-sends the sample data and all
 * steps completed so far, and the run is replayed from the start. The path is marked on the diagram beside the panel.
 */
export function openDryRun(options: DryRunOptions): void {
  const { api, key, version } = options;
  // Today in Kazakhstan (UTC+5), the filing date of the sample case.
  const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
  const { body } = modelerDialog(options.host, 'dry-run', el('span', {}, t('dryRunTitle', { key: pathwayName(key), version })), () => options.onPath?.({ path: [], waiting: [], ended: false }), true);
  const variables = el('textarea', {
    class: 'mono', attrs: { id: 'dry-run-variables', rows: 12, spellcheck: 'false' },
  });
  variables.value = JSON.stringify(sampleVariables(options.organisation, today), null, 2);
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const pathHost = el('ol', { class: 'dry-run-path', attrs: { 'data-testid': 'dry-run-path' } });
  const stepsHost = el('ol', { class: 'dry-run-steps', attrs: { 'data-testid': 'dry-run-steps' } });
  const waitingHost = el('div', { class: 'dry-run-waiting', attrs: { 'data-testid': 'dry-run-waiting' } });
  const forms = new Map<string, Promise<unknown>>();
  /** The names of the steps completed so far (the run's answers are re-sent; the list shows who answered, not the data). */
  const names = new Map<string, string>();
  let steps: DryRunStep[] = [];

  const formOf = (formKey: string | null | undefined): Promise<unknown> => {
    if (!formKey) {
      return Promise.resolve(null);
    }
    if (!forms.has(formKey)) {
      forms.set(formKey, api.getForm(key, version, formKey).catch(() => null));
    }
    return forms.get(formKey)!;
  };

  const waitingTask = async (waiting: DryRunWaiting, count: number) => {
    const schema = await formOf(waiting.formKey);
    const formHost = el('div', { class: 'dry-run-form', attrs: { 'data-testid': 'dry-run-form', 'data-element-id': waiting.elementId } });
    const form = schema ? new LocalizedForm(formHost, schema as FormSchema) : undefined;
    if (form) {
      // Prefilled as a plausible answer (the first option of a choice, today for a date): the lawyer changes what decides.
      await form.show(schema as FormSchema, outputTemplate(schema, today));
    }
    const problem = el('div');
    const complete = () => {
      const submitted = form?.submit() ?? { data: {}, errors: {} };
      if (Object.keys(submitted.errors).length > 0) {
        problem.replaceChildren(notice('error', t('fieldRequired')));
        return;
      }
      names.set(waiting.elementId, stepLabel(waiting));
      steps = withStep(steps, { elementId: waiting.elementId, output: submitted.data });
      void run();
    };
    return el('li', { class: 'dry-run-task', attrs: { 'data-element-id': waiting.elementId } },
      el('strong', {}, stepLabel(waiting)), count > 1 ? ` × ${count}` : '',
      form ? el('p', { class: 'muted', i18n: 'dryRunFormHint' }) : el('p', { class: 'muted', i18n: 'dryRunNoForm' }),
      formHost, problem,
      el('button', { class: 'primary', i18n: 'dryRunComplete', attrs: { 'data-testid': 'dry-run-complete', 'data-element-id': waiting.elementId }, on: { click: complete } }));
  };

  const render = async (result: DryRunResult) => {
    options.onPath?.(result);
    pathHost.replaceChildren(...result.path.map((entry) => {
      const kind = pathKind(entry);
      return el('li', { class: `path-${kind}`, attrs: { 'data-element-id': entry.elementId, 'data-event': entry.event } },
        el('strong', {}, stepLabel(entry)), ' · ', el('span', { i18n: `dryRun_${kind}` as MessageKey }));
    }));
    stepsHost.replaceChildren(...steps.map((step, index) => el('li', {},
      names.get(step.elementId) ?? '', ' ',
      el('button', { class: 'link-button', i18n: 'dryRunBackTo', on: { click: () => { steps = untilStep(steps, index); void run(); } } }))));
    const tasks = new Map<string, { waiting: DryRunWaiting; count: number }>();
    const others: DryRunWaiting[] = [];
    for (const waiting of result.waiting) {
      if (waiting.kind === 'userTask') {
        const seen = tasks.get(waiting.elementId);
        tasks.set(waiting.elementId, { waiting, count: (seen?.count ?? 0) + 1 });
      } else {
        others.push(waiting);
      }
    }
    waitingHost.replaceChildren(
      result.ended ? notice('success', t('dryRunEnded')) : '',
      !result.ended && result.waiting.length === 0 ? el('p', { i18n: 'dryRunNothingWaits' }) : '',
      el('ul', {}, ...(await Promise.all([...tasks.values()].map(({ waiting, count }) => waitingTask(waiting, count))))),
      ...others.map((w) => el('div', { class: 'dry-run-stop', attrs: { 'data-element-id': w.elementId } },
        el('strong', {}, stepLabel(w)), ' · ', el('span', { i18n: `dryRunKind_${w.kind}` as MessageKey }), ': ',
        el('span', { i18n: 'dryRunStopsHere' }))));
    status.replaceChildren(result.error ? notice('error', result.error) : '', result.path.length ? el('p', { class: 'muted', i18n: 'dryRunOnDiagram' }) : '');
  };

  const run = async () => {
    const parsed = parseOutput(variables.value);
    if (!parsed.output) {
      status.replaceChildren(notice('error', t('dryRunBadJson')));
      return;
    }
    try {
      await render(await api.dryRun(key, version, { variables: parsed.output, steps }));
    } catch (error) {
      status.replaceChildren(notice('error', error instanceof ApiError
        ? [error.message, ...Object.values(error.fieldErrors).map((v) => v.join(' '))].join(' · ')
        : String(error)));
    }
  };

  body.append(
    el('p', { i18n: 'dryRunExplain' }),
    notice('info', t('dryRunServiceTasks')),
    el('div', { class: 'dry-run' },
      el('div', {}, status, el('h3', { i18n: 'dryRunWaiting' }), waitingHost),
      el('div', {},
        el('h3', { i18n: 'dryRunPath' }), pathHost,
        el('h3', { i18n: 'dryRunSteps' }), stepsHost,
        el('button', { i18n: 'dryRunStart', attrs: { id: 'dry-run-start' }, on: { click: () => { steps = []; names.clear(); void run(); } } }),
        el('details', { class: 'dry-run-advanced' }, el('summary', { i18n: 'dryRunAdvanced' }),
          el('label', { class: 'block' }, el('span', { i18n: 'dryRunVariables' }), variables)))));
  void run();
}
