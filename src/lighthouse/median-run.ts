// Median of N runs (standalone runner). One real run is reported — not averaged numbers that no run
// produced — so its scores, metrics, failing audits and full report belong together.
// Ranking: performance score (the noisiest and most watched number); when performance was not
// audited, the mean of the audited category scores. Ties: the run with the higher LCP ranks lower.
// For an even N the lower of the two middle runs is taken (the conservative pick).
import type { LighthouseResult } from '../types';

export function rankScore(r: LighthouseResult): number {
  const perf = r.scores.performance;
  if (typeof perf === 'number') return perf;
  const vals = Object.values(r.scores).filter((v): v is number => typeof v === 'number');
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : -1;
}

/** Index (into `runs`) of the median run. Throws on an empty list. */
export function medianRunIndex(runs: LighthouseResult[]): number {
  if (runs.length === 0) throw new Error('no Lighthouse runs to take a median of');
  const order = runs
    .map((_, i) => i)
    .sort(
      (a, b) =>
        rankScore(runs[a]) - rankScore(runs[b]) ||
        (runs[b].metrics.lcpMs ?? Infinity) - (runs[a].metrics.lcpMs ?? Infinity) ||
        a - b,
    );
  return order[Math.floor((runs.length - 1) / 2)];
}

/** The median run, annotated with the number of runs and every run's performance score. */
export function medianRun(runs: LighthouseResult[]): LighthouseResult {
  const i = medianRunIndex(runs);
  const m = { ...runs[i], runs: runs.length };
  if (runs.length > 1) m.runScores = runs.map((r) => r.scores.performance ?? null);
  return m;
}
