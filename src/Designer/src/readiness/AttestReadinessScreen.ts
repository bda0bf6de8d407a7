import { ApiError, type OrganisationReadiness, type ReadinessEdition, type ReadinessRequirement } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, notice } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';
import { evidenceText, inputKind, item, schoolYearEnd } from './evidence';
import { citation, paragraph, readinessSummary } from './readinessView';

function todayInKazakhstan(): string {
  return new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The head's screen: every requirement of the edition in force (349 Annex 1 / 103 Annex 3 para 1) with "met" and the
 * evidence it needs, the validity of the attestation, and the current state with the items missing and the reminder
 * before the school year. The API refuses a met item without its evidence, naming the field; the error shows under it.
 */
export const attestReadinessScreen: ScreenFactory = async ({ api, me }) => {
  const root = el('main', { class: 'readiness-attest', attrs: { 'data-testid': 'readiness-attest' } });
  const code = me.organisationCode;
  if (!code || !me.roles.includes('head')) {
    root.replaceChildren(el('h1', { i18n: 'readinessAttestTitle' }), notice('info', t('readinessNotHead')));
    return { root };
  }

  const [edition, initial]: [ReadinessEdition, OrganisationReadiness] =
    await Promise.all([api.readinessEditionInForce(), api.organisationReadiness(code)]);
  let current = initial;
  const summaryHost = el('div');
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const errorFor = new Map<string, HTMLElement>();
  const relabelers: Array<() => void> = [];
  const requirements = edition.items.filter((r) => !r.tvetOnly || current.kind === 'College');
  const stored = new Map((current.record?.items ?? []).map((i) => [i.key, i]));

  const errorSpan = (field: string) => {
    const span = el('span', { class: 'field-error', attrs: { 'data-field': field } });
    errorFor.set(field, span);
    return span;
  };

  const rows = requirements.map((requirement: ReadinessRequirement, index: number) => {
    const previous = stored.get(requirement.key);
    const met = el('input', { attrs: { type: 'checkbox', id: `met-${requirement.key}`, name: `met-${requirement.key}` } });
    met.checked = previous?.met ?? false;
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
    const legendText = el('span');
    const paragraphText = el('span', { class: 'paragraph' });
    const setLegend = () => {
      paragraphText.textContent = `${paragraph(requirement)}: `;
      legendText.textContent = pick({ kk: requirement.textKk, ru: requirement.textRu });
    };
    setLegend();
    relabelers.push(setLegend);
    const fields = requirement.evidence.map((field) => {
      const kind = inputKind(field);
      const id = `evidence-${requirement.key}-${field}`;
      const control = kind === 'lines'
        ? el('textarea', { attrs: { id, name: id, rows: 3 } })
        : el('input', { attrs: { id, name: id, type: kind === 'number' ? 'number' : kind === 'url' ? 'url' : 'text', min: kind === 'number' ? 0 : undefined } });
      control.value = evidenceText(previous?.evidence, field);
      inputs.set(field, control);
      return el('label', { class: 'evidence' }, el('span', { i18n: `evidence_${field}` as MessageKey }), control,
        errorSpan(`items[${index}].evidence.${field}`));
    });
    const section = el('fieldset', { class: 'requirement', attrs: { 'data-key': requirement.key } },
      el('legend', {}, paragraphText, legendText),
      el('label', { class: 'met' }, met, el('span', { i18n: 'readinessMet' })),
      ...fields, errorSpan(`items[${index}].key`));
    return {
      section,
      read: () => item(requirement.key, met.checked,
        Object.fromEntries([...inputs].map(([field, control]) => [field, control.value]))),
    };
  });

  const validUntil = el('input', { attrs: { id: 'valid-until', name: 'valid-until', type: 'date', value: schoolYearEnd(todayInKazakhstan()) } });
  if (current.record && current.record.edition.version === edition.version) {
    validUntil.value = current.record.validUntil;
  }

  const showSummary = () => summaryHost.replaceChildren(readinessSummary(current));
  showSummary();
  const submit = async (event: Event) => {
    event.preventDefault();
    errorFor.forEach((span) => (span.textContent = ''));
    status.replaceChildren();
    try {
      current = await api.attestReadiness(code, { validUntil: validUntil.value, items: rows.map((r) => r.read()) });
      showSummary();
      status.replaceChildren(el('p', { class: 'notice notice-success', i18n: 'readinessSaved', attrs: { role: 'status' } }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        for (const [field, messages] of Object.entries(error.fieldErrors)) {
          const span = errorFor.get(field);
          if (span) {
            span.textContent = messages.join(' ');
          }
        }
      }
      // A 422 names its fields under the inputs; the line below the form keeps the problem's title in the caller's language.
      const text = error instanceof ApiError && error.status === 422 ? error.problem.title ?? error.message
        : error instanceof Error ? error.message : String(error);
      status.replaceChildren(notice('error', text));
    }
  };

  const title = el('p', { class: 'muted' });
  const setTitle = () => (title.textContent = `${pick({ kk: edition.titleKk, ru: edition.titleRu })} (${citation(edition)})`);
  setTitle();
  relabelers.push(setTitle);
  const organisationName = el('h2');
  const setName = () => (organisationName.textContent = pick({ kk: current.nameKk, ru: current.nameRu }, current.organisation));
  setName();
  relabelers.push(setName);

  root.replaceChildren(
    el('h1', { i18n: 'readinessAttestTitle' }),
    organisationName,
    el('h3', { i18n: 'readinessCurrent' }),
    summaryHost,
    title,
    el('form', { attrs: { 'data-testid': 'readiness-form', novalidate: true }, on: { submit: (event) => void submit(event) } },
      ...rows.map((r) => r.section),
      el('label', {}, el('span', { i18n: 'readinessValidUntil' }), validUntil, errorSpan('validUntil')),
      errorSpan('items'),
      el('p', {}, el('button', { class: 'primary', i18n: 'readinessSubmit', attrs: { type: 'submit', id: 'attest' } }))),
    status);
  return {
    root,
    relabel: () => {
      relabelers.forEach((relabel) => relabel());
      showSummary();
    },
  };
};
