// Timeline part of the view model: lane per (shard, parallelIndex), attempt marks, idle gaps and the
// critical path (from the analysis when it has one, else the lane that finished last).
import type { JsonReport } from '../../types';
import { ATTEMPT_ROW, IDLE_GAP_ROW, type AttemptRow, type IdleGapRow, type ViewModel } from './view-model-types';

const A = ATTEMPT_ROW.field;

/** Gaps shorter than this are scheduling noise, not idle time worth drawing (Playwright's own
 *  worker hand-off between tests is typically 5–50 ms). */
export const IDLE_GAP_MIN_MS = 250;

export function laneKey(shardIndex: number | undefined, parallelIndex: number): string {
  return `${shardIndex ?? 0}:${parallelIndex}`;
}

/** Lane numbers in the same order as src/analyze/run/workers.ts: by shard, then parallel index. */
export function laneIndex(report: JsonReport): Map<string, number> {
  const keys = new Set<string>();
  for (const t of report.run.tests)
    for (const r of t.results) if (r.workerIndex >= 0) keys.add(laneKey(r.shardIndex, r.parallelIndex));
  const sorted = [...keys].sort((a, b) => {
    const [sa, pa] = a.split(':').map(Number);
    const [sb, pb] = b.split(':').map(Number);
    return sa - sb || pa - pb;
  });
  return new Map(sorted.map((k, i) => [k, i]));
}

export function buildLanes(
  report: JsonReport,
  attempts: AttemptRow[],
  laneOf: Map<string, number>,
): Pick<ViewModel, 'lanes' | 'idleGaps' | 'critical'> {
  const wall = Math.max(1, report.run.wallTimeMs);
  const labels = new Map<number, string>();
  for (const [key, i] of laneOf) {
    const [shard, pi] = key.split(':').map(Number);
    labels.set(i, shard ? `shard ${shard} · worker ${pi}` : `worker ${pi}`);
  }
  const perLane = new Map<number, AttemptRow[]>();
  attempts.forEach((a) => {
    const list = perLane.get(A.lane(a)) ?? [];
    list.push(a);
    perLane.set(A.lane(a), list);
  });
  const lanes: ViewModel['lanes'] = [];
  const idleGaps: IdleGapRow[] = [];
  const gap = (lane: number, startMs: number, durationMs: number) =>
    idleGaps.push(IDLE_GAP_ROW.encode({ lane, startMs, durationMs }));
  const lastEnds: Array<[number, number]> = [];
  for (const [lane, list] of [...perLane.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => A.startMs(a) - A.startMs(b));
    // Leading idle (worker start-up after the run began) and trailing idle (waiting for the last
    // lane) count too: both are wall time this slot did no testing.
    let busy = 0,
      end = 0;
    for (const a of list) {
      if (A.startMs(a) - end >= IDLE_GAP_MIN_MS) gap(lane, end, A.startMs(a) - end);
      end = Math.max(end, A.startMs(a) + A.durationMs(a));
      busy += A.durationMs(a);
    }
    if (wall - end >= IDLE_GAP_MIN_MS) gap(lane, end, wall - end);
    lastEnds.push([lane, end]);
    lanes.push({
      lane,
      label: labels.get(lane) ?? `lane ${lane}`,
      busyMs: busy,
      idleMs: Math.max(0, wall - busy),
      utilisation: Math.min(1, busy / wall),
      attempts: list.length,
    });
  }
  return { lanes, idleGaps, critical: criticalPath(report, attempts, lastEnds) };
}

function criticalPath(
  report: JsonReport,
  attempts: AttemptRow[],
  lastEnds: Array<[number, number]>,
): ViewModel['critical'] {
  if (lastEnds.length === 0) return null;
  const sorted = [...lastEnds].sort((a, b) => b[1] - a[1]);
  const cp = report.analysis.criticalPath;
  const lane = cp ? cp.lane : sorted[0][0];
  const tailMs = cp ? cp.tailMs : sorted[0][1] - (sorted[1]?.[1] ?? 0);
  const ids = report.run.tests.map((t) => t.id);
  const wanted = cp ? new Set(cp.attempts.map((a) => `${a.testId}#${a.retry}`)) : null;
  const marks: number[] = [];
  attempts.forEach((a, i) => {
    if (wanted ? wanted.has(`${ids[A.test(a)]}#${A.retry(a)}`) : A.lane(a) === lane) marks.push(i);
  });
  const reason =
    cp?.reason ??
    (sorted.length > 1
      ? `lane ${lane} finished ${(tailMs / 1000).toFixed(1)} s after the next one; its tests decide the wall time`
      : 'one lane: every test is on the critical path');
  return { lane, tailMs, reason, attempts: marks };
}
