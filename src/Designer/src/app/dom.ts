import { pick, t, type MessageKey } from '../i18n';

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** The element's text is this message, and follows the language switch. */
  i18n?: MessageKey;
  /** The element's title attribute is this message. */
  i18nTitle?: MessageKey;
  /** The element's placeholder attribute is this message. */
  i18nPlaceholder?: MessageKey;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Builds an element; text is always set as text (never as HTML), so data from the API cannot inject markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) {
    node.className = props.class;
  }
  if (props.i18n) {
    node.dataset['i18n'] = props.i18n;
    node.textContent = t(props.i18n);
  }
  if (props.i18nTitle) {
    node.dataset['i18nTitle'] = props.i18nTitle;
    node.title = t(props.i18nTitle);
  }
  if (props.i18nPlaceholder) {
    node.dataset['i18nPlaceholder'] = props.i18nPlaceholder;
    node.setAttribute('placeholder', t(props.i18nPlaceholder));
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (name === 'style' && value !== undefined && value !== false) {
      // Through the CSS object model: a Content-Security-Policy without 'unsafe-inline' refuses style attributes, not this.
      node.style.cssText = String(value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== undefined && value !== false) {
      node.setAttribute(name, String(value));
    }
  }
  for (const [event, handler] of Object.entries(props.on ?? {})) {
    node.addEventListener(event, handler as EventListener);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === 'number' ? String(child) : child);
    }
  }
  return node;
}

/** Re-reads every language-bound text under `root` after a language switch. */
export function relabel(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset['i18n'] as MessageKey);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((node) => {
    node.title = t(node.dataset['i18nTitle'] as MessageKey);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((node) => {
    node.setAttribute('placeholder', t(node.dataset['i18nPlaceholder'] as MessageKey));
  });
}

/** A link inside the app: navigates without reloading. */
export function link(href: string, props: Props, ...children: Child[]): HTMLAnchorElement {
  const anchor = el('a', { ...props, attrs: { ...props.attrs, href } }, ...children);
  anchor.addEventListener('click', (event) => {
    if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      navigate(href);
    }
  });
  return anchor;
}

export function navigate(href: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', href);
  } else {
    history.pushState(null, '', href);
  }
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A status line: message or error, announced to screen readers. */
export function notice(kind: 'info' | 'error' | 'success', text: string): HTMLElement {
  return el('p', { class: `notice notice-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, text);
}

/** A status line whose text is a message of the catalogue: it follows the language switch. */
export function noticeOf(kind: 'info' | 'error' | 'success', key: MessageKey): HTMLElement {
  return el('p', { class: `notice notice-${kind}`, i18n: key, attrs: { role: kind === 'error' ? 'alert' : 'status' } });
}

/** Dates as people in Kazakhstan read them: dd.mm.yyyy, and times in UTC+5. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return t('none');
  }
  const [date] = iso.split('T');
  const [y, m, d] = (date ?? '').split('-');
  if (!iso.includes('T')) {
    return `${d}.${m}.${y}`;
  }
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    return iso;
  }
  const local = new Date(at.getTime() + 5 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}.${pad(local.getUTCMonth() + 1)}.${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** The citation in the screen's language (the API's kk/ru from workflows/citations.json), else the BPMN's own attributes. */
export function citation(
  basis: { act: string; edition?: string | null; paragraph?: string | null; kk?: string | null; ru?: string | null } | null | undefined,
): string {
  if (!basis) {
    return t('none');
  }
  return pick({ kk: basis.kk, ru: basis.ru }) || [basis.act, basis.edition, basis.paragraph].filter((p) => p && p.trim()).join(', ');
}
