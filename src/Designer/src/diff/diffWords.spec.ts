import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { parentApplication } from '../testing/bpmnSamples';
import { diffBpmn } from './bpmnDiff';
import { diffLines, shortParagraph } from './diffWords';

afterEach(() => setLanguage('kk'));

/** What must never reach the lawyer: element ids, BPMN types, our attribute names, ISO durations. */
const technical = /\bReview\b|\bFlow_\d|bpmn:|qadam:|UserTask|\bP\d+[DWM]\b|\bPT\d+H\b|candidateRoles|formKey/;

describe('diffLines', () => {
  it('says a new deadline in words with the step\'s name and paragraph, in Russian and Kazakh', async () => {
    // given an amendment that gives the review five days under para 28(1)
    const before = parentApplication({ reviewParagraph: 'п. 28 пп. 1): заключение' });
    const after = parentApplication({ reviewParagraph: 'п. 28 пп. 1): заключение', reviewDeadline: 'P5D' });
    const diff = await diffBpmn(before, after);

    // when the lawyer reads it in Russian
    setLanguage('ru');
    const ru = diffLines(diff).map((l) => l.text);

    // then it is one sentence, in words
    expect(ru).toEqual(['Шаг «Рассмотреть заявление»: срок нет → 5 календарных дней (п. 28 пп. 1))']);

    // and in Kazakh the step has its Kazakh name
    setLanguage('kk');
    expect(diffLines(diff).map((l) => l.text)).toEqual(['Қадам «Өтінішті қарау»: мерзім жоқ → 5 күнтізбелік күн (п. 28 пп. 1))']);
  });

  it('names roles and labels, never ids, types or attribute names', async () => {
    // given the review renamed in Kazakh and given to the class teacher as well
    const before = parentApplication();
    const after = parentApplication({ reviewLabelKk: 'Өтінішті тексеру', reviewRoles: 'clerk,classTeacher', withNotify: true, reviewDeadline: 'PT48H' });
    const diff = await diffBpmn(before, after);

    // when it is read
    const lines = diffLines(diff);
    const text = lines.map((l) => l.text).join('\n');

    // then the lines speak of the step and the roles by name
    expect(text).toContain('Қадам «Өтінішті тексеру»: қазақша атауы «Өтінішті қарау» → «Өтінішті тексеру» (5)');
    expect(text).toContain('орындаушылар Іс жүргізуші → Іс жүргізуші, Сынып жетекшісі');
    expect(text).toContain('мерзім жоқ → 48 сағат');
    expect(text).toContain('Қадам «Ата-анаға хабарлау»');
    expect(text).not.toMatch(technical);
    // and each line still knows its element, for the diagram's colours
    expect(lines.every((l) => l.id)).toBe(true);
  });

  it('names a changed flow by where it goes', async () => {
    setLanguage('ru');
    const diff = await diffBpmn(parentApplication(), parentApplication({ condition: 'age &gt;= 10' }));
    const text = diffLines(diff).map((l) => l.text).join('\n');
    expect(text).toContain('Переход «Filed → Рассмотреть заявление»: изменено: условие');
    expect(text).not.toContain('age');
    expect(text).not.toMatch(technical);
  });
});

describe('shortParagraph', () => {
  it('keeps the paragraph and drops the gloss', () => {
    expect(shortParagraph('п. 28 пп. 1): заключение школьного психолога')).toBe('п. 28 пп. 1)');
    expect(shortParagraph('п. 9')).toBe('п. 9');
    expect(shortParagraph(undefined)).toBeUndefined();
  });
});
