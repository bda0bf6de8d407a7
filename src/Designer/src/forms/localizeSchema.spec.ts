import { describe, expect, it } from 'vitest';
import { localizeSchema, pickLanguage } from './localizeSchema';
import type { FormSchema } from '../staff/formMapping';

describe('localizeSchema', () => {
  const schema: FormSchema = {
    type: 'default',
    components: [
      { type: 'text', id: 't', text: 'Бұйрық жобасымен танысыңыз.\n\nОзнакомьтесь с проектом приказа.' },
      { type: 'datetime', id: 'd', key: 'on', subtype: 'date', dateLabel: 'Тексеру күні / Дата обследования' },
      {
        type: 'radio', id: 'r', key: 'decision', label: 'Шешім / Решение',
        values: [{ value: 'yes', label: 'Иә / За' }, { value: 'no', label: 'Жоқ / Против' }],
      },
      { type: 'textfield', id: 'w', key: 'wind', label: 'Жел жылдамдығы, м/с / Скорость ветра, м/с' },
    ],
  };

  it('given a bilingual form, when shown in Kazakh, then only the Kazakh halves remain', () => {
    const kk = localizeSchema(schema, 'kk');
    expect(kk.components.map((c) => c.label ?? c['dateLabel'] ?? c['text'])).toEqual([
      'Бұйрық жобасымен танысыңыз.', 'Тексеру күні', 'Шешім', 'Жел жылдамдығы, м/с']);
    expect((kk.components[2]?.['values'] as Array<{ label: string }>).map((v) => v.label)).toEqual(['Иә', 'Жоқ']);
  });

  it('given a bilingual form, when shown in Russian, then only the Russian halves remain and keys are untouched', () => {
    const ru = localizeSchema(schema, 'ru');
    expect(ru.components.map((c) => c.label ?? c['dateLabel'] ?? c['text'])).toEqual([
      'Ознакомьтесь с проектом приказа.', 'Дата обследования', 'Решение', 'Скорость ветра, м/с']);
    expect(ru.components.map((c) => c.key)).toEqual([undefined, 'on', 'decision', 'wind']);
    expect(schema.components[2]?.label).toBe('Шешім / Решение');
  });

  it('given a one-language text or a pair written ru / kk, then it is kept or read by its letters', () => {
    expect(pickLanguage('recommendation', 'kk')).toBe('recommendation');
    expect(pickLanguage('Решение / Шешім', 'kk')).toBe('Шешім');
  });
});
