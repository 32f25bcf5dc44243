// Small descriptive statistics shared by analyzers. Two definitions, each used everywhere:
// - percentiles (p50, p95, … in distributions and budgets) are nearest-rank: always an observed
//   sample, so p50 ≤ p95 ≤ max hold and a figure in the report is one a test really took;
// - the median is the interpolated middle (the mean of the two middle values for an even count):
//   history and the optimizer compare medians of a few runs, where dropping one of two middle
//   samples would bias every comparison of even-sized groups low.
import type { Distribution } from '../../types';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function distribution(values: number[]): Distribution {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

/** Median (interpolated for even counts); NaN for no values. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  // One or two values are most series of one run (a test's single attempt): no copy, no sort.
  if (values.length === 1) return values[0];
  if (values.length === 2) return (values[0] + values[1]) / 2;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
