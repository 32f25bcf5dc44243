// What the HTML load view shows, computed from the report (pure): per-window series of VUs,
// throughput, latency percentiles (of the scalability metric) and errors; saturated windows.
import type { LoadReport } from '../types/load';
import { deserializeSketch, quantile } from './sketch';

export interface LoadViewModel {
  title: string;
  status: LoadReport['status'];
  windowSeconds: number;
  metric: string;
  /** Window start, seconds since the test start. */
  t: number[];
  vus: number[];
  throughput: number[];
  errors: number[];
  p50: Array<number | null>;
  p95: Array<number | null>;
  p99: Array<number | null>;
  saturated: boolean[];
}

export function buildLoadViewModel(r: LoadReport): LoadViewModel {
  const w = r.raw.windowMs / 1000;
  const windows = [...r.raw.windows].sort((a, b) => a.index - b.index);
  const q = (i: number, x: number) => {
    const s = windows[i].sketches[r.scalabilityMetric];
    return s && s.count ? Math.round(quantile(deserializeSketch(s), x) * 10) / 10 : null;
  };
  return {
    title: r.file, status: r.status, windowSeconds: w, metric: r.scalabilityMetric,
    t: windows.map((x) => x.index * w),
    vus: windows.map((x) => Math.round(x.activeVUs * 10) / 10),
    throughput: windows.map((x) => Math.round((x.iterations / w) * 100) / 100),
    errors: windows.map((x) => x.failed),
    p50: windows.map((_, i) => q(i, 0.5)),
    p95: windows.map((_, i) => q(i, 0.95)),
    p99: windows.map((_, i) => q(i, 0.99)),
    saturated: windows.map((x) => x.saturated),
  };
}
