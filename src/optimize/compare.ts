// Is the candidate config faster? The history module's statistics (src/analyze/stats/mann-whitney.ts):
// Mann-Whitney U (tie-corrected; exact for small samples) for the p-value, Cliff's delta for the
// effect. The decision needs a median gain above the noise floor and most pairwise wins, because
// with the 2–3 runs validation can afford the p-value alone cannot reach 0.05 (see minimumUTestP).
import type { SampleComparison } from '../types';
import { cliffsDelta, mannWhitneyU } from '../analyze/stats/mann-whitney';
import { median } from '../analyze/stats/descriptive';

export { median };

/** Minimum median improvement to call the candidate faster (below ~3 % the machine's noise decides). */
export const MIN_IMPROVEMENT = 0.03;
/** Share of (baseline, candidate) pairs the candidate must win: 3 of 4 pairs with 2 runs each. */
export const MIN_PROBABILITY_FASTER = 0.75;

export type CompareSamples = (baselineMs: number[], candidateMs: number[]) => SampleComparison;

export const compareSamples: CompareSamples = (baselineMs, candidateMs) => {
  const b = median(baselineMs),
    c = median(candidateMs);
  const change = (c - b) / b;
  // Cliff's delta is P(candidate > baseline) − P(candidate < baseline); ties split evenly.
  const probabilityFaster =
    baselineMs.length && candidateMs.length ? (1 - cliffsDelta(baselineMs, candidateMs)) / 2 : 0;
  const u = mannWhitneyU(baselineMs, candidateMs);
  return {
    method: `median change + Mann-Whitney U (${u.method}, two-sided) + Cliff's delta`,
    baselineMedianMs: Math.round(b),
    candidateMedianMs: Math.round(c),
    change: Number(change.toFixed(4)),
    probabilityFaster: Number(probabilityFaster.toFixed(3)),
    faster: change <= -MIN_IMPROVEMENT && probabilityFaster >= MIN_PROBABILITY_FASTER,
    pValue: Number(u.p.toFixed(4)),
    ...(baselineMs.length < 4 || candidateMs.length < 4
      ? {
          note: 'fewer than 4 runs per side: the two-sided p-value cannot reach 0.05; the decision rests on the median and the pairwise wins',
        }
      : {}),
  };
};
