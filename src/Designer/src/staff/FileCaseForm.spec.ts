import { describe, expect, it } from 'vitest';
import type { CaseGround } from '../api/client';
import { filingSubject, groundLabel } from './FileCaseForm';

describe('groundLabel', () => {
  it('names a ground of para 3 in the screen\'s language with its paragraph', () => {
    // given the parent-application ground as GET /api/cases/grounds gives it
    const parent: CaseGround = {
      code: 'parent', paragraph: 'п. 3 пп. 5)',
      labelKk: 'Ата-аналарының немесе өзге де заңды өкілдерінің өтініші', labelRu: 'Заявление родителей или иных законных представителей',
    };

    // when it is labelled for a Kazakh and a Russian screen
    // then each shows its own language and the paragraph, never the code
    expect(groundLabel(parent, 'kk')).toBe('Ата-аналарының немесе өзге де заңды өкілдерінің өтініші (п. 3 пп. 5))');
    expect(groundLabel(parent, 'ru')).toBe('Заявление родителей или иных законных представителей (п. 3 пп. 5))');
  });
});

describe('filingSubject', () => {
  it('files online learning for the college\'s programme and never sends a student', () => {
    // given a clerk who picked a student before switching to tvet-online and typed a programme
    // when the form builds the body
    const online = filingSubject('tvet-online', '070101500018', ' 06130100 ', 'Программное обеспечение ');
    const parent = filingSubject('parent-application', '070101500018', '', '');

    // then tvet-online carries the programme alone, a student's pathway the student alone
    expect(online).toEqual({ programmeCode: '06130100', programmeName: 'Программное обеспечение' });
    expect(parent).toEqual({ studentIin: '070101500018' });
  });
});
