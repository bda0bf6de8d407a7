import type { OrganisationInfo } from '../api/client';
import { el } from '../app/dom';
import { pick, t, type MessageKey } from '../i18n';
import { organisationTree, matching, type OrganisationNode } from './organisationTree';

export interface OrganisationPickerOptions {
  /** The field's id (its search box's id is `${id}-search`); tests and labels find it by this. */
  id: string;
  /** What the picker is for, shown as its legend. */
  label: MessageKey;
  organisations: OrganisationInfo[];
  /** Only these codes (the caller's territory) are shown; every organisation when omitted. */
  visible?: ReadonlySet<string> | null;
  /** The kinds that may be chosen; the others are shown as the tree's branches only. */
  selectable: ReadonlyArray<string>;
  /** Several codes (check boxes) or one (radio buttons, with "any" first). */
  multiple: boolean;
  /** Codes chosen at the start. */
  value?: string[];
  /** Text of the "any" choice of a single picker. */
  anyLabel?: MessageKey;
  onChange?: (codes: string[]) => void;
}

export interface OrganisationPicker {
  root: HTMLElement;
  /** The codes chosen, parents before children. */
  value(): string[];
  set(codes: string[]): void;
  /** Names follow the screen's language; what is chosen and typed stays. */
  relabel(): void;
}

/**
 * Chooses organisations by name in a tree with a search box, in place of typed internal codes: the officer sees
 * "Есіл ауданы" and the schools under it; the code travels behind, as the input's value. Native check boxes and radio
 * buttons inside a fieldset give keyboard use and accessible names for free.
 */
export function organisationPicker(options: OrganisationPickerOptions): OrganisationPicker {
  const roots = organisationTree(options.organisations, options.visible ?? null);
  const chosen = new Set(options.value ?? []);
  const type = options.multiple ? 'checkbox' : 'radio';
  const names: Array<{ node: HTMLElement; organisation: OrganisationInfo }> = [];
  const items = new Map<string, { item: HTMLElement; node: OrganisationNode }>();
  const inputs: HTMLInputElement[] = [];

  const changed = () => {
    chosen.clear();
    inputs.filter((i) => i.checked && i.value !== '').forEach((i) => chosen.add(i.value));
    options.onChange?.(picker.value());
  };

  const choice = (value: string, text: HTMLElement) => {
    const input = el('input', { attrs: { type, name: options.id, value } });
    input.checked = value === '' ? chosen.size === 0 : chosen.has(value);
    input.addEventListener('change', changed);
    inputs.push(input);
    return el('label', { class: 'org-choice' }, input, text);
  };

  const branch = (node: OrganisationNode): HTMLElement => {
    const name = el('span', {}, pick({ kk: node.organisation.nameKk, ru: node.organisation.nameRu }, node.organisation.code));
    names.push({ node: name, organisation: node.organisation });
    const head = options.selectable.includes(node.organisation.kind) ? choice(node.organisation.code, name) : el('span', { class: 'org-branch' }, name);
    const item = el('li', { attrs: { 'data-organisation': node.organisation.code } }, head,
      node.children.length ? el('ul', {}, ...node.children.map(branch)) : null);
    items.set(node.organisation.code, { item, node });
    return item;
  };

  const search = el('input', {
    attrs: { id: `${options.id}-search`, type: 'search', autocomplete: 'off', 'aria-controls': `${options.id}-tree` },
    i18nPlaceholder: 'organisationSearchPlaceholder',
  });
  const empty = el('p', { class: 'muted', i18n: 'organisationSearchEmpty', attrs: { hidden: true } });
  const tree = el('ul', { class: 'org-tree', attrs: { id: `${options.id}-tree` } },
    options.multiple ? null : el('li', {}, choice('', el('span', { i18n: options.anyLabel ?? 'organisationAny' }))),
    ...roots.map(branch));

  search.addEventListener('input', () => {
    const shown = matching(roots, search.value);
    for (const [code, { item }] of items) {
      item.hidden = !shown.has(code);
    }
    empty.hidden = shown.size > 0;
  });

  const root = el('fieldset', { class: 'org-picker', attrs: { 'data-testid': options.id } },
    el('legend', { i18n: options.label }),
    el('label', { class: 'org-search' }, el('span', { i18n: 'organisationSearch' }), search),
    tree, empty);

  const picker: OrganisationPicker = {
    root,
    value: () => [...items.keys()].filter((code) => chosen.has(code)),
    set: (codes) => {
      chosen.clear();
      codes.forEach((c) => chosen.add(c));
      inputs.forEach((i) => { i.checked = i.value === '' ? chosen.size === 0 : chosen.has(i.value); });
    },
    relabel: () => {
      names.forEach(({ node, organisation }) => { node.textContent = pick({ kk: organisation.nameKk, ru: organisation.nameRu }, organisation.code); });
      search.placeholder = t('organisationSearchPlaceholder');
    },
  };
  return picker;
}

/** An organisation's name in the screen's language by its code; the code when it is not known. */
export function organisationName(organisations: OrganisationInfo[], code: string | null | undefined): string {
  if (!code) {
    return '';
  }
  const organisation = organisations.find((o) => o.code === code);
  return organisation ? pick({ kk: organisation.nameKk, ru: organisation.nameRu }, code) : code;
}
