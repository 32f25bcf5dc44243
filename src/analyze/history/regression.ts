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
import { SeriesKeyMap } from './test-key-map';
import { runShifts, shiftCaveat, shiftedBaseline, shiftFamily } from './run-shift';

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
  /** outsideRange was decided by beyondEarlierRuns (rank test vs the earlier runs' medians). */
  runRangeGuarded?: boolean;
  /** Run-wide factor the baseline was scaled by (see run-shift.ts). */
  scaledBy?: number;
}

/** Tests one series; qValue and the final verdict are set by `detectRegressions` after correction. */
function testSeries(key: MetricKey, baseline: number[], current: number[], settings: RegressionSettings): Pending {
  const better = higherIsBetter(key.metric) ? 'higher' : 'lower';
  const mb = median(baseline),
    mc = median(current);
  const diff = mc - mb;
  const change = mb !== 0 ? diff / Math.abs(mb) : null;
  const practical = isPractical(key.metric, mb, mc, settings);
  // Named fields, not `...key`: this runs once per series of a comparison (≈1,000 per run pair in
  // `serve`), and a spread followed by eleven new fields was most of a comparison's time.
  const finding: RegressionFinding = {
    metric: key.metric,
    subject: key.subject,
    ...(key.project !== undefined ? { project: key.project } : {}),
    verdict: 'not-enough-data',
    baselineMedian: mb,
    currentMedian: mc,
    change,
    pValue: null,
    qValue: null,
    effectSize: cliffsDelta(baseline, current),
    baselineSamples: baseline.length,
    currentSamples: current.length,
    better,
  };
  const pending: Pending = {
    finding,
    outsideRange: true,
    lowPower: baseline.length < LOW_POWER_SAMPLES || current.length < 3,
    practical,
  };
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
  if (
    Math.min(baseline.length, current.length) >= MIN_RANK_TEST_SAMPLES &&
    minimumUTestP(baseline.length, current.length) < settings.fdr
  ) {
    const r = mannWhitneyU(baseline, current);
    finding.method = r.method === 'exact' ? 'mann-whitney-exact' : 'mann-whitney-normal';
    finding.pValue = r.p;
    return pending;
  }
  // Too few current samples for ranks (one sample against 10 can at best be p = 2/11): ask whether
  // they lie outside what the baseline predicts, and — against heavy tails — outside its range.
  finding.method = 'prediction';
  finding.pValue = predictionTestP(baseline, current);
  const lo = Math.min(...baseline),
    hi = Math.max(...baseline);
  pending.outsideRange = diff > 0 ? current.every((v) => v > hi) : current.every((v) => v < lo);
  return pending;
}

/** |current − baseline| reaches the practical threshold: max(minChange × |baseline|, absolute floor). */
export function isPractical(
  metric: string,
  baselineMedian: number,
  currentMedian: number,
  settings: RegressionSettings,
): boolean {
  const floor = absoluteFloor(metric, settings.minAbsChangeMs);
  return Math.abs(currentMedian - baselineMedian) >= Math.max(settings.minChange * Math.abs(baselineMedian), floor);
}

function decide(p: Pending, fdr: number): void {
  decideVerdict(p, fdr);
  if (p.scaledBy && p.finding.note && p.finding.qValue !== null)
    p.finding.note += ` (judged beyond the run-wide ×${p.scaledBy.toFixed(2)})`;
}

function decideVerdict(p: Pending, fdr: number): void {
  const f = p.finding;
  if (f.qValue === null) return; // not tested: stays not-enough-data with its note
  // The direction always comes from the unscaled baseline: a run-wide shift may only make a verdict
  // stricter (see compareSeries), so a value that went down is never "slower".
  const worse = f.better === 'lower' ? f.currentMedian! > f.baselineMedian! : f.currentMedian! < f.baselineMedian!;
  const pct =
    f.change === null
      ? `${fmt(f.currentMedian! - f.baselineMedian!)}`
      : `${f.change >= 0 ? '+' : ''}${(f.change * 100).toFixed(1)} %`;
  const significant = f.qValue <= fdr && p.outsideRange;
  if (significant && p.practical) {
    f.verdict = worse ? 'regression' : 'improvement';
    f.note = `median ${fmt(f.baselineMedian!)} → ${fmt(f.currentMedian!)} (${pct}), q = ${fmtP(f.qValue)}`;
  } else if (significant) {
    f.verdict = 'unchanged';
    f.note = `significant but below the practical threshold (${pct})`;
  } else if (p.practical && f.qValue <= fdr && !p.outsideRange && p.runRangeGuarded) {
    // The rank test saw a practical change, but an earlier run's median was as far: a change
    // this history cannot confirm yet — listed, never called "unchanged".
    f.verdict = 'not-enough-data';
    f.note = `median ${pct}, q = ${fmtP(f.qValue)}, but within the range of earlier runs' medians`;
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
  runWide?: {
    factor: number;
    series: number;
    caveat: string;
    /** Every shifted family's caveat when more than one shifted. */
    caveats?: string[];
  };
}

/** Pooling every baseline run's samples treats them as independent, but runs differ as a whole
 *  (one run shares the machine with a heavier neighbour than another): five samples of one slightly
 *  slower run reach significance against fifty pooled ones. So a rank-tested change must also put
 *  the current median beyond the median of every earlier run (scaled like the baseline). */
function beyondEarlierRuns(p: Pending, medians: number[], scale: number): void {
  const method = p.finding.method;
  if (medians.length < 2 || (method !== 'mann-whitney-exact' && method !== 'mann-whitney-normal')) return;
  const mc = p.finding.currentMedian!;
  const scaled = medians.map((m) => m * scale);
  p.outsideRange = mc > p.finding.baselineMedian! ? mc > Math.max(...scaled) : mc < Math.min(...scaled);
  p.runRangeGuarded = true;
}

/** Pools every baseline run's samples per series, then tests each series against the current run. */
export function compareSeries(
  baseline: MetricSeries[],
  current: MetricSeries[],
  settings: RegressionSettings,
): DetectResult {
  const pooled = new SeriesKeyMap<number[]>();
  // Each baseline entry is one run's samples: its median describes that run (see beyondEarlierRuns).
  const runMedians = new SeriesKeyMap<number[]>();
  for (const s of baseline) {
    const arr = pooled.get(s);
    if (arr) for (const v of s.values) arr.push(v);
    else pooled.set(s, [...s.values]);
    if (s.values.length) {
      const m = runMedians.get(s);
      if (m) m.push(median(s.values));
      else runMedians.set(s, [median(s.values)]);
    }
  }
  const currentPooled = new SeriesKeyMap<MetricSeries>();
  const currentInOrder: MetricSeries[] = [];
  for (const s of current) {
    const hit = currentPooled.get(s);
    if (hit) hit.values.push(...s.values);
    else {
      const pooledSeries = { ...s, values: [...s.values] };
      currentPooled.set(s, pooledSeries);
      currentInOrder.push(pooledSeries);
    }
  }
  const pairs: Array<{ key: MetricKey; base: number[]; cur: number[]; medians: number[] }> = [];
  for (const s of currentInOrder) {
    const base = pooled.get(s);
    if (!base || base.length === 0 || s.values.length === 0) continue; // new series: nothing to compare
    const key = { metric: s.metric, subject: s.subject, ...(s.project !== undefined ? { project: s.project } : {}) };
    pairs.push({ key, base, cur: s.values, medians: runMedians.get(s) ?? [] });
  }
  const shifts = runShifts(pairs, settings.minChange, MIN_BASELINE_SAMPLES);
  const pendings: Pending[] = [];
  for (const { key, base, cur, medians } of pairs) {
    const family = shiftFamily(key.metric);
    const shift = family ? shifts.get(family) : undefined;
    // A change must hold against both the raw and the shifted baseline: on a slow run a series is a
    // regression only if it slowed more than its family as a whole, and an improvement only if it
    // got faster in absolute terms (and the other way round on a fast run).
    const raw = median(base);
    const { values, scale } = shiftedBaseline(base, median(cur), shift);
    const p = testSeries(key, values, cur, settings);
    const tested = p.finding.baselineMedian!,
      mc = p.finding.currentMedian!;
    p.finding.baselineMedian = raw;
    p.finding.change = raw !== 0 ? (mc - raw) / Math.abs(raw) : null;
    // Practical against BOTH baselines and in the same direction from both: the shift can only
    // raise the bar. (A series 0.2 % faster on a 6 % faster run is not "slower than the run".)
    const sameSide = Math.sign(mc - tested) === Math.sign(mc - raw);
    p.practical = p.practical && isPractical(key.metric, raw, mc, settings) && sameSide;
    if (scale !== 1 && shift?.reported) p.scaledBy = scale;
    beyondEarlierRuns(p, medians, scale);
    pendings.push(p);
  }
  const tested = pendings.filter((p) => p.finding.pValue !== null);
  const q = benjaminiHochberg(tested.map((p) => p.finding.pValue!));
  tested.forEach((p, i) => {
    p.finding.qValue = q[i];
  });
  for (const p of pendings) decide(p, settings.fdr);
  const all = pendings.map((p) => p.finding);
  const count = (v: RegressionFinding['verdict']) => all.filter((f) => f.verdict === v).length;
  const summary = {
    compared: all.length,
    regressions: count('regression'),
    improvements: count('improvement'),
    unchanged: count('unchanged'),
    notEnoughData: count('not-enough-data'),
  };
  // Listed: every regression/improvement, and not-enough-data cases that look like a change.
  const rank = { regression: 0, improvement: 1, 'not-enough-data': 2, unchanged: 3 } as const;
  // The runner shift is the run's headline figure, then the page's, then the server's.
  const reported = (['runner', 'page', 'server'] as const).filter((f) => shifts.get(f)?.reported);
  const caveats = reported.map((f) => shiftCaveat(f, shifts.get(f)!.factor));
  let runWide: DetectResult['runWide'];
  for (const family of reported) {
    const { factor } = shifts.get(family)!;
    const caveat = shiftCaveat(family, factor);
    const series = pendings.filter((p) => shiftFamily(p.finding.metric) === family).length;
    runWide ??= { factor, series, caveat, ...(caveats.length > 1 ? { caveats } : {}) };
    // Listed (never absorbed silently), but not a verdict: a slower machine and an app-wide slowdown
    // look the same from inside one run. Budgets such as run.wallTime still apply to it.
    const subject = { runner: 'all timing series', page: 'page timings', server: 'server time (TTFB)' }[family];
    pendings.push({
      finding: {
        metric: 'run.shift',
        subject,
        verdict: 'not-enough-data',
        baselineMedian: 1,
        currentMedian: factor,
        change: factor - 1,
        pValue: null,
        qValue: null,
        effectSize: null,
        baselineSamples: series,
        currentSamples: series,
        better: 'lower',
        note: caveat,
      },
      outsideRange: true,
      lowPower: true,
      practical: true,
    });
  }
  const findings = pendings
    .filter(
      (p) =>
        p.finding.verdict === 'regression' ||
        p.finding.verdict === 'improvement' ||
        (p.finding.verdict === 'not-enough-data' &&
          p.practical &&
          (p.finding.pValue !== null ||
            p.finding.metric === 'run.shift' ||
            Math.abs(p.finding.change ?? Infinity) >= UNTESTED_LISTED_CHANGE)),
    )
    .map((p) => p.finding)
    .sort((a, b) => rank[a.verdict] - rank[b.verdict] || Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
  // A young history makes every series "not enough data": list the largest few, count the rest.
  const unsure = findings.filter((f) => f.verdict === 'not-enough-data');
  if (unsure.length > MAX_UNSURE_LISTED) findings.splice(findings.length - (unsure.length - MAX_UNSURE_LISTED));
  return { findings, summary, ...(runWide ? { runWide } : {}) };
}

export function detectRegressions(
  baselineRuns: CompactRun[],
  current: CompactRun,
  settings: RegressionSettings,
): DetectResult {
  return compareSeries(
    baselineRuns.flatMap((r) => runSeries(r)),
    runSeries(current),
    settings,
  );
}

/** Median per run for the given keys, oldest first, at most `maxPoints` runs: the report's sparklines. */
export function buildTrends(
  runs: CompactRun[],
  keys: MetricKey[],
  maxPoints = 30,
): NonNullable<HistoryComparison['trends']> {
  const wanted = new Map(
    keys.map((k) => [
      seriesKey(k),
      {
        metric: k.metric,
        subject: k.subject,
        ...(k.project !== undefined ? { project: k.project } : {}),
        points: [] as Array<{ runId: string; time: number; value: number }>,
      },
    ]),
  );
  for (const run of runs.slice(-maxPoints)) {
    for (const s of runSeries(run)) {
      const t = wanted.get(seriesKey(s));
      if (t && s.values.length) t.points.push({ runId: run.runId, time: run.startTime, value: median(s.values) });
    }
  }
  return [...wanted.values()];
}
