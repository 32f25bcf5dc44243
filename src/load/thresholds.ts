// Evaluates k6-style thresholds on an aggregate. Metric names: any sampled metric (iteration,
// scenario.<name>, flow.<name>, step.<name>, page.<path>, vital.<name>) takes percentiles/avg/min/
// max/count; `errors` and `errors.<kind>` take rate (fraction of iterations) and count;
// `iterations`, `flows` and `dropped_iterations` take count and rate (per second). Pure.
import type { LoadErrorKind, ThresholdVerdict } from '../types/load';
import type { Aggregate } from './aggregate';
import type { ResolvedThreshold } from './resolved';
import { compare } from './threshold-parse';
import { quantile } from './sketch';

const COUNTERS = ['iterations', 'flows', 'dropped_iterations'];

function counterValue(t: ResolvedThreshold, a: Aggregate): number | string {
  const kind = t.aggregation.kind;
  if (t.metric === 'errors' || t.metric.startsWith('errors.')) {
    const n = t.metric === 'errors' ? a.failed : (a.errors[t.metric.slice('errors.'.length) as LoadErrorKind] ?? 0);
    if (kind === 'count') return n;
    if (kind === 'rate') return a.iterations ? n / a.iterations : 0;
    return `${t.metric} takes 'rate' (fraction of iterations) or 'count', not ${kind}`;
  }
  const n = t.metric === 'iterations' ? a.iterations : t.metric === 'flows' ? a.flows : a.dropped;
  if (kind === 'count') return n;
  if (kind === 'rate') return a.seconds ? n / a.seconds : 0;
  return `${t.metric} takes 'count' or 'rate' (per second), not ${kind}`;
}

function sampledValue(t: ResolvedThreshold, a: Aggregate): number | string {
  const s = a.sketches.get(t.metric);
  if (!s || s.count === 0) {
    const known = [...a.sketches.keys()].sort().slice(0, 12).join(', ');
    return `no samples of ${t.metric} were recorded (metrics seen: ${known || 'none'})`;
  }
  const agg = t.aggregation;
  switch (agg.kind) {
    case 'percentile':
      return quantile(s, agg.q / 100);
    case 'avg':
      return s.sum / s.count;
    case 'min':
      return s.min;
    case 'max':
      return s.max;
    case 'count':
      return s.count;
    case 'rate':
      return `rate applies to errors, iterations, flows and dropped_iterations, not to ${t.metric}`;
  }
}

export function evaluateThreshold(t: ResolvedThreshold, a: Aggregate): ThresholdVerdict {
  const isCounter = COUNTERS.includes(t.metric) || t.metric === 'errors' || t.metric.startsWith('errors.');
  const value = isCounter ? counterValue(t, a) : sampledValue(t, a);
  const base = { metric: t.metric, expression: t.source, abortOnFail: t.abortOnFail };
  if (typeof value === 'string') return { ...base, ok: false, reason: value };
  const actual = Math.round(value * 10000) / 10000;
  const ok = compare(value, t.operator, t.value);
  const unit = isCounter || t.metric.startsWith('vital.CLS') ? '' : ' ms';
  return {
    ...base,
    ok,
    actual,
    reason: `${t.metric} ${t.source.trim()}: measured ${actual}${unit}${ok ? '' : ` — fails (needs ${t.operator} ${t.value})`}`,
  };
}

export function evaluateThresholds(list: ResolvedThreshold[], a: Aggregate): ThresholdVerdict[] {
  return list.map((t) => evaluateThreshold(t, a));
}
