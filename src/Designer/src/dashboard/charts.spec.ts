import { describe, expect, it } from 'vitest';
import { casesByPathway, niceMax, scaleY, stack, ticks, transferSeries } from './charts';

describe('chart scaling', () => {
  it('rounds an axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(17)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(101)).toBe(200);
  });

  it('ticks a small axis by whole numbers and a large one in four steps', () => {
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(17)).toEqual([0, 5, 10, 15, 20]);
  });

  it('maps values to pixels from the bottom and stacks a bar without gaps', () => {
    // given a 100 px high chart scaled to 10
    expect(scaleY(0, 10, 100)).toBe(100);
    expect(scaleY(10, 10, 100)).toBe(0);
    expect(scaleY(5, 10, 100)).toBe(50);

    // when 3 in progress and 2 transferred are stacked
    const segments = stack([{ key: 'inProgress', value: 3 }, { key: 'transferred', value: 2 }, { key: 'refused', value: 0 }], 10, 100);

    // then the first sits on the bottom, the second on top of it, the empty one is left out
    expect(segments).toEqual([
      { key: 'inProgress', value: 3, y: 70, height: 30 },
      { key: 'transferred', value: 2, y: 50, height: 20 },
    ]);
  });

  it('groups cases into one bar per pathway, the largest first', () => {
    const bars = casesByPathway([
      { pathway: 'weather', status: 'inProgress', count: 1 },
      { pathway: 'parent-application', status: 'inProgress', count: 2 },
      { pathway: 'parent-application', status: 'transferred', count: 4 },
    ]);
    expect(bars.map((b) => [b.pathway, b.total])).toEqual([['parent-application', 6], ['weather', 1]]);
  });

  it('spreads transfer dates over the width, one line per region', () => {
    // given transfers of r1 on the 1st and 3rd, of r2 on the 3rd
    const chart = transferSeries([
      { region: 'r1', nameKk: 'Астана', nameRu: 'Астана', date: '2026-11-01', organisations: 2 },
      { region: 'r1', nameKk: 'Астана', nameRu: 'Астана', date: '2026-11-03', organisations: 4 },
      { region: 'r2', nameKk: 'Алматы', nameRu: 'Алматы', date: '2026-11-03', organisations: 1 },
    ], 200, 100);

    // then the first date is at the left, the last at the right, and y follows the schools moved (axis up to 5)
    expect(chart.dates).toEqual(['2026-11-01', '2026-11-03']);
    const r1 = chart.series.find((s) => s.key === 'r1')!;
    expect(r1.points.map((p) => [p.x, p.y])).toEqual([[0, 60], [200, 20]]);
    expect(chart.series.find((s) => s.key === 'r2')!.points[0]!.x).toBe(200);
    expect(transferSeries([{ region: 'r1', nameKk: '', nameRu: '', date: '2026-11-01', organisations: 1 }], 200, 100).series[0]!.points[0]!.x).toBe(100);
  });
});
