// What the load view page shows, computed from the report (pure): per-window series of VUs,
// throughput, latency percentiles (of the scalability metric) and errors; the summaries.
import type { LoadReport } from '../types/load';
import type { LoadPageModel } from '../types/load-view';
import { deserializeSketch, quantile } from './sketch';

export function buildLoadViewModel(r: LoadReport): LoadPageModel {
  const w = r.raw.windowMs / 1000;
  const windows = [...r.raw.windows].sort((a, b) => a.index - b.index);
  const q = (i: number, x: number) => {
    const s = windows[i].sketches[r.scalabilityMetric];
    return s && s.count ? Math.round(quantile(deserializeSketch(s), x) * 10) / 10 : null;
  };
  return {
    title: r.file,
    status: r.status,
    startedAt: r.startedAt,
    segments: r.segments,
    workers: r.workers,
    windowSeconds: w,
    metric: r.scalabilityMetric,
    totals: r.totals,
    windows: windows.map((x, i) => ({
      t: x.index * w,
      vus: Math.round(x.activeVUs * 10) / 10,
      throughput: Math.round((x.iterations / w) * 100) / 100,
      errors: x.failed,
      p50: q(i, 0.5),
      p95: q(i, 0.95),
      p99: q(i, 0.99),
      saturated: x.saturated,
    })),
    metrics: Object.entries(r.metrics).map(([name, s]) => ({
      name,
      count: s.count,
      p50: s.p50,
      p90: s.p90,
      p95: s.p95,
      p99: s.p99,
      max: s.max,
    })),
    thresholds: r.thresholds.map(({ metric, expression, ok, actual, reason }) => ({
      metric,
      expression,
      ok,
      reason,
      ...(actual !== undefined ? { actual } : {}),
    })),
    scalability: r.scalability,
    errorSamples: r.raw.errorSamples.slice(0, 50),
    warnings: r.warnings,
  };
}
