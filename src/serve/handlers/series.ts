// Metric series: the list of metrics, one metric × subject over the latest runs, and the trends of
// every series of a metric (most changed first) for the dashboard's charts.
import type { MetricsResponse, SeriesPoint, SeriesResponse, TrendItem, TrendsResponse } from '../../types';
import { seriesKey } from '../../analyze/history/compact-run';
import { median } from '../../analyze/stats/descriptive';
import { notFound } from '../api-error';
import { intParam, stringParam } from '../query';
import { MAX_WINDOW } from '../api-spec';
import type { Handler } from '../context';
import type { HistoryIndex, IndexedSeries } from '../history-index';
import { firstIndexWhere } from '../../util/lower-bound';

/** Latest point against the median of the earlier ones. */
export function latestChange(points: SeriesPoint[]): number | null {
  return changeOfLatest(points, 0);
}

const strip = (p: SeriesPoint & { runIndex?: number }): SeriesPoint => {
  const { runIndex: _i, ...rest } = p;
  return rest;
};

/** latestChange of points[from..] without copying them. */
function changeOfLatest(points: SeriesPoint[], from: number): number | null {
  if (points.length - from < 2) return null;
  const before: number[] = [];
  for (let i = from; i < points.length - 1; i++) before.push(points[i].value);
  const m = median(before);
  if (m === 0) return null;
  return Math.round(((points[points.length - 1].value - m) / Math.abs(m)) * 10_000) / 10_000;
}

export const listMetrics: Handler = async (ctx): Promise<MetricsResponse> => {
  const index = await ctx.history();
  return index.memo.get('metrics', () => {
    const by = new Map<string, { series: number; runs: Set<number> }>();
    for (const s of index.allSeries().values()) {
      let e = by.get(s.key.metric);
      if (!e) by.set(s.key.metric, (e = { series: 0, runs: new Set() }));
      e.series++;
      for (const p of s.points) e.runs.add(p.runIndex);
    }
    return {
      items: [...by]
        .map(([metric, e]) => ({ metric, series: e.series, runs: e.runs.size }))
        .sort((a, b) => a.metric.localeCompare(b.metric)),
    };
  }) as MetricsResponse;
};

export function findSeries(
  index: HistoryIndex,
  metric: string,
  subject: string,
  project?: string,
): IndexedSeries | undefined {
  const all = index.allSeries();
  if (project !== undefined) return all.get(seriesKey({ metric, subject, project }));
  return all.get(seriesKey({ metric, subject })) ?? index.seriesOfMetric(metric).find((s) => s.key.subject === subject);
}

export const getSeries: Handler = async (ctx): Promise<SeriesResponse> => {
  const metric = stringParam(ctx.query, 'metric', { required: true, maxLength: 200 })!;
  const subject = stringParam(ctx.query, 'subject', { required: true, maxLength: 2000 })!;
  const project = stringParam(ctx.query, 'project', { maxLength: 200 });
  const last = intParam(ctx.query, 'last', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const index = await ctx.history();
  const s = findSeries(index, metric, subject, project);
  if (!s)
    throw notFound(
      `no series ${metric} for "${subject}"${project ? ` in project ${project}` : ''} in history`,
      'subject',
    );
  const points = s.points.slice(-last).map(strip);
  return { ...s.key, points, change: latestChange(points) };
};

export const getTrends: Handler = async (ctx): Promise<TrendsResponse> => {
  const metric = stringParam(ctx.query, 'metric', { required: true, maxLength: 200 })!;
  const last = intParam(ctx.query, 'last', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const limit = intParam(ctx.query, 'limit', { min: 1, max: 200, fallback: 20 });
  const search = stringParam(ctx.query, 'search', { maxLength: 500 })?.toLowerCase();
  const index = await ctx.history();
  return index.memo.get(`trends\u0000${metric}\u0000${last}\u0000${limit}\u0000${search ?? ''}`, () => {
    // Only series present in the window of the latest `last` runs. Points are copied out only for
    // the `limit` items returned: a metric has ~1,000 series × `last` points, and copying all of
    // them was nearly all of a cold trends answer (300 ms at last=300).
    const firstRun = Math.max(0, index.runs.length - last);
    const ranked: Array<{ s: IndexedSeries; from: number; change: number | null }> = [];
    for (const s of index.seriesOfMetric(metric)) {
      if (search && !s.key.subject.toLowerCase().includes(search)) continue;
      const from = firstIndexWhere(s.points.length, (k) => s.points[k].runIndex >= firstRun);
      if (from === s.points.length) continue;
      ranked.push({ s, from, change: changeOfLatest(s.points, from) });
    }
    ranked.sort(
      (a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.s.key.subject.localeCompare(b.s.key.subject),
    );
    const items: TrendItem[] = ranked.slice(0, limit).map(({ s, from, change }) => {
      const points = s.points.slice(from).map(strip);
      return { ...s.key, points, change, latest: points[points.length - 1].value };
    });
    const total = ranked.length;
    return { metric, last, total, items };
  }) as TrendsResponse;
};
