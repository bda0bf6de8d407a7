import type { DefinitionVersion } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { citation, el, formatDate, link } from '../app/dom';
import type { MessageKey } from '../i18n';

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
          el('td', {}, String(v.version), v.name ? ` · ${v.name}` : ''),
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
    root.append(el('h2', { attrs: { 'data-key': key.key } }, key.key, el('small', {}, ` (${key.kind})`)), table);
  }
  return { root };
};
