// Regression detection: for every metric series present in both the baseline and the current run,
// a significance test (Mann-Whitney U, or a prediction test when the current side has too few
// samples for ranks to ever reach significance), Cliff's delta, a minimum practical change, and
// Benjamini-Hochberg over all series. A change is called only when it is both significant after
// correction and practically large; a large change we cannot confirm is "not-enough-data", never
// "unchanged". Pure.
import type { CompactRun, HistoryComparison, MetricKey, MetricSeries, RegressionFinding } from '../../types';
import { benjaminiHochberg } from '../stats/multiple-comparisons';
import { cliffsDelta, isConstant, mannWhitneyU, minimumUTestP, predictionTestP } from '../stats/mann-whitney';
import { median } from '../stats/descriptive';
import { higherIsBetter, runSeries, seriesKey } from './compact-run';

/** Smallest relative change of the median worth reporting (5 %: below that, CI machine noise dominates). */
export const DEFAULT_MIN_CHANGE = 0.05;
/** Default false discovery rate for Benjamini-Hochberg. */
export const DEFAULT_FDR = 0.05;
/** Fewer baseline samples than this: no test is attempted. */
export const MIN_BASELINE_SAMPLES = 3;
/** The rank test is used when both sides have at least this many samples. Below it, its p-values are
 *  too coarse to survive correction (2 current vs 10 baseline: p ≥ 0.03 however large the shift),
 *  so the prediction test on log values is used, guarded by the baseline range. */
const MIN_RANK_TEST_SAMPLES = 5;
/** Series too young to test (< MIN_BASELINE_SAMPLES) are listed only when they moved this much
 *  (a young history would otherwise list every series); all are counted in the summary. */
const UNTESTED_LISTED_CHANGE = 0.5;
/** Possible changes ("not-enough-data") listed in findings; all are counted in the summary. */
const MAX_UNSURE_LISTED = 50;
/** Below this many samples per side a non-significant large change is "not-enough-data" (power is low). */
const LOW_POWER_SAMPLES = 8;
/** Absolute floors below which a change is not practical: ms timers tick in 1 ms steps, CLS in
 *  hundredths matter, Lighthouse scores are integers. */
const ABSOLUTE_FLOOR: Array<[prefix: string, floor: number]> = [
  ['vital.CLS', 0.01],
  ['lighthouse.', 1],
];
/** Default absolute floor for durations (ms): a few timer ticks. */
export const DEFAULT_MIN_ABS_CHANGE_MS = 3;

export function absoluteFloor(metric: string, minAbsChangeMs = DEFAULT_MIN_ABS_CHANGE_MS): number {
  for (const [prefix, floor] of ABSOLUTE_FLOOR) if (metric.startsWith(prefix)) return floor;
  return minAbsChangeMs;
}

export interface RegressionSettings {
  minChange: number;
  fdr: number;
  /** Absolute floor for duration metrics (ms). Default DEFAULT_MIN_ABS_CHANGE_MS. */
  minAbsChangeMs?: number;
}

interface Pending {
  finding: RegressionFinding;
  /** Extra condition for a prediction test: current values all beyond the baseline range. */
  outsideRange: boolean;
  lowPower: boolean;
  practical: boolean;
  /** Run-wide factor the baseline was scaled by (see runWideFactor). */
  scaledBy?: number;
  /** Median of the baseline actually tested (scaled), when it differs from the reported one. */
  testedBaselineMedian?: number;
}

/** Tests one series; qValue and the final verdict are set by `detectRegressions` after correction. */
function testSeries(key: MetricKey, baseline: number[], current: number[], settings: RegressionSettings): Pending {
  const better = higherIsBetter(key.metric) ? 'higher' : 'lower';
  const mb = median(baseline), mc = median(current);
  const diff = mc - mb;
  const change = mb !== 0 ? diff / Math.abs(mb) : null;
  const practical = Math.abs(diff) >= Math.max(settings.minChange * Math.abs(mb), absoluteFloor(key.metric, settings.minAbsChangeMs));
  const finding: RegressionFinding = {
    ...key, verdict: 'not-enough-data', baselineMedian: mb, currentMedian: mc, change,
    pValue: null, qValue: null, effectSize: cliffsDelta(baseline, current),
    baselineSamples: baseline.length, currentSamples: current.length, better,
  };
  const pending: Pending = { finding, outsideRange: true, lowPower: baseline.length < LOW_POWER_SAMPLES || current.length < 3, practical };
  if (baseline.length < MIN_BASELINE_SAMPLES) {
    finding.note = `baseline has ${baseline.length} sample(s); need ${MIN_BASELINE_SAMPLES}`;
    return pending;
  }
  if (isConstant(baseline) && isConstant(current) && current.length >= 2) {
    // Deterministic measurements (byte counts, scores, cached timings): any difference is real.
    finding.method = 'deterministic';
    finding.pValue = mb === mc ? 1 : 0;
    return pending;
  }
  if (Math.min(baseline.length, current.length) >= MIN_RANK_TEST_SAMPLES && minimumUTestP(baseline.length, current.length) < settings.fdr) {
    const r = mannWhitneyU(baseline, current);
    finding.method = r.method === 'exact' ? 'mann-whitney-exact' : 'mann-whitney-normal';
    finding.pValue = r.p;
    return pending;
  }
  // Too few current samples for ranks (one sample against 10 can at best be p = 2/11): ask whether
  // they lie outside what the baseline predicts, and — against heavy tails — outside its range.
  finding.method = 'prediction';
  finding.pValue = predictionTestP(baseline, current);
  const lo = Math.min(...baseline), hi = Math.max(...baseline);
  pending.outsideRange = diff > 0 ? current.every((v) => v > hi) : current.every((v) => v < lo);
  return pending;
}

function decide(p: Pending, fdr: number): void {
  decideVerdict(p, fdr);
  if (p.scaledBy && p.finding.note && p.finding.qValue !== null) p.finding.note += ` (judged beyond the run-wide ×${p.scaledBy.toFixed(2)})`;
}

function decideVerdict(p: Pending, fdr: number): void {
  const f = p.finding;
  if (f.qValue === null) return; // not tested: stays not-enough-data with its note
  const base = p.testedBaselineMedian ?? f.baselineMedian!;
  const worse = f.better === 'lower' ? f.currentMedian! > base : f.currentMedian! < base;
  const pct = f.change === null ? `${fmt(f.currentMedian! - f.baselineMedian!)}` : `${f.change >= 0 ? '+' : ''}${(f.change * 100).toFixed(1)} %`;
  const significant = f.qValue <= fdr && p.outsideRange;
  if (significant && p.practical) {
    f.verdict = worse ? 'regression' : 'improvement';
    f.note = `median ${fmt(f.baselineMedian!)} → ${fmt(f.currentMedian!)} (${pct}), q = ${fmtP(f.qValue)}`;
  } else if (significant) {
    f.verdict = 'unchanged';
    f.note = `significant but below the practical threshold (${pct})`;
  } else if (p.practical && p.lowPower) {
    f.verdict = 'not-enough-data';
    f.note = `median ${pct} but not confirmed with ${f.baselineSamples} baseline / ${f.currentSamples} current sample(s)${p.outsideRange ? '' : ' (within the baseline range)'}`;
  } else {
    f.verdict = 'unchanged';
    if (p.practical) f.note = `median ${pct}, within noise (q = ${fmtP(f.qValue)})`;
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(3);
}
function fmtP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

export interface DetectResult {
  findings: RegressionFinding[];
  summary: NonNullable<HistoryComparison['summary']>;
  /** Set when the whole run was faster/slower than the baseline (machine load or an app-wide change). */
  runWide?: { factor: number; series: number; caveat: string };
}

/** Timing series (ms): scaled by the run-wide factor. Scores and CLS are not machine-speed dependent. */
function isTiming(metric: string): boolean {
  return !metric.startsWith('lighthouse.') && metric !== 'vital.CLS';
}

/** With fewer timing series than this, no run-wide factor is estimated. */
const MIN_SERIES_FOR_RUN_FACTOR = 4;

/** The run-wide shift: median over timing series of current/baseline median ratios. On a shared CI
 *  machine a busy neighbour slows every series at once; judged raw, each would be a "regression".
 *  Judged against the shifted baseline, only series that moved more than the run as a whole are
 *  flagged, and the shift itself is reported as a caveat — never silently absorbed. Returns 1 when
 *  the shift is within minChange or there are too few series to tell. */
export function runWideFactor(pairs: Array<{ key: MetricKey; base: number[]; cur: number[] }>, minChange: number): number {
  const logs: number[] = [];
  for (const { key, base, cur } of pairs) {
    if (!isTiming(key.metric) || base.length < MIN_BASELINE_SAMPLES) continue;
    const b = median(base), c = median(cur);
    if (b > 0 && c > 0) logs.push(Math.log(c / b));
  }
  if (logs.length < MIN_SERIES_FOR_RUN_FACTOR) return 1;
  const f = Math.exp(median(logs));
  return f > 1 + minChange || f < 1 / (1 + minChange) ? f : 1;
}

/** Pools every baseline run's samples per series, then tests each series against the current run. */
export function compareSeries(baseline: MetricSeries[], current: MetricSeries[], settings: RegressionSettings): DetectResult {
  const pooled = new Map<string, number[]>();
  for (const s of baseline) {
    const k = seriesKey(s);
    const arr = pooled.get(k);
    if (arr) for (const v of s.values) arr.push(v);
    else pooled.set(k, [...s.values]);
  }
  const currentPooled = new Map<string, MetricSeries>();
  for (const s of current) {
    const k = seriesKey(s);
    const hit = currentPooled.get(k);
    if (hit) hit.values.push(...s.values);
    else currentPooled.set(k, { ...s, values: [...s.values] });
  }
  const pairs: Array<{ key: MetricKey; base: number[]; cur: number[] }> = [];
  for (const [k, s] of currentPooled) {
    const base = pooled.get(k);
    if (!base || base.length === 0 || s.values.length === 0) continue; // new series: nothing to compare
    pairs.push({ key: { metric: s.metric, subject: s.subject, ...(s.project !== undefined ? { project: s.project } : {}) }, base, cur: s.values });
  }
  const factor = runWideFactor(pairs, settings.minChange);
  const pendings: Pending[] = [];
  for (const { key, base, cur } of pairs) {
    if (factor === 1 || !isTiming(key.metric)) { pendings.push(testSeries(key, base, cur, settings)); continue; }
    // A change must hold against both the raw and the shifted baseline: on a slow run a series is a
    // regression only if it slowed more than the run as a whole, and an improvement only if it got
    // faster in absolute terms (and the other way round on a fast run).
    const raw = median(base);
    const slower = median(cur) > raw;
    const scale = slower ? Math.max(1, factor) : Math.min(1, factor);
    const p = testSeries(key, scale === 1 ? base : base.map((v) => v * scale), cur, settings);
    p.testedBaselineMedian = p.finding.baselineMedian!;
    p.finding.baselineMedian = raw;
    p.finding.change = raw !== 0 ? (p.finding.currentMedian! - raw) / Math.abs(raw) : null;
    if (scale !== 1) p.scaledBy = scale;
    pendings.push(p);
  }
  const tested = pendings.filter((p) => p.finding.pValue !== null);
  const q = benjaminiHochberg(tested.map((p) => p.finding.pValue!));
  tested.forEach((p, i) => { p.finding.qValue = q[i]; });
  for (const p of pendings) decide(p, settings.fdr);
  const all = pendings.map((p) => p.finding);
  const count = (v: RegressionFinding['verdict']) => all.filter((f) => f.verdict === v).length;
  const summary = { compared: all.length, regressions: count('regression'), improvements: count('improvement'), unchanged: count('unchanged'), notEnoughData: count('not-enough-data') };
  // Listed: every regression/improvement, and not-enough-data cases that look like a change.
  const rank = { regression: 0, improvement: 1, 'not-enough-data': 2, unchanged: 3 } as const;
  const factor2 = factor;
  const runWide = factor !== 1 ? {
    factor, series: pendings.filter((p) => isTiming(p.finding.metric)).length,
    caveat: `the whole run was ${factor2 >= 1 ? `${factor2.toFixed(2)}× slower` : `${(1 / factor2).toFixed(2)}× faster`} than the baseline across most timing series (a busy or faster machine, or an app-wide change); timings were judged relative to that shift`,
  } : undefined;
  if (runWide) {
    // Listed (never absorbed silently), but not a verdict: a slower machine and an app-wide slowdown
    // look the same from inside one run. Budgets such as run.wallTime still apply to it.
    pendings.push({
      finding: {
        metric: 'run.shift', subject: 'all timing series', verdict: 'not-enough-data', baselineMedian: 1, currentMedian: runWide.factor,
        change: runWide.factor - 1, pValue: null, qValue: null, effectSize: null, baselineSamples: runWide.series, currentSamples: runWide.series,
        better: 'lower', note: runWide.caveat,
      },
      outsideRange: true, lowPower: true, practical: true,
    });
  }
  const findings = pendings
    .filter((p) => p.finding.verdict === 'regression' || p.finding.verdict === 'improvement' || (p.finding.verdict === 'not-enough-data' && p.practical &&
      (p.finding.pValue !== null || p.finding.metric === 'run.shift' || Math.abs(p.finding.change ?? Infinity) >= UNTESTED_LISTED_CHANGE)))
    .map((p) => p.finding)
    .sort((a, b) => rank[a.verdict] - rank[b.verdict] || Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
  // A young history makes every series "not enough data": list the largest few, count the rest.
  const unsure = findings.filter((f) => f.verdict === 'not-enough-data');
  if (unsure.length > MAX_UNSURE_LISTED) findings.splice(findings.length - (unsure.length - MAX_UNSURE_LISTED));
  return { findings, summary, ...(runWide ? { runWide } : {}) };
}

export function detectRegressions(baselineRuns: CompactRun[], current: CompactRun, settings: RegressionSettings): DetectResult {
  return compareSeries(baselineRuns.flatMap(runSeries), runSeries(current), settings);
}

/** Median per run for the given keys, oldest first, at most `maxPoints` runs: the report's sparklines. */
export function buildTrends(runs: CompactRun[], keys: MetricKey[], maxPoints = 30): NonNullable<HistoryComparison['trends']> {
  const wanted = new Map(keys.map((k) => [seriesKey(k), {
    metric: k.metric, subject: k.subject, ...(k.project !== undefined ? { project: k.project } : {}),
    points: [] as Array<{ runId: string; time: number; value: number }>,
  }]));
  for (const run of runs.slice(-maxPoints)) {
    for (const s of runSeries(run)) {
      const t = wanted.get(seriesKey(s));
      if (t && s.values.length) t.points.push({ runId: run.runId, time: run.startTime, value: median(s.values) });
    }
  }
  return [...wanted.values()];
}
