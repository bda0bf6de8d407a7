import { describe, expect, it } from 'vitest';
import { kk } from './kk';
import { ru } from './ru';
import { format, initialLanguage } from './index';

describe('i18n', () => {
  it('starts in Kazakh when nothing is remembered', () => {
    // given a browser with no saved choice
    const storage = { getItem: () => null };

    // when the language is chosen at start
    const lang = initialLanguage(storage);

    // then it is Kazakh
    expect(lang).toBe('kk');
  });

  it('remembers Russian once chosen', () => {
    // given a browser where Russian was chosen
    const storage = { getItem: (key: string) => (key === 'qadam.language' ? 'ru' : null) };

    // when the language is chosen at start
    // then it is Russian
    expect(initialLanguage(storage)).toBe('ru');
  });

  it('has every text in both languages, with the same placeholders', () => {
    // given the two catalogues
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();

    // when their keys and placeholders are compared
    // then no key is missing or empty and the placeholders agree
    expect(Object.keys(ru).sort()).toEqual(Object.keys(kk).sort());
    for (const key of Object.keys(kk) as (keyof typeof kk)[]) {
      expect(ru[key].length, key).toBeGreaterThan(0);
      expect(placeholders(ru[key]), key).toBe(placeholders(kk[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    // given a template with two placeholders
    // when one value is given
    const text = format('{a} and {b}', { a: 1 });

    // then the known one is filled, the unknown one left as is
    expect(text).toBe('1 and {b}');
  });
});
