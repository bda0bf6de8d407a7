import { describe, expect, it } from 'vitest';
import { evidenceText, item, parseProgramme, readEvidence, schoolYearEnd } from './evidence';

describe('readiness evidence', () => {
  it('reads counts as numbers, lists line by line and TVET programmes as code; name; Register entry', () => {
    // given what a college head typed
    const values = {
      teachersTotal: '70', teachersCertified: ' 64 ', digitalResources: 'Bilimland\n\n iMektep ',
      programmes: '06120100; Вычислительная техника; РОП-1\n07130100; Электроснабжение; РОП-2', lmsUrl: '', lmsName: 'Moodle',
    };

    // when the form is read
    const evidence = readEvidence(values);

    // then each field has the API's type and empty ones are left out
    expect(evidence).toEqual({
      teachersTotal: 70, teachersCertified: 64, digitalResources: ['Bilimland', 'iMektep'], lmsName: 'Moodle',
      programmes: [
        { specialityCode: '06120100', name: 'Вычислительная техника', registerEntry: 'РОП-1' },
        { specialityCode: '07130100', name: 'Электроснабжение', registerEntry: 'РОП-2' },
      ],
    });
  });

  it('writes stored evidence back into the inputs it came from', () => {
    // given a stored record's evidence
    const stored = readEvidence({ programmes: '06120100; Вычислительная техника; РОП-1', digitalResources: 'A\nB' });

    // when it fills the form again
    // then the texts read back the same
    expect(evidenceText(stored, 'programmes')).toBe('06120100; Вычислительная техника; РОП-1');
    expect(evidenceText(stored, 'digitalResources')).toBe('A\nB');
    expect(evidenceText(stored, 'lmsUrl')).toBe('');
    expect(parseProgramme('only-code')).toEqual({ specialityCode: 'only-code', name: '', registerEntry: '' });
  });

  it('sends no evidence for an item not met, and proposes the end of the school year as the end of validity', () => {
    // given an unmet item with text left in its inputs, and two days either side of 1 September
    // then the item carries no evidence and the validity ends on the next 31 August
    expect(item('lms', false, { lmsName: 'x' })).toEqual({ key: 'lms', met: false });
    expect(schoolYearEnd('2026-12-06')).toBe('2027-08-31');
    expect(schoolYearEnd('2026-05-20')).toBe('2026-08-31');
  });
});
