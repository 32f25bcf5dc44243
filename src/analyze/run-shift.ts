// The run-wide shift: how much a whole run moved against its baseline, per family of series. On a
// shared CI machine a busy neighbour slows everything the runner and browser do at once; judged
// raw, each series would be a "regression". Families move differently and are estimated apart:
//  - server: TTFB. A busy CI machine does not slow a remote server, and a local server's late
//    timers add a few ms per request (additive), which a ratio would spread unevenly over pages.
//  - page: load, paint and interaction timings, which are server time plus browser work; like
//    server time, judged against a ratio or a difference in ms, whichever is stricter.
//  - runner: test, step, startup, locator and flow durations — browser and runner CPU only.
// A family's shift is applied only to its own series, and only ever makes a verdict stricter
// (see compareSeries): a 6 % faster machine must not turn a steady TTFB into "slower". Pure.
import type { MetricKey } from '../types';
import { median } from './mann-whitney';

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

/** A family's shift: the median ratio (and, for server and page timings, the median difference in ms) of
 *  current to baseline medians. `reported`: beyond minChange, so it is shown as a caveat; smaller
 *  shifts still raise the bar for that family's verdicts. */
export interface FamilyShift { factor: number; addMs: number; series: number; reported: boolean }

export function runShifts(
  pairs: Array<{ key: MetricKey; base: number[]; cur: number[] }>, minChange: number, minBaselineSamples: number,
): Map<ShiftFamily, FamilyShift> {
  const ratios = new Map<ShiftFamily, number[]>(), diffs = new Map<ShiftFamily, number[]>();
  for (const { key, base, cur } of pairs) {
    const family = shiftFamily(key.metric);
    if (!family || base.length < minBaselineSamples) continue;
    const b = median(base), c = median(cur);
    if (!(b > 0 && c > 0)) continue;
    push(ratios, family, Math.log(c / b));
    push(diffs, family, c - b);
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
    const factor = Math.exp(median(logs));
    // Additive too where the series are of one size: late timers and browser work per page add
    // about the same ms to every page, which a ratio would spread unevenly. Runner series span
    // 50 ms startups to minute-long tests, where only a ratio means the same thing for all.
    const addMs = family === 'runner' || logs !== ratios.get(family) ? 0 : median(diffs.get(family)!);
    const reported = factor > 1 + minChange || factor < 1 / (1 + minChange);
    out.set(family, { factor, addMs, series: logs.length, reported });
  }
  return out;
}

/** The baseline a series is tested against under its family's shift, in the direction the series
 *  moved (never the other way: the shift may only make a verdict stricter). */
export function shiftedBaseline(base: number[], current: number, shift: FamilyShift | undefined): { values: number[]; scale: number } {
  if (!shift) return { values: base, scale: 1 };
  const raw = median(base);
  const slower = current > raw;
  const scale = slower ? Math.max(1, shift.factor) : Math.min(1, shift.factor);
  const add = slower ? Math.max(0, shift.addMs) : Math.min(0, shift.addMs);
  // Server and page timings: whichever of the two models raises the bar more.
  const byScale = raw * scale, byAdd = raw + add;
  if (slower ? byAdd > byScale : byAdd < byScale) return { values: base.map((v) => v + add), scale: byAdd / raw };
  return { values: scale === 1 ? base : base.map((v) => v * scale), scale };
}

export function shiftCaveat(family: ShiftFamily, factor: number): string {
  const how = factor >= 1 ? `${factor.toFixed(2)}× slower` : `${(1 / factor).toFixed(2)}× faster`;
  if (family === 'server') {
    return `server time (TTFB) was ${how} than the baseline across most pages (a busy or faster server, or a server-wide change); TTFB was judged relative to that shift`;
  }
  const what = family === 'page' ? 'page timings (load, paint)' : 'test, step and startup timings';
  return `the whole run was ${how} than the baseline across most ${what} (a busy or faster machine, or an app-wide change); those timings were judged relative to that shift`;
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
