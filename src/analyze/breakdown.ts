// Where test time went: fixtures, hooks, Playwright actions, expects, test.step, and the rest.
// Built from top-level steps so nothing is counted twice. Playwright wraps set-up and tear-down in
// 'Before Hooks' / 'After Hooks' containers holding both fixtures and user hooks, so those are
// opened one level. Overlapping steps (Promise.all) are resolved by a sweep over time with a fixed
// priority, which makes the parts sum exactly to the attempt spans.
import type { RunRecord, StepRecord, TimeBreakdown } from '../types';
import { attemptWindow } from './workers';

type Bucket = 'fixturesMs' | 'hooksMs' | 'stepsMs' | 'actionsMs' | 'expectsMs' | 'otherMs';
interface Interval { from: number; to: number; bucket: Bucket; priority: number }

/** Lower number wins where intervals overlap. The container's own time is the weakest claim. */
const PRIORITY: Record<Bucket, number> = { fixturesMs: 0, hooksMs: 1, stepsMs: 2, actionsMs: 3, expectsMs: 4, otherMs: 5 };
const CONTAINER_PRIORITY = 6;
const CONTAINER_TITLE = /^(Before Hooks|After Hooks|Worker Cleanup)$/;

function bucketOf(category: string): Bucket {
  switch (category) {
    case 'fixture': return 'fixturesMs';
    case 'hook': return 'hooksMs';
    case 'test.step': return 'stepsMs';
    case 'pw:api': return 'actionsMs';
    case 'expect': return 'expectsMs';
    default: return 'otherMs';
  }
}

export function isHookContainer(step: StepRecord): boolean {
  return step.category === 'hook' && (CONTAINER_TITLE.test(step.title) || step.steps.some((c) => c.category === 'fixture'));
}

function interval(s: StepRecord, bucket: Bucket, priority = PRIORITY[bucket]): Interval {
  return { from: s.startTime, to: s.startTime + s.durationMs, bucket, priority };
}

export function stepIntervals(steps: StepRecord[]): Interval[] {
  const out: Interval[] = [];
  for (const s of steps) {
    if (isHookContainer(s)) {
      out.push(interval(s, 'hooksMs', CONTAINER_PRIORITY));
      // Inside the container: fixtures are fixtures, everything else is hook time.
      for (const c of s.steps) out.push(interval(c, c.category === 'fixture' ? 'fixturesMs' : 'hooksMs'));
    } else {
      out.push(interval(s, bucketOf(s.category)));
    }
  }
  return out;
}

/** Attributes every millisecond of [from, to] to exactly one bucket (uncovered time → other). */
export function sweep(intervals: Interval[], from: number, to: number, into: TimeBreakdown): void {
  const clipped = intervals
    .map((i) => ({ ...i, from: Math.max(from, i.from), to: Math.min(to, i.to) }))
    .filter((i) => i.to > i.from);
  const points = [...new Set([from, to, ...clipped.flatMap((i) => [i.from, i.to])])].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    let best: Interval | undefined;
    for (const i of clipped) if (i.from <= a && i.to >= b && (!best || i.priority < best.priority)) best = i;
    into[best ? best.bucket : 'otherMs'] += b - a;
  }
  into.totalMs += to - from;
}

export function analyzeBreakdown(run: RunRecord): TimeBreakdown {
  const out: TimeBreakdown = { totalMs: 0, fixturesMs: 0, hooksMs: 0, actionsMs: 0, expectsMs: 0, stepsMs: 0, otherMs: 0 };
  for (const t of run.tests) {
    for (const r of t.results) {
      if (r.workerIndex < 0 && r.steps.length === 0) continue; // never ran
      const w = attemptWindow(r);
      sweep(stepIntervals(r.steps), w.start, w.end, out);
    }
  }
  return out;
}
