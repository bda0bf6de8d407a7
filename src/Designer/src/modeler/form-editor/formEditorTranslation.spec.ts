// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Language } from '../../i18n';
import { translateFormEditor } from './formEditorTranslation';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('translateFormEditor', () => {
  it('puts form-js\'s words in the screen\'s language, as they render and after a switch, and leaves the form\'s own texts', async () => {
    // given the editor's properties panel as form-js renders it, and a form label of the lawyer's
    const container = document.createElement('div');
    container.innerHTML = '<h2 title="Toggle section">General</h2><input placeholder="Search components"><label>Шешім / Решение</label>';
    let language: Language = 'kk';

    // when it is translated in Kazakh
    const words = translateFormEditor(container, () => language);

    // then form-js's words are Kazakh, the lawyer's label stays
    expect(container.querySelector('h2')!.textContent).toBe('Жалпы');
    expect(container.querySelector('h2')!.getAttribute('title')).toBe('Бөлімді ашу немесе жабу');
    expect(container.querySelector('input')!.getAttribute('placeholder')).toBe('Элементті іздеу');
    expect(container.querySelector('label')!.textContent).toBe('Шешім / Решение');

    // and a group form-js renders later is translated as it appears
    const added = document.createElement('h2');
    added.textContent = 'Validation';
    container.append(added);
    await settle();
    expect(added.textContent).toBe('Тексеру');

    // when the screen switches to Russian
    language = 'ru';
    words.relabel();

    // then the same words read in Russian
    expect(container.querySelector('h2')!.textContent).toBe('Общие');
    expect(container.querySelector('h2')!.getAttribute('title')).toBe('Развернуть или свернуть раздел');
    expect(added.textContent).toBe('Проверка');
    words.disconnect();
  });
});
