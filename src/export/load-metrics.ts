// Live Prometheus metrics of a running load test (`playwright-perf load --metrics-port`): counters
// from the merged recorder snapshot, active VUs, generator saturation, and latency histograms whose
// bucket counts are read off the merged DDSketch per metric (exact counts, bucket edges within the
// sketch's relative accuracy), so Prometheus sees the same distribution the load report summarises.
import { Counter, Gauge, Registry } from 'prom-client';
import type { DDSketch } from '@datadog/sketches-js';
import type { LoadRawData } from '../types';
import { mergeSketches } from '../load/sketch';
import { PREFIX, PAGE_BUCKETS, TEST_BUCKETS, MAX_FLOW_LABELS, OTHER_LABEL } from './run-metrics';

/** Load latencies span page loads to whole journeys: the union of the run histograms' edges. */
export const LOAD_BUCKETS = [...new Set([...PAGE_BUCKETS, ...TEST_BUCKETS])].sort((a, b) => a - b);

/** Values ≤ `le` in the sketch: the largest rank whose quantile is ≤ le, found by bisection. */
export function countAtMost(sketch: DDSketch, le: number): number {
  if (sketch.count === 0 || le < sketch.min) return 0;
  if (le >= sketch.max) return sketch.count;
  let lo = 0;
  let hi = sketch.count;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sketch.getValueAtQuantile((mid - 0.5) / sketch.count) <= le) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface HistogramValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/** A histogram whose buckets come from sketches: prom-client formats it like its own histograms. */
class SketchHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly series: Array<{ labels: Record<string, string>; sketch: DDSketch; scale: number }>,
  ) {}
  get() {
    const values: HistogramValue[] = [];
    for (const { labels, sketch, scale } of this.series) {
      for (const le of LOAD_BUCKETS) {
        values.push({
          labels: { ...labels, le },
          value: countAtMost(sketch, le * scale),
          metricName: `${this.name}_bucket`,
        });
      }
      values.push({ labels: { ...labels, le: '+Inf' }, value: sketch.count, metricName: `${this.name}_bucket` });
      values.push({ labels, value: sketch.sum / scale, metricName: `${this.name}_sum` });
      values.push({ labels, value: sketch.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
  reset(): void {}
}

export function buildLoadRegistry(raw: LoadRawData): Registry {
  const registry = new Registry();
  const reg = [registry];
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name: `${PREFIX}load_${name}`, help, labelNames, registers: reg });
  const iterations = counter('iterations_total', 'Iterations finished', ['scenario']);
  const failed = counter('failed_iterations_total', 'Iterations that ended in an error', ['scenario']);
  const dropped = counter('dropped_iterations_total', 'Iterations an arrival-rate executor could not start', [
    'scenario',
  ]);
  for (const s of raw.scenarios) {
    iterations.inc({ scenario: s.name }, s.iterations);
    failed.inc({ scenario: s.name }, s.failed);
    dropped.inc({ scenario: s.name }, s.dropped);
  }
  const errors = counter('errors_total', 'Errors by kind (timeout, http, assertion, crash, other)', ['kind']);
  const flows = counter('flows_total', 'Flows finished');
  for (const w of raw.windows) {
    flows.inc(w.flows);
    for (const [kind, n] of Object.entries(w.errors)) if (n) errors.inc({ kind }, n);
  }
  const latest = raw.windows.reduce<LoadRawData['windows'][number] | undefined>(
    (a, w) => (!a || w.index > a.index ? w : a),
    undefined,
  );
  new Gauge({
    name: `${PREFIX}load_vus`,
    help: 'Active virtual users (latest window, time-averaged)',
    registers: reg,
  }).set(latest?.activeVUs ?? 0);
  new Gauge({
    name: `${PREFIX}load_generator_saturated`,
    help: '1 while the load generator is saturated',
    registers: reg,
  }).set(latest?.saturated ? 1 : 0);
  registry.registerMetric(latencyHistogram(raw) as never);
  return registry;
}

/** One series per sketch key (iteration, scenario.*, flow.*, step.*, page.*, vital.*), in seconds;
 *  CLS is unitless and stays out. Past MAX_FLOW_LABELS keys the rest merge into OTHER_LABEL. */
function latencyHistogram(raw: LoadRawData): SketchHistogram {
  const byKey = new Map<string, LoadRawData['windows'][number]['sketches'][string][]>();
  for (const w of raw.windows) {
    for (const [key, s] of Object.entries(w.sketches)) {
      if (key === 'vital.CLS') continue;
      const label = byKey.has(key) || byKey.size < MAX_FLOW_LABELS ? key : OTHER_LABEL;
      byKey.set(label, [...(byKey.get(label) ?? []), s]);
    }
  }
  const series = [...byKey].map(([metric, parts]) => ({
    labels: { metric },
    sketch: mergeSketches(parts, raw.relativeAccuracy),
    scale: 1000,
  }));
  return new SketchHistogram(
    `${PREFIX}load_latency_seconds`,
    'Latency per iteration, scenario, flow, step, page and Web Vital (from the merged sketches)',
    series,
  );
}
