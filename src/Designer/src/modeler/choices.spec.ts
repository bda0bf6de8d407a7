import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { formChoices, roleChoices, roleNames, templateChoices, toggleRole } from './choices';

afterEach(() => setLanguage('kk'));

const steps = [
  { labelKk: 'Мектеп психологының қорытындысы', labelRu: 'Заключение школьного психолога', formKey: 'psychologist-conclusion' },
  { labelKk: 'Бұйрыққа қол қою', labelRu: 'Подписание приказа', formKey: 'sign-order', templateKey: 'order-transfer' },
  { labelKk: 'Жаңа құжат', labelRu: 'Новый документ', templateKey: 'new-document' },
];

describe('roles', () => {
  it('names the roles in the screen language and toggles keys behind them', () => {
    // given a step given to the class teacher and the psychologist
    const value = 'classTeacher,psychologist';

    // then the lawyer reads names, in kk then ru
    expect(roleNames(value)).toBe('Сынып жетекшісі, Педагог-психолог');
    setLanguage('ru');
    expect(roleNames(value)).toBe('Классный руководитель, Педагог-психолог');

    // and ticking or unticking writes the keys
    expect(toggleRole(value, 'head', true)).toBe('classTeacher,psychologist,head');
    expect(toggleRole(value, 'classTeacher', false)).toBe('psychologist');
    expect(toggleRole('head', 'head', false)).toBeUndefined();
    expect(roleChoices(value).filter((c) => c.checked).map((c) => c.role)).toEqual(['classTeacher', 'psychologist']);
  });

  it('keeps a role the catalogue does not know', () => {
    expect(roleChoices('nightWatch').find((c) => c.role === 'nightWatch')).toEqual({ role: 'nightWatch', name: 'nightWatch', checked: true });
  });
});

describe('forms and templates', () => {
  it('offers the edition\'s forms by the title of their step, not by key', () => {
    setLanguage('ru');
    expect(formChoices(steps)).toEqual([
      { value: 'psychologist-conclusion', label: 'Заключение школьного психолога' },
      { value: 'sign-order', label: 'Подписание приказа' },
    ]);
  });

  it('offers documents by their catalogue title, a new one by its step\'s name', () => {
    const choices = templateChoices(steps);
    expect(choices).toContainEqual({ value: 'order-transfer', label: 'Қашықтан оқытуға ауыстыру туралы бұйрық' });
    expect(choices).toContainEqual({ value: 'new-document', label: 'Жаңа құжат' });
    expect(choices.every((c) => c.label !== c.value)).toBe(true);
  });
});
