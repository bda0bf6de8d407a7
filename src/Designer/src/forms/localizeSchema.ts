// The forms of workflows/*/forms carry both languages in one text ("Шешім / Решение" for labels, a Kazakh paragraph then
// a Russian one for text blocks), so the legal department edits one schema per form. A screen shows one language: the
// schema is split here, in the browser, before form-js renders it (the API sends the schema as stored).
import type { Language } from '../i18n';
import type { FormSchema } from '../staff/formMapping';

/** Letters Kazakh has and Russian lacks: what tells the Kazakh half of a pair from the Russian one. */
const kazakhLetters = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Properties of form-js components that people read. */
const textProperties = ['label', 'dateLabel', 'timeLabel', 'description', 'placeholder', 'text', 'searchableText'];

/** The half of a bilingual text for `language`; a text that is not a kk/ru pair stays as it is. */
export function pickLanguage(text: string, language: Language): string {
  const pair = splitPair(text);
  if (!pair) {
    return text;
  }
  return language === 'kk' ? pair.kk : pair.ru;
}

function splitPair(text: string): { kk: string; ru: string } | undefined {
  for (const separator of [' / ', '\n\n']) {
    const parts = text.split(separator);
    if (parts.length === 2 && parts[0]?.trim() && parts[1]?.trim()) {
      const [first, second] = [parts[0].trim(), parts[1].trim()];
      // Written "kk / ru"; a pair whose Kazakh half comes second is read the other way round.
      if (!kazakhLetters.test(first) && kazakhLetters.test(second)) {
        return { kk: second, ru: first };
      }
      return { kk: first, ru: second };
    }
  }
  return undefined;
}

/** A copy of the schema in one language: every label, text, description and option label of every component. */
export function localizeSchema(schema: FormSchema, language: Language): FormSchema {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(walk);
    }
    if (value && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
        copy[name] = typeof inner === 'string' && textProperties.includes(name) ? pickLanguage(inner, language) : walk(inner);
      }
      return copy;
    }
    return value;
  };
  return walk(schema) as FormSchema;
}
