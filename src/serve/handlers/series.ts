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

/** Latest point against the median of the earlier ones. */
export function latestChange(points: SeriesPoint[]): number | null {
  if (points.length < 2) return null;
  const before = median(points.slice(0, -1).map((p) => p.value));
  if (before === 0) return null;
  return Math.round(((points[points.length - 1].value - before) / Math.abs(before)) * 10_000) / 10_000;
}

const strip = (p: SeriesPoint & { runIndex?: number }): SeriesPoint => {
  const { runIndex: _i, ...rest } = p;
  return rest;
};

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
    // Only series present in the window of the latest `last` runs.
    const firstRun = Math.max(0, index.runs.length - last);
    const items: TrendItem[] = [];
    for (const s of index.seriesOfMetric(metric)) {
      if (search && !s.key.subject.toLowerCase().includes(search)) continue;
      const points = s.points.filter((p) => p.runIndex >= firstRun).map(strip);
      if (!points.length) continue;
      items.push({ ...s.key, points, change: latestChange(points), latest: points[points.length - 1].value });
    }
    const total = items.length;
    items.sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.subject.localeCompare(b.subject));
    return { metric, last, total, items: items.slice(0, limit) };
  }) as TrendsResponse;
};
