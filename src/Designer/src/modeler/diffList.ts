import type { BpmnDiff, ElementChange } from '../diff/bpmnDiff';
import { isEmptyDiff } from '../diff/bpmnDiff';
import { diffLines, type ChangeLine } from '../diff/diffWords';
import { el } from '../app/dom';
import { type MessageKey } from '../i18n';

function changeItem(change: ElementChange, lines: ChangeLine[]): HTMLElement {
  const own = lines.filter((line) => line.id === change.id && line.kind === change.kind);
  const content = change.kind === 'changed'
    ? el('ul', { class: 'diff-attributes' }, ...own.map((line) =>
      el('li', { attrs: { 'data-attribute': line.attribute ?? '' } }, line.text)))
    : el('span', { class: 'diff-element' }, own[0]?.text ?? '');
  return el('li', { class: `diff-item diff-${change.kind}`, attrs: { 'data-element-id': change.id, 'data-kind': change.kind } }, content);
}

/**
 * The diff as a list in the lawyer's words (diffWords): added, removed, changed, one sentence per change, in the screen's
 * language at the time it is drawn (the screens draw it again on a language switch).
 */
export function renderDiffList(diff: BpmnDiff, onSelect?: (id: string) => void): HTMLElement {
  const root = el('div', { class: 'diff-list', attrs: { 'data-testid': 'diff-list' } });
  if (isEmptyDiff(diff)) {
    root.append(el('p', { i18n: 'diffNone' }));
    return root;
  }
  const lines = diffLines(diff);
  const sections: Array<[MessageKey, ElementChange[]]> = [
    ['diffAdded', diff.added],
    ['diffRemoved', diff.removed],
    ['diffChanged', diff.changed],
  ];
  for (const [label, changes] of sections) {
    if (changes.length === 0) {
      continue;
    }
    const list = el('ul', {}, ...changes.map((change) => changeItem(change, lines)));
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
