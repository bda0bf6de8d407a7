// Chart geometry for the dashboard's hand-drawn SVG (no chart library: nothing is fetched from another host).

/** The smallest "nice" axis maximum (1, 2, 2.5, 5 × 10ⁿ) at or above `max`; 1 for an empty chart. */
export function niceMax(max: number): number {
  if (!(max > 0)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) {
      return step * power;
    }
  }
  return 10 * power;
}

/** Axis ticks from 0 to the nice maximum, `count` intervals, whole numbers only when the maximum is small. */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  const intervals = top < count && Number.isInteger(top) ? top : count;
  return Array.from({ length: intervals + 1 }, (_, i) => Math.round((top / intervals) * i * 100) / 100);
}

/** Maps a value to a y pixel in a chart of `height`, 0 at the bottom. */
export function scaleY(value: number, max: number, height: number): number {
  return height - (Math.max(0, value) / niceMax(max)) * height;
}

export interface StackSegment<K extends string = string> {
  key: K;
  value: number;
  y: number;
  height: number;
}

/** Stacks the values of one bar bottom up, in the order given, in a chart of `height` scaled to `max`. */
export function stack<K extends string>(values: Array<{ key: K; value: number }>, max: number, height: number): StackSegment<K>[] {
  let base = height;
  return values.filter((v) => v.value > 0).map((v) => {
    const h = (v.value / niceMax(max)) * height;
    base -= h;
    return { key: v.key, value: v.value, y: base, height: h };
  });
}

/** Cases grouped as one bar per pathway, segments per status, pathways by their total, largest first. */
export function casesByPathway(cases: ReadonlyArray<{ pathway: string; status: string; count: number }>) {
  const bars = new Map<string, Array<{ key: string; value: number }>>();
  for (const c of cases) {
    bars.set(c.pathway, [...(bars.get(c.pathway) ?? []), { key: c.status, value: c.count }]);
  }
  return [...bars.entries()]
    .map(([pathway, segments]) => ({ pathway, segments, total: segments.reduce((s, x) => s + x.value, 0) }))
    .sort((a, b) => b.total - a.total || a.pathway.localeCompare(b.pathway));
}

export interface Series {
  key: string;
  nameKk: string;
  nameRu: string;
  points: Array<{ x: number; y: number; date: string; value: number }>;
}

/**
 * Transfers over time as one line per region: x by date over the whole span (one day → the middle), y by schools
 * moved that day, in a plot of `width` × `height`.
 */
export function transferSeries(
  transfers: ReadonlyArray<{ region: string; nameKk: string; nameRu: string; date: string; organisations: number }>, width: number, height: number,
): { dates: string[]; max: number; series: Series[] } {
  const dates = [...new Set(transfers.map((t) => t.date))].sort();
  const max = Math.max(0, ...transfers.map((t) => t.organisations));
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const first = dates.length ? day(dates[0]!) : 0;
  const span = dates.length > 1 ? day(dates[dates.length - 1]!) - first : 0;
  const x = (date: string) => (span === 0 ? width / 2 : ((day(date) - first) / span) * width);
  const byRegion = new Map<string, Series>();
  for (const t of [...transfers].sort((a, b) => a.date.localeCompare(b.date))) {
    const series = byRegion.get(t.region) ?? { key: t.region, nameKk: t.nameKk, nameRu: t.nameRu, points: [] };
    series.points.push({ x: x(t.date), y: scaleY(t.organisations, max, height), date: t.date, value: t.organisations });
    byRegion.set(t.region, series);
  }
  return { dates, max, series: [...byRegion.values()] };
}
