// Critical path: the lane that finished last, how long it ran alone, and why — the part of the
// wall time that more workers would not have removed without rebalancing the tests.
import type { CriticalPath, RunRecord } from '../../types';
import { groupLanes, type LaneAttempt, type LaneGroup } from './workers';

/** Below this share of the wall time, a lone tail is "balanced" (not worth explaining). */
export const BALANCED_TAIL_RATIO = 0.05;
/** One attempt that covers more than this share of the tail is named as its cause. */
const DOMINANT_SHARE = 0.5;

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function overlap(a: LaneAttempt, from: number, to: number): number {
  return Math.max(0, Math.min(a.end, to) - Math.max(a.start, from));
}

function explain(run: RunRecord, last: LaneGroup, tailFrom: number, tailTo: number, groups: LaneGroup[]): string {
  const tail = tailTo - tailFrom;
  const inTail = last.attempts.filter((a) => overlap(a, tailFrom, tailTo) > 0);
  const byFile = new Map<string, number>();
  for (const a of inTail) byFile.set(a.test.file, (byFile.get(a.test.file) ?? 0) + overlap(a, tailFrom, tailTo));
  const top = [...inTail].sort((x, y) => overlap(y, tailFrom, tailTo) - overlap(x, tailFrom, tailTo))[0];
  const [topFile] = [...byFile.entries()].sort((x, y) => y[1] - x[1])[0] ?? [];

  // A file whose attempts all ran on this one lane, more than one of them: it ran serially.
  if (topFile !== undefined) {
    const fileAttempts = groups.flatMap((g) =>
      g.attempts.filter((a) => a.test.file === topFile).map((a) => ({ lane: g.lane, a })),
    );
    const serial = fileAttempts.length > 1 && fileAttempts.every((x) => x.lane === last.lane);
    if (serial) {
      const ms = fileAttempts.reduce((s, x) => s + (x.a.end - x.a.start), 0);
      const why = run.config.fullyParallel ? '' : " (not fullyParallel: a file's tests share one worker)";
      return `${topFile} ran serially: ${fileAttempts.length} attempts, ${formatMs(ms)} on one worker${why}`;
    }
  }
  if (top && overlap(top, tailFrom, tailTo) > DOMINANT_SHARE * tail) {
    const retry = top.result.retry > 0 ? ` (retry #${top.result.retry})` : '';
    return `test "${top.test.title}"${retry} in ${top.test.file} took ${formatMs(top.end - top.start)} and started late`;
  }
  return `its last ${inTail.length} attempts (${[...byFile.keys()].join(', ')}) ran after the other lanes went idle`;
}

export function analyzeCriticalPath(run: RunRecord, groups: LaneGroup[] = groupLanes(run)): CriticalPath | null {
  if (!groups.length) return null;
  const ends = groups.map((g) => Math.max(...g.attempts.map((a) => a.end)));
  const lastIdx = ends.indexOf(Math.max(...ends));
  const last = groups[lastIdx];
  const lastEnd = ends[lastIdx];
  const attempts = last.attempts.map((a) => ({
    testId: a.test.id,
    retry: a.result.retry,
    durationMs: a.result.durationMs,
  }));
  if (groups.length === 1) {
    const busy = last.attempts.reduce((s, a) => s + (a.end - a.start), 0);
    return {
      lane: last.lane,
      lastEnd,
      tailMs: 0,
      attempts,
      reason: `a single worker lane ran all ${attempts.length} attempts serially (${formatMs(busy)})`,
    };
  }
  const secondEnd = Math.max(...ends.filter((_, i) => i !== lastIdx));
  const tailMs = Math.max(0, lastEnd - secondEnd);
  const wall = Math.max(1, run.wallTimeMs);
  const reason =
    tailMs < BALANCED_TAIL_RATIO * wall
      ? `lanes finished within ${formatMs(tailMs)} of each other: the work was balanced`
      : `lane ${last.lane} finished ${formatMs(tailMs)} after the others: ${explain(run, last, secondEnd, lastEnd, groups)}`;
  return { lane: last.lane, lastEnd, tailMs, attempts, reason };
}
