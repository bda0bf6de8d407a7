import type { BpmnDiff, ElementChange } from '../diff/bpmnDiff';
import { isEmptyDiff } from '../diff/bpmnDiff';
import { el } from '../app/dom';
import { t, type MessageKey } from '../i18n';

function changeItem(change: ElementChange): HTMLElement {
  const title = el('span', { class: 'diff-element' },
    el('code', {}, change.id), ` ${change.type.replace(/^bpmn:/, '')}`, change.label ? ` — ${change.label}` : '');
  const attributes = change.attributes.length
    ? el('ul', { class: 'diff-attributes' }, ...change.attributes.map((a) =>
      el('li', { attrs: { 'data-attribute': a.attribute } },
        el('code', {}, a.attribute), ': ',
        el('span', { class: 'diff-before', i18nTitle: 'diffBefore' }, a.before ?? t('diffEmptyValue')),
        ' → ',
        el('span', { class: 'diff-after', i18nTitle: 'diffAfter' }, a.after ?? t('diffEmptyValue')))))
    : null;
  return el('li', { class: `diff-item diff-${change.kind}`, attrs: { 'data-element-id': change.id, 'data-kind': change.kind } }, title, attributes);
}

/** The diff as a list: added, removed, changed, each element with the attributes that differ (before → after). */
export function renderDiffList(diff: BpmnDiff, onSelect?: (id: string) => void): HTMLElement {
  const root = el('div', { class: 'diff-list', attrs: { 'data-testid': 'diff-list' } });
  if (isEmptyDiff(diff)) {
    root.append(el('p', { i18n: 'diffNone' }));
    return root;
  }
  const sections: Array<[MessageKey, ElementChange[]]> = [
    ['diffAdded', diff.added],
    ['diffRemoved', diff.removed],
    ['diffChanged', diff.changed],
  ];
  for (const [label, changes] of sections) {
    if (changes.length === 0) {
      continue;
    }
    const list = el('ul', {}, ...changes.map(changeItem));
    if (onSelect) {
      list.addEventListener('click', (event) => {
        const item = (event.target as HTMLElement).closest<HTMLElement>('[data-element-id]');
        if (item?.dataset['elementId']) {
          onSelect(item.dataset['elementId']);
        }
      });
    }
    root.append(el('h3', {}, el('span', { i18n: label }), ` (${changes.length})`), list);
  }
  return root;
}
