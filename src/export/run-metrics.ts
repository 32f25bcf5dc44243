// The Prometheus metric model of one run (docs/metrics-export.md). Built from the compact run kept
// in history, so a pushed run and a run read back from history export the same series.
// Base units (seconds, ratios), histograms instead of pre-computed percentiles, and a small fixed
// label set: per-test series exist only for the slowest N tests or an allow-list.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CompactRun, MetricSeries } from '../types';
import { globToRegExp } from '../analyze/budgets/budgets';
import { VITAL_PREFIX, STARTUP_PREFIX, LIGHTHOUSE_PREFIX, METRIC } from '../analyze/history/compact-run';

export const PREFIX = 'playwright_perf_';
/** Whole tests and flows: from a fast unit-like test to a five-minute journey. */
export const TEST_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** Page timings; the edges include the Web Vitals rating thresholds (INP 0.2/0.5, TTFB 0.8/1.8,
 *  FCP 1.8/3, LCP 2.5/4 s) so "share of good samples" is one bucket ratio. */
export const PAGE_BUCKETS = [0.025, 0.05, 0.1, 0.2, 0.5, 0.8, 1, 1.8, 2.5, 3, 4, 10];
/** CLS is unitless; 0.1 and 0.25 are its rating thresholds. */
export const CLS_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1];
/** Flow names come from test code; past this many, the rest share one label value. */
export const MAX_FLOW_LABELS = 100;
export const OTHER_LABEL = '(other)';

export interface PerTestSelection {
  slowest: number;
  allow: string[];
}

const OUTCOME_LABEL: Record<string, string> = {
  expected: 'passed',
  unexpected: 'failed',
  flaky: 'flaky',
  skipped: 'skipped',
};

/** `file › describe › title` → the file part (a bounded label: one value per spec file). */
export function fileOf(subject: string): string {
  return subject.split(' › ')[0];
}

export function addRunMetrics(registry: Registry, run: CompactRun, perTest: PerTestSelection): void {
  const reg = [registry];
  new Gauge({
    name: `${PREFIX}run_duration_seconds`,
    help: 'Wall time of the run',
    labelNames: ['status'],
    registers: reg,
  }).set({ status: run.status }, run.wallTimeMs / 1000);
  new Gauge({
    name: `${PREFIX}run_start_timestamp_seconds`,
    help: 'When the run started (Unix time)',
    registers: reg,
  }).set(run.startTime / 1000);
  new Gauge({ name: `${PREFIX}run_workers`, help: 'Workers the run was configured with', registers: reg }).set(
    run.env.workers,
  );
  new Gauge({ name: `${PREFIX}run_interrupted`, help: '1 when the run was interrupted', registers: reg }).set(
    run.interrupted ? 1 : 0,
  );
  addTestMetrics(registry, run, perTest);
  addSeriesMetrics(registry, run.metrics);
}

function addTestMetrics(registry: Registry, run: CompactRun, perTest: PerTestSelection): void {
  const reg = [registry];
  const tests = new Gauge({
    name: `${PREFIX}tests`,
    help: 'Tests of the run by final outcome',
    labelNames: ['project', 'outcome'],
    registers: reg,
  });
  const attempts = new Counter({
    name: `${PREFIX}test_attempts_total`,
    help: 'Test attempts (retries included) by status',
    labelNames: ['project', 'status'],
    registers: reg,
  });
  const duration = new Histogram({
    name: `${PREFIX}test_duration_seconds`,
    help: 'Duration of passed test attempts',
    labelNames: ['project', 'file'],
    buckets: TEST_BUCKETS,
    registers: reg,
  });
  for (const t of run.tests) {
    tests.inc({ project: t.project, outcome: OUTCOME_LABEL[t.outcome] ?? t.outcome });
    for (const [status, ms] of t.attempts) {
      attempts.inc({ project: t.project, status });
      if (status === 'passed') duration.observe({ project: t.project, file: fileOf(t.subject) }, ms / 1000);
    }
  }
  addPerTestMetrics(registry, run, perTest);
}

/** The cardinality guard: one series per selected test, never one per test of the suite. */
export function selectTests(run: CompactRun, perTest: PerTestSelection): CompactRun['tests'] {
  const allow = perTest.allow.map(globToRegExp);
  const lastMs = (t: CompactRun['tests'][number]) => t.attempts.at(-1)?.[1] ?? 0;
  const timed = run.tests.filter((t) => t.attempts.length > 0 && t.outcome !== 'skipped');
  const slowest = [...timed].sort((a, b) => lastMs(b) - lastMs(a)).slice(0, perTest.slowest);
  const allowed = timed.filter((t) => allow.some((re) => re.test(t.subject)));
  return [...new Set([...slowest, ...allowed])];
}

function addPerTestMetrics(registry: Registry, run: CompactRun, perTest: PerTestSelection): void {
  const gauge = new Gauge({
    name: `${PREFIX}slow_test_duration_seconds`,
    help: 'Last attempt of the slowest tests (and allow-listed ones); no other metric has a test label',
    labelNames: ['project', 'file', 'test'],
    registers: [registry],
  });
  for (const t of selectTests(run, perTest)) {
    const parts = t.subject.split(' › ');
    const ms = t.attempts.at(-1)?.[1] ?? 0;
    gauge.set({ project: t.project, file: parts[0], test: parts.slice(1).join(' › ') || parts[0] }, ms / 1000);
  }
}

function addSeriesMetrics(registry: Registry, series: MetricSeries[]): void {
  const reg = [registry];
  const h = (name: string, help: string, labelNames: string[], buckets: number[]) =>
    new Histogram({ name: `${PREFIX}${name}`, help, labelNames, buckets, registers: reg });
  const flow = h(
    'flow_duration_seconds',
    'Duration of successful flows (perf.flow and presets)',
    ['project', 'flow'],
    TEST_BUCKETS,
  );
  const vital = h('web_vital_seconds', 'Web Vitals samples (LCP, FCP, INP, TTFB)', ['project', 'name'], PAGE_BUCKETS);
  const cls = h('web_vital_cls', 'Cumulative Layout Shift samples (unitless)', ['project'], CLS_BUCKETS);
  const ttfb = h('navigation_ttfb_seconds', 'Time to first byte of navigations', ['project'], PAGE_BUCKETS);
  const load = h('navigation_load_seconds', 'Navigation start to load event end', ['project'], PAGE_BUCKETS);
  const locator = h('locator_resolve_seconds', 'Time to resolve a locator to an element', ['project'], PAGE_BUCKETS);
  const startup = h(
    'startup_seconds',
    'Browser, context and page start-up',
    ['project', 'phase', 'browser', 'temperature'],
    PAGE_BUCKETS,
  );
  const score = new Gauge({
    name: `${PREFIX}lighthouse_score_ratio`,
    help: 'Lowest Lighthouse category score of the run (0..1)',
    labelNames: ['project', 'category'],
    registers: reg,
  });
  const flows = boundedLabels(series.filter((s) => s.metric === METRIC.flowDuration).map((s) => s.subject));
  const observeAll = (hist: Histogram, labels: Record<string, string>, values: number[], scale = 1000) => {
    for (const v of values) hist.observe(labels, v / scale);
  };
  const lowest = new Map<string, number>();
  for (const s of series) {
    const project = s.project ?? '';
    if (s.metric === METRIC.flowDuration) observeAll(flow, { project, flow: flows(s.subject) }, s.values);
    else if (s.metric === `${VITAL_PREFIX}CLS`) observeAll(cls, { project }, s.values, 1);
    else if (s.metric.startsWith(VITAL_PREFIX))
      observeAll(vital, { project, name: s.metric.slice(VITAL_PREFIX.length) }, s.values);
    else if (s.metric === METRIC.navTtfb) observeAll(ttfb, { project }, s.values);
    else if (s.metric === METRIC.navLoad) observeAll(load, { project }, s.values);
    else if (s.metric === METRIC.locatorResolve) observeAll(locator, { project }, s.values);
    else if (s.metric.startsWith(STARTUP_PREFIX)) {
      const [browser, temperature] = s.subject.split(':');
      const labels = { project, phase: s.metric.slice(STARTUP_PREFIX.length), browser, temperature: temperature ?? '' };
      observeAll(startup, labels, s.values);
    } else if (s.metric.startsWith(LIGHTHOUSE_PREFIX)) {
      const key = `${project}\u0000${s.metric.slice(LIGHTHOUSE_PREFIX.length)}`;
      lowest.set(key, Math.min(lowest.get(key) ?? Infinity, ...s.values));
    }
  }
  for (const [key, value] of lowest) {
    const [project, category] = key.split('\u0000');
    score.set({ project, category }, value / 100);
  }
}

/** Keeps the first MAX_FLOW_LABELS distinct values (by first appearance); the rest map to OTHER_LABEL. */
function boundedLabels(values: string[]): (v: string) => string {
  const kept = new Set([...new Set(values)].slice(0, MAX_FLOW_LABELS));
  return (v) => (kept.has(v) ? v : OTHER_LABEL);
}
