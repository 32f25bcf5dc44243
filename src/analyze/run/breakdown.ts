// Where test time went: fixtures, hooks, Playwright actions, expects, test.step, and the rest.
// Built from top-level steps so nothing is counted twice. Playwright wraps set-up and tear-down in
// 'Before Hooks' / 'After Hooks' containers holding both fixtures and user hooks, so those are
// opened one level. Overlapping steps (Promise.all) are resolved by a sweep over time with a fixed
// priority, which makes the parts sum exactly to the attempt spans.
import type { RunRecord, StepRecord, TimeBreakdown } from '../../types';
import { attemptWindow } from './workers';

type Bucket = 'fixturesMs' | 'hooksMs' | 'stepsMs' | 'actionsMs' | 'expectsMs' | 'otherMs';
interface Interval {
  from: number;
  to: number;
  bucket: Bucket;
  priority: number;
}

/** Lower number wins where intervals overlap. The container's own time is the weakest claim. */
const PRIORITY: Record<Bucket, number> = {
  fixturesMs: 0,
  hooksMs: 1,
  stepsMs: 2,
  actionsMs: 3,
  expectsMs: 4,
  otherMs: 5,
};
const CONTAINER_PRIORITY = 6;
const CONTAINER_TITLE = /^(Before Hooks|After Hooks|Worker Cleanup)$/;

function bucketOf(category: string): Bucket {
  switch (category) {
    case 'fixture':
      return 'fixturesMs';
    case 'hook':
      return 'hooksMs';
    case 'test.step':
      return 'stepsMs';
    case 'pw:api':
      return 'actionsMs';
    case 'expect':
      return 'expectsMs';
    default:
      return 'otherMs';
  }
}

export function isHookContainer(step: StepRecord): boolean {
  return (
    step.category === 'hook' && (CONTAINER_TITLE.test(step.title) || step.steps.some((c) => c.category === 'fixture'))
  );
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

/** Attributes every millisecond of [from, to] to exactly one bucket (uncovered time → other).
 *  Event sweep: per priority level a count of open intervals; each segment goes to the strongest
 *  open level. O(n log n) per attempt. */
export function sweep(intervals: Interval[], from: number, to: number, into: TimeBreakdown): void {
  const levels = CONTAINER_PRIORITY + 1;
  const bucketAt: Bucket[] = [];
  const events: Array<{ at: number; priority: number; delta: 1 | -1 }> = [];
  for (const i of intervals) {
    const a = Math.max(from, i.from),
      b = Math.min(to, i.to);
    if (b <= a) continue;
    bucketAt[i.priority] = i.bucket;
    events.push({ at: a, priority: i.priority, delta: 1 }, { at: b, priority: i.priority, delta: -1 });
  }
  events.sort((x, y) => x.at - y.at);
  const open = new Array<number>(levels).fill(0);
  let cursor = from;
  let k = 0;
  while (cursor < to) {
    while (k < events.length && events[k].at <= cursor) {
      open[events[k].priority] += events[k].delta;
      k++;
    }
    const next = k < events.length ? Math.min(events[k].at, to) : to;
    const level = open.findIndex((n) => n > 0);
    into[level >= 0 ? bucketAt[level] : 'otherMs'] += next - cursor;
    cursor = next;
  }
  into.totalMs += to - from;
}

export function analyzeBreakdown(run: RunRecord): TimeBreakdown {
  const out: TimeBreakdown = {
    totalMs: 0,
    fixturesMs: 0,
    hooksMs: 0,
    actionsMs: 0,
    expectsMs: 0,
    stepsMs: 0,
    otherMs: 0,
  };
  for (const t of run.tests) {
    for (const r of t.results) {
      if (r.workerIndex < 0 && r.steps.length === 0) continue; // never ran
      const w = attemptWindow(r);
      sweep(stepIntervals(r.steps), w.start, w.end, out);
    }
  }
  return out;
}
