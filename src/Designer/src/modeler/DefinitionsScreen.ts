import type { DefinitionVersion } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { citation, el, formatDate, link } from '../app/dom';
import { language, type MessageKey } from '../i18n';
import { pickLanguage } from '../forms/localizeSchema';
import { pathwayName } from '../staff/pathways';

const statusKey: Record<string, MessageKey> = {
  draft: 'statusDraft',
  published: 'statusPublished',
  retired: 'statusRetired',
};

export function statusLabel(status: string): HTMLElement {
  const key = statusKey[status];
  return el('span', { class: `status status-${status}`, ...(key ? { i18n: key } : {}) }, key ? '' : status);
}

function versionPath(v: DefinitionVersion): string {
  return `/app/definitions/${encodeURIComponent(v.key)}/versions/${v.version}`;
}

/** The legal department's list: every definition key with its versions, newest first. */
export const definitionsScreen: ScreenFactory = async ({ api }) => {
  const keys = await api.listDefinitions();
  const root = el('section', { class: 'definitions' }, el('h1', { i18n: 'definitionsTitle' }));
  if (keys.length === 0) {
    root.append(el('p', { i18n: 'definitionsEmpty' }));
  }
  for (const key of keys) {
    const table = el('table', { class: 'data' },
      el('thead', {}, el('tr', {},
        el('th', { i18n: 'version' }), el('th', { i18n: 'status' }), el('th', { i18n: 'effectiveFrom' }),
        el('th', { i18n: 'legalBasis' }), el('th'))),
      el('tbody', {}, ...key.versions.map((v, index) => {
        const previous = key.versions[index + 1];
        return el('tr', { attrs: { 'data-version': v.version } },
          el('td', {}, String(v.version), v.name ? ` · ${pickLanguage(v.name, language())}` : ''),
          el('td', {}, statusLabel(v.status)),
          el('td', {}, formatDate(v.effectiveFrom)),
          el('td', {}, citation(v.legalBasis)),
          el('td', { class: 'actions' },
            v.kind === 'bpmn' ? link(versionPath(v), { i18n: 'open', class: 'button' }) : '',
            v.kind === 'bpmn' && previous
              ? link(`/app/definitions/${encodeURIComponent(v.key)}/compare?from=${previous.version}&to=${v.version}`,
                { i18n: 'compareWithPrevious', class: 'button' })
              : ''));
      })));
    // By name in the screen's language; the key (what files and the API use) as the heading's tooltip for the legal
    // department, not as text in a sentence of the screen's language.
    const name = pathwayName(key.key);
    root.append(el('h2', { attrs: { 'data-key': key.key, title: key.key } }, name), table);
  }
  return { root };
};
