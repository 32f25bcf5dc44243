// Pure scheduling maths of the executors, and how a test is split into segments. A segment
// `k` of `n` (0-based here, 'k+1/n' on the command line) owns global VU v when v % n == k, and
// arrival-rate iteration j when j % n == k. Worker processes are sub-segments of their machine's
// segment (k + w·n of n·W), so processes and machines partition the same global schedule exactly.
import type { ResolvedStage } from './resolved';

export interface Segment {
  index: number;
  count: number;
}

export const WHOLE: Segment = { index: 0, count: 1 };

export function owns(segment: Segment, n: number): boolean {
  return n % segment.count === segment.index;
}

/** Sub-segment for worker `w` of `workers` inside `segment`. */
export function subSegment(segment: Segment, w: number, workers: number): Segment {
  return { index: segment.index + w * segment.count, count: segment.count * workers };
}

/** Global VU numbers below `total` owned by the segment. */
export function ownedVUs(segment: Segment, total: number): number[] {
  const out: number[] = [];
  for (let v = segment.index; v < total; v += segment.count) out.push(v);
  return out;
}

/** A segment's share of a VU budget (preAllocated/max VUs of an arrival-rate scenario), rounded up
 *  so that no segment is left without a VU. */
export function shareOf(segment: Segment, total: number): number {
  return Math.ceil(total / segment.count);
}

/** Target of a linearly interpolated stage list at `t` ms after the scenario start (from `start`). */
export function stageValue(start: number, stages: ResolvedStage[], t: number): number {
  let from = start;
  let at = 0;
  for (const st of stages) {
    if (t < at + st.durationMs) return from + (st.target - from) * ((t - at) / st.durationMs);
    at += st.durationMs;
    from = st.target;
  }
  return from;
}

/** Start time (ms after the scenario start) of arrival-rate iteration `j` (0-based), or null when the
 *  schedule ends before it. Rates are per ms and interpolate linearly within a stage: the count
 *  started by τ into a stage is r0·τ + (r1 − r0)·τ²/(2D). Iteration j starts when the count reaches j. */
export function arrivalTime(startRate: number, stages: ResolvedStage[], j: number): number | null {
  let done = 0;
  let at = 0;
  let r0 = startRate;
  for (const st of stages) {
    const r1 = st.target;
    const inStage = ((r0 + r1) / 2) * st.durationMs;
    if (done + inStage > j || (done === j && r0 > 0)) {
      const c = j - done;
      const a = (r1 - r0) / (2 * st.durationMs);
      let tau: number;
      if (Math.abs(a) < 1e-15) tau = c / r0;
      else tau = (-r0 + Math.sqrt(Math.max(0, r0 * r0 + 4 * a * c))) / (2 * a);
      if (tau <= st.durationMs) return at + tau;
    }
    done += inStage;
    at += st.durationMs;
    r0 = r1;
  }
  return null;
}

/** Uniform pause in [min, max]. */
export function thinkMs(t: { minMs: number; maxMs: number } | null, random: () => number = Math.random): number {
  if (!t) return 0;
  return t.minMs + (t.maxMs - t.minMs) * random();
}
