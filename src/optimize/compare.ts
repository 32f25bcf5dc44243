// Is the candidate config faster? Median change plus the Mann-Whitney probability that a candidate
// run beats a baseline run, with an exact one-sided p-value for the small samples validation takes.
// A small interface on purpose: the history module's statistics can replace it.
import type { SampleComparison } from '../types';

/** Minimum median improvement to call the candidate faster (below ~3 % the machine's noise decides). */
export const MIN_IMPROVEMENT = 0.03;
/** Share of (baseline, candidate) pairs the candidate must win: 3 of 4 pairs with 2 runs each. */
export const MIN_PROBABILITY_FASTER = 0.75;

export type CompareSamples = (baselineMs: number[], candidateMs: number[]) => SampleComparison;

export function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** U statistic: pairs where the candidate is faster (ties count half). */
function uFaster(base: number[], cand: number[]): number {
  let u = 0;
  for (const b of base) for (const c of cand) u += c < b ? 1 : c === b ? 0.5 : 0;
  return u;
}

/** Exact one-sided p-value of U (candidate faster) by enumerating all splits of the pooled samples. */
export function exactPValue(base: number[], cand: number[]): number | null {
  const pooled = [...base, ...cand];
  const n = pooled.length, k = cand.length;
  let combos = 1;
  for (let i = 0; i < k; i++) combos = (combos * (n - i)) / (i + 1);
  if (combos > 200_000 || k === 0 || base.length === 0) return null;
  const observed = uFaster(base, cand);
  let atLeast = 0, total = 0;
  const pick: number[] = [];
  const rec = (start: number) => {
    if (pick.length === k) {
      const c = pick.map((i) => pooled[i]);
      const b = pooled.filter((_, i) => !pick.includes(i));
      total++;
      if (uFaster(b, c) >= observed - 1e-9) atLeast++;
      return;
    }
    for (let i = start; i <= n - (k - pick.length); i++) { pick.push(i); rec(i + 1); pick.pop(); }
  };
  rec(0);
  return atLeast / total;
}

export const compareSamples: CompareSamples = (baselineMs, candidateMs) => {
  const b = median(baselineMs), c = median(candidateMs);
  const change = (c - b) / b;
  const probabilityFaster = baselineMs.length && candidateMs.length ? uFaster(baselineMs, candidateMs) / (baselineMs.length * candidateMs.length) : 0;
  const pValue = exactPValue(baselineMs, candidateMs);
  return {
    method: 'median change + Mann-Whitney probability of superiority (exact p)',
    baselineMedianMs: Math.round(b),
    candidateMedianMs: Math.round(c),
    change: Number(change.toFixed(4)),
    probabilityFaster: Number(probabilityFaster.toFixed(3)),
    faster: change <= -MIN_IMPROVEMENT && probabilityFaster >= MIN_PROBABILITY_FASTER,
    pValue: pValue === null ? null : Number(pValue.toFixed(4)),
    ...(baselineMs.length < 3 || candidateMs.length < 3 ? { note: 'fewer than 3 runs per side: the p-value cannot reach 0.05; the decision rests on the median and the pairwise wins' } : {}),
  };
};
