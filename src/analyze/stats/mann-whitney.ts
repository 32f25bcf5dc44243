// Non-parametric two-sample statistics for timing data (skewed, heavy-tailed, often tied at ms
// resolution): Mann-Whitney U with midranks and tie correction (exact distribution for small samples
// without ties, normal approximation with continuity correction otherwise), Cliff's delta as the
// effect size, and a Student-t prediction test for when the current side has only 1–2 samples.
// Written here rather than taken from a library: the maintained JS statistics packages
// (simple-statistics, jstat) have no tie-corrected U test with p-values. Pure.
import { median } from './descriptive';
import { lowerBound, upperBound } from '../../util/lower-bound';

/** Exact U distribution is enumerated up to this size per side (table is ~n⁴/4 numbers). */
const EXACT_MAX_PER_SIDE = 25;

/** Median absolute deviation (unscaled). */
export function mad(values: number[], center = median(values)): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/** Robust standard deviation: 1.4826·MAD (consistent for normal data); when more than half the
 *  values tie, MAD is 0 — then the mean absolute deviation ·1.2533 (also normal-consistent). */
export function robustSigma(values: number[]): number {
  const c = median(values);
  const m = mad(values, c) * 1.4826;
  if (m > 0) return m;
  return (values.reduce((s, v) => s + Math.abs(v - c), 0) / values.length) * 1.2533;
}

export function isConstant(values: number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** Upper tail of the standard normal, P(Z > z). erfc from Abramowitz & Stegun 7.1.26 (|ε| < 1.5e-7). */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 0.5 * poly * Math.exp(-x * x);
}

/** Two-sided p of Student's t with integer df, from the finite series of A&S 26.7.3/26.7.4. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (df < 1) return 1;
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  let a: number; // P(|T| < |t|)
  if (df % 2 === 1) {
    let term = 1,
      sum = df > 1 ? 1 : 0;
    for (let k = 2; k <= df - 3; k += 2) {
      term *= (c2 * k) / (k + 1);
      sum += term;
    }
    a = (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
  } else {
    let term = 1,
      sum = 1;
    for (let k = 1; k <= df - 3; k += 2) {
      term *= (c2 * k) / (k + 1);
      sum += term;
    }
    a = s * sum;
  }
  return Math.min(1, Math.max(0, 1 - a));
}

/** Cliff's delta: P(current > baseline) − P(current < baseline), −1..1. O((n+m) log(n+m)). */
export function cliffsDelta(baseline: number[], current: number[]): number {
  if (!baseline.length || !current.length) return 0;
  const b = [...baseline].sort((x, y) => x - y);
  let greater = 0,
    less = 0;
  for (const v of current) {
    greater += lowerBound(b, v); // baseline values < v
    less += b.length - upperBound(b, v); // baseline values > v
  }
  return (greater - less) / (b.length * current.length);
}

export interface UTestResult {
  /** U of the current sample: pairs where current > baseline, ties counted ½. */
  u: number;
  /** Two-sided p. */
  p: number;
  method: 'exact' | 'normal';
}

/** Mann-Whitney U test, two-sided. */
export function mannWhitneyU(baseline: number[], current: number[]): UTestResult {
  const n1 = baseline.length,
    n2 = current.length;
  if (n1 === 0 || n2 === 0) return { u: 0, p: 1, method: 'normal' };
  const all = [...baseline.map((v) => ({ v, g: 0 })), ...current.map((v) => ({ v, g: 1 }))].sort((a, b) => a.v - b.v);
  const n = all.length;
  let rankSumCurrent = 0,
    tieTerm = 0,
    hasTies = false;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1].v === all[i].v) j++;
    const midrank = (i + j) / 2 + 1;
    const t = j - i + 1;
    if (t > 1) {
      hasTies = true;
      tieTerm += t ** 3 - t;
    }
    for (let k = i; k <= j; k++) if (all[k].g === 1) rankSumCurrent += midrank;
    i = j + 1;
  }
  const u = rankSumCurrent - (n2 * (n2 + 1)) / 2;
  if (!hasTies && n1 <= EXACT_MAX_PER_SIDE && n2 <= EXACT_MAX_PER_SIDE) {
    return { u, p: exactTwoSidedP(n1, n2, u), method: 'exact' };
  }
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, p: 1, method: 'normal' };
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}

const exactCache = new Map<string, number[]>();

/** Number of arrangements giving each U for sizes (m, n): f(m,n,u) = f(m−1,n,u−n) + f(m,n−1,u). */
function uFrequencies(m: number, n: number): number[] {
  const key = `${m},${n}`;
  const hit = exactCache.get(key);
  if (hit) return hit;
  // prev[j] = frequencies for (i−1, j); rolling over i.
  let prev: number[][] = [];
  for (let j = 0; j <= n; j++) prev.push([1]);
  for (let i = 1; i <= m; i++) {
    const cur: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const f = new Array<number>(size).fill(0);
      const a = prev[j]; // (i−1, j), shifted by j
      for (let u = 0; u < a.length; u++) f[u + j] += a[u];
      const b = cur[j - 1]; // (i, j−1)
      for (let u = 0; u < b.length; u++) f[u] += b[u];
      cur.push(f);
    }
    prev = cur;
  }
  const out = prev[n];
  exactCache.set(key, out);
  return out;
}

function exactTwoSidedP(n1: number, n2: number, u: number): number {
  const f = uFrequencies(n1, n2);
  const total = f.reduce((s, v) => s + v, 0);
  let lower = 0,
    upper = 0;
  for (let k = 0; k < f.length; k++) {
    if (k <= u) lower += f[k];
    if (k >= u) upper += f[k];
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/** Smallest two-sided p the U test can reach with these sizes (no ties): 2 / C(n1+n2, n1). */
export function minimumUTestP(n1: number, n2: number): number {
  let c = 1;
  for (let k = 1; k <= Math.min(n1, n2); k++) c = (c * (n1 + n2 - k + 1)) / k;
  return Math.min(1, 2 / c);
}

/** Is the mean of a few new values outside what the baseline predicts? The classical prediction
 *  t-test, t = (x̄ − ȳ) / (s·√(1/m + 1/n)) with df n−1, on log(1+v): timing noise is multiplicative
 *  (log-normal-ish), and on that scale the test holds its false-positive rate (the MAD-scaled
 *  variant did not: 3× too many alarms in test/unit/history-stats). Used when the current side is
 *  too small for ranks. */
export function predictionTestP(baseline: number[], current: number[]): number {
  const n = baseline.length,
    m = current.length;
  if (n < 2 || m < 1) return 1;
  const lb = baseline.map(Math.log1p),
    lc = current.map(Math.log1p);
  const mean = lb.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(lb.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const diff = lc.reduce((s, v) => s + v, 0) / m - mean;
  if (sd === 0) return diff === 0 ? 1 : 0;
  return studentTTwoSidedP(diff / (sd * Math.sqrt(1 / m + 1 / n)), n - 1);
}
