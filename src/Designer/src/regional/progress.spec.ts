import { describe, expect, it } from 'vitest';
import type { MassTransfer } from '../api/client';
import { percentOf, progressOf } from './progress';

const transfer = (overrides: Partial<MassTransfer>): MassTransfer => ({
  id: 'm1', orderId: 'o1', elementId: 'transferStudents', direction: 'distance', status: 'running', total: 0, done: 0,
  startedAt: '2026-11-24T04:00:00Z', finishedAt: null, schools: [], ...overrides,
});

describe('progressOf', () => {
  it('maps a running transfer of three schools to percentages, failed schools first, and keeps polling', () => {
    // given a transfer of 300 students in three schools, 150 done, one school failed
    const progress = progressOf([transfer({
      total: 300, done: 150,
      schools: [
        { organisation: 's3', nameKk: '3-мектеп', nameRu: 'Школа 3', total: 100, done: 0, status: 'pending' },
        { organisation: 's1', nameKk: '1-мектеп', nameRu: 'Школа 1', total: 100, done: 100, status: 'completed' },
        { organisation: 's2', nameKk: '2-мектеп', nameRu: 'Школа 2', total: 100, done: 50, status: 'failed' },
      ],
    })]);

    // then the order is half done, still running, and the failed school leads the list
    expect(progress.percent).toBe(50);
    expect(progress.running).toBe(true);
    expect(progress.transfers[0]!.schools.map((s) => [s.organisation, s.percent])).toEqual([['s2', 50], ['s3', 0], ['s1', 100]]);
  });

  it('lists an excluded college after the moved schools, with its reason, at 100 % of its zero students', () => {
    // given an emergency transfer that moved c1 and left the pedagogical college c2 in class (349 para 3-1, 103 para 3)
    const progress = progressOf([transfer({
      status: 'completed', total: 10, done: 10,
      schools: [
        {
          organisation: 'c2', nameKk: 'Педагогикалық колледж', nameRu: 'Педагогический колледж', total: 0, done: 0, status: 'excluded',
          exclusionReasonKk: 'Педагогикалық бағдарламалар бойынша жол берілмейді', exclusionReasonRu: 'По педагогическим программам не допускается',
          exclusionLegalBasis: 'Приказ № 349 в ред. приказа № 103, приложение 1, п. 3',
        },
        { organisation: 'c1', nameKk: 'Политехникалық колледж', nameRu: 'Политехнический колледж', total: 10, done: 10, status: 'completed' },
      ],
    })]);

    // then c1 comes first, c2 last with its reason kept for the screen, and the order is done
    const schools = progress.transfers[0]!.schools;
    expect(schools.map((s) => [s.organisation, s.status, s.percent])).toEqual([['c1', 'completed', 100], ['c2', 'excluded', 100]]);
    expect(schools[1]!.exclusionReasonRu).toBe('По педагогическим программам не допускается');
    expect(progress.percent).toBe(100);
  });

  it('shows the newest transfer first (the return after the transfer) and stops polling when all are done', () => {
    // given the transfer to distance learning and, later, the return, both completed
    const progress = progressOf([
      transfer({ id: 'out', status: 'completed', total: 10, done: 10 }),
      transfer({ id: 'back', direction: 'return', status: 'completed', total: 10, done: 10, startedAt: '2026-11-28T04:00:00Z' }),
    ]);

    // then the return comes first and nothing runs
    expect(progress.transfers.map((t) => t.id)).toEqual(['back', 'out']);
    expect(progress.running).toBe(false);
    expect(progress.percent).toBe(100);
  });

  it('never shows more than 100 or less than 0, and an empty finished transfer as done', () => {
    expect(percentOf(12, 10)).toBe(100);
    expect(percentOf(-1, 10)).toBe(0);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(0, 0, true)).toBe(100);
    expect(progressOf([]).running).toBe(false);
  });
});
