// The run-wide shift: how much a whole run moved against its baseline, per family of series. On a
// shared CI machine a busy neighbour slows everything the runner and browser do at once; judged
// raw, each series would be a "regression". Families move differently and are estimated apart:
//  - server: TTFB. A busy CI machine does not slow a remote server, and a local server's late
//    timers add a few ms per request (additive), which a ratio would spread unevenly over pages.
//  - page: load, paint and interaction timings, which are server time plus browser work.
//  Both are shifted by a ratio or by a difference in ms, whichever fits the family's series better.
//  - runner: test, step, startup, locator and flow durations — browser and runner CPU only.
// A family's shift is applied only to its own series, and only ever makes a verdict stricter
// (see compareSeries): a 6 % faster machine must not turn a steady TTFB into "slower". Pure.
import type { MetricKey } from '../../types';
import { median } from '../stats/descriptive';

export type ShiftFamily = 'server' | 'page' | 'runner';

/** With fewer series than this in a family, its shift is not estimated from it alone. */
export const MIN_SERIES_FOR_RUN_FACTOR = 4;

const SERVER = new Set(['nav.ttfb', 'vital.TTFB']);
const PAGE = new Set(['nav.load', 'vital.FCP', 'vital.LCP', 'vital.INP']);

/** Which shift applies to a metric; undefined for values machine speed does not scale (scores, CLS). */
export function shiftFamily(metric: string): ShiftFamily | undefined {
  if (metric.startsWith('lighthouse.') || metric === 'vital.CLS' || metric === 'run.shift') return undefined;
  return SERVER.has(metric) ? 'server' : PAGE.has(metric) ? 'page' : 'runner';
}

/** A family's shift: the median ratio (or, for server and page timings, the median difference in ms
 *  when that fits better) of current to baseline medians. `reported`: beyond minChange, so it is
 *  shown as a caveat; smaller shifts still raise the bar for that family's verdicts. */
export interface FamilyShift {
  /** Median ratio (for an additive shift: the typical ratio it amounts to, for reporting). */
  factor: number;
  /** Additive shift in ms, when that model fits better (then `factor` is not used for judging). */
  addMs: number;
  series: number;
  reported: boolean;
  additive?: boolean;
}

export function runShifts(
  pairs: Array<{ key: MetricKey; base: number[]; cur: number[] }>,
  minChange: number,
  minBaselineSamples: number,
): Map<ShiftFamily, FamilyShift> {
  const ratios = new Map<ShiftFamily, number[]>(),
    diffs = new Map<ShiftFamily, number[]>();
  const medians = new Map<ShiftFamily, Array<[number, number]>>();
  for (const { key, base, cur } of pairs) {
    const family = shiftFamily(key.metric);
    if (!family || base.length < minBaselineSamples) continue;
    const b = median(base),
      c = median(cur);
    if (!(b > 0 && c > 0)) continue;
    push(ratios, family, Math.log(c / b));
    push(diffs, family, c - b);
    const list = medians.get(family) ?? [];
    list.push([b, c]);
    medians.set(family, list);
  }
  // Page and runner timings both move with the machine: a family with too few series of its own
  // borrows the estimate over both.
  const machine = [...(ratios.get('page') ?? []), ...(ratios.get('runner') ?? [])];
  const out = new Map<ShiftFamily, FamilyShift>();
  for (const family of ['server', 'page', 'runner'] as const) {
    let logs = ratios.get(family) ?? [];
    if (logs.length === 0) continue;
    if (logs.length < MIN_SERIES_FOR_RUN_FACTOR && family !== 'server') logs = machine;
    if (logs.length < MIN_SERIES_FOR_RUN_FACTOR) continue;
    let factor = Math.exp(median(logs));
    let addMs = 0;
    // Server and page timings may move by a ratio (a slower remote server) or by the same ms on
    // every page (a busy machine's late timers, the same browser work per page), which a ratio
    // would spread unevenly over short and long pages. Whichever model fits the family's series
    // better is used. Runner series span 50 ms startups to minute-long tests: ratio only.
    if (family !== 'runner' && logs === ratios.get(family)) {
      const d = median(diffs.get(family)!);
      const pairsOf = medians.get(family)!;
      const misfit = (predict: (b: number) => number) => median(pairsOf.map(([b, c]) => Math.abs(c - predict(b)) / b));
      if (misfit((b) => b + d) < misfit((b) => b * factor)) {
        addMs = d;
        factor = 1;
      }
    }
    const moved = addMs !== 0 ? median(medians.get(family)!.map(([b]) => (b + addMs) / b)) : factor;
    const reported = moved > 1 + minChange || moved < 1 / (1 + minChange);
    const shift: FamilyShift = { factor: moved, addMs, series: logs.length, reported };
    if (addMs !== 0) shift.additive = true;
    out.set(family, shift);
  }
  return out;
}

/** The baseline a series is tested against under its family's shift, in the direction the series
 *  moved (never the other way: the shift may only make a verdict stricter). */
export function shiftedBaseline(
  base: number[],
  current: number,
  shift: FamilyShift | undefined,
): { values: number[]; scale: number } {
  if (!shift) return { values: base, scale: 1 };
  const raw = median(base);
  const slower = current > raw;
  if (shift.additive) {
    const add = slower ? Math.max(0, shift.addMs) : Math.min(0, shift.addMs);
    if (add === 0 || raw <= 0) return { values: base, scale: 1 };
    return { values: base.map((v) => v + add), scale: (raw + add) / raw };
  }
  const scale = slower ? Math.max(1, shift.factor) : Math.min(1, shift.factor);
  return { values: scale === 1 ? base : base.map((v) => v * scale), scale };
}

export function shiftCaveat(family: ShiftFamily, factor: number): string {
  const how = factor >= 1 ? `${factor.toFixed(2)}× slower` : `${(1 / factor).toFixed(2)}× faster`;
  if (family === 'server') {
    return (
      `server time (TTFB) was ${how} than the baseline across most pages (a busy or faster server, ` +
      'or a server-wide change); TTFB was judged relative to that shift'
    );
  }
  const what = family === 'page' ? 'page timings (load, paint)' : 'test, step and startup timings';
  return (
    `the whole run was ${how} than the baseline across most ${what} (a busy or faster machine, ` +
    'or an app-wide change); those timings were judged relative to that shift'
  );
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
