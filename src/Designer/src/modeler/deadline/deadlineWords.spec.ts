import { describe, expect, it } from 'vitest';
import { deadlineText, deadlineWords, readDeadline, writeDeadline } from './deadlineWords';

describe('writeDeadline', () => {
  it('writes the ISO 8601 duration the engine reads', () => {
    // given a number and a unit chosen in the editor
    // when the value is written
    // then it is the ISO duration of that unit
    expect(writeDeadline({ amount: 5, unit: 'days', working: false })).toBe('P5D');
    expect(writeDeadline({ amount: 4, unit: 'hours', working: false })).toBe('PT4H');
    expect(writeDeadline({ amount: 2, unit: 'weeks', working: false })).toBe('P2W');
    expect(writeDeadline({ amount: 1, unit: 'months', working: false })).toBe('P1M');
  });

  it('never writes a zero or fractional duration the engine would refuse', () => {
    expect(writeDeadline({ amount: 0, unit: 'days', working: false })).toBe('P1D');
    expect(writeDeadline({ amount: 2.7, unit: 'days', working: false })).toBe('P2D');
  });

  it('reads back what it writes, and nothing it cannot show as number and unit', () => {
    for (const value of ['P5D', 'PT4H', 'P2W', 'P1M']) {
      expect(writeDeadline(readDeadline(value)!)).toBe(value);
    }
    expect(readDeadline('P1DT12H')).toBeUndefined();
    expect(readDeadline('2026-09-01T09:00:00+05:00')).toBeUndefined();
    expect(readDeadline('')).toBeUndefined();
  });
});

describe('working days', () => {
  it('writes the engine\'s working-day expression and reads it back in words, kk and ru', () => {
    // given the lawyer chooses 5 working days in the deadline editor
    const written = writeDeadline({ amount: 5, unit: 'days', working: true });

    // then the engine's form is stored, and read back as working days in words
    expect(written).toBe('=addWorkingDays(today(), 5)');
    expect(readDeadline(written)).toEqual({ amount: 5, unit: 'days', working: true });
    expect(deadlineText(written, 'kk')).toBe('5 жұмыс күні');
    expect(deadlineText(written, 'ru')).toBe('5 рабочих дней');
    // and calendar days stay ISO 8601; working weeks do not exist, so only days count working
    expect(writeDeadline({ amount: 5, unit: 'days', working: false })).toBe('P5D');
    expect(writeDeadline({ amount: 2, unit: 'weeks', working: true })).toBe('P2W');
  });
});

describe('deadlineWords', () => {
  it('says working days in Kazakh and Russian', () => {
    // given five working days (para 28(1) counts working days)
    const deadline = { amount: 5, unit: 'days' as const, working: true };

    // then the lawyer reads words, not P5D
    expect(deadlineWords(deadline, 'kk')).toBe('5 жұмыс күні');
    expect(deadlineWords(deadline, 'ru')).toBe('5 рабочих дней');
  });

  it('agrees the Russian noun with the number', () => {
    const days = (amount: number) => deadlineWords({ amount, unit: 'days', working: false }, 'ru');
    expect(days(1)).toBe('1 календарный день');
    expect(days(3)).toBe('3 календарных дня');
    expect(days(11)).toBe('11 календарных дней');
    expect(days(21)).toBe('21 календарный день');
    expect(deadlineWords({ amount: 2, unit: 'weeks', working: false }, 'ru')).toBe('2 недели');
    expect(deadlineWords({ amount: 2, unit: 'weeks', working: false }, 'kk')).toBe('2 апта');
  });
});

describe('deadlineText', () => {
  it('words any stored deadline: duration, compound duration, fixed date', () => {
    expect(deadlineText('P10D', 'kk')).toBe('10 күнтізбелік күн');
    expect(deadlineText('PT24H', 'ru')).toBe('24 часа');
    expect(deadlineText('P1DT12H', 'ru')).toBe('1 календарный день 12 часов');
    expect(deadlineText('2026-09-01T09:00:00+05:00', 'ru')).toBe('до 01.09.2026 09:00');
    expect(deadlineText('2026-09-01T09:00:00+05:00', 'kk')).toBe('01.09.2026 09:00 дейін');
    expect(deadlineText(undefined, 'kk')).toBeUndefined();
  });
});
