import { kk, type Messages } from './kk';
import { ru } from './ru';

export type Language = 'kk' | 'ru';
export type MessageKey = keyof Messages;

const catalogs: Record<Language, Messages> = { kk, ru };
const storageKey = 'qadam.language';
const listeners = new Set<() => void>();

/** The saved choice, Kazakh when none (or an unknown one) is saved. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  const saved = storage?.getItem(storageKey);
  return saved === 'ru' || saved === 'kk' ? saved : 'kk';
}

let current: Language = initialLanguage(typeof localStorage === 'undefined' ? undefined : localStorage);

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  if (typeof localStorage !== 'undefined') {
    localStorage.setItem(storageKey, next);
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
  }
  listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text of `key` in the current language, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  // An unknown key (a pathway or template added later) answers itself, so callers can fall back to their own text.
  return format(catalogs[current][key] ?? key, values);
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Picks the label in the current language from a kk/ru pair, falling back to the other one, then to `fallback`. */
export function pick(labels: { kk?: string | null; ru?: string | null }, fallback = ''): string {
  const other: Language = current === 'kk' ? 'ru' : 'kk';
  return labels[current] || labels[other] || fallback;
}

export function messages(lang: Language): Messages {
  return catalogs[lang];
}
