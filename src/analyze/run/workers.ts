// Worker lanes: busy/idle time per parallel slot (per shard after a merge).
// An attempt occupies its lane from its start until its last step ends: Playwright leaves
// worker-scoped fixtures (browser launch) out of `duration`, but the lane is busy all the same.
import type { RunRecord, StepRecord, TestRecord, TestResultRecord, WorkerLane } from '../../types';

export interface LaneAttempt {
  test: TestRecord;
  result: TestResultRecord;
  start: number;
  end: number;
}

export interface LaneGroup {
  /** Index in shard/parallelIndex order — the `lane` number every analyzer uses. */
  lane: number;
  shardIndex?: number;
  parallelIndex: number;
  /** In start order. */
  attempts: LaneAttempt[];
}

export function laneKey(shardIndex: number | undefined, parallelIndex: number): string {
  return `${shardIndex ?? 0}:${parallelIndex}`;
}

function lastStepEnd(steps: StepRecord[], end: number): number {
  for (const s of steps) {
    end = Math.max(end, s.startTime + s.durationMs);
    if (s.steps.length) end = lastStepEnd(s.steps, end);
  }
  return end;
}

function firstStepStart(steps: StepRecord[], start: number): number {
  for (const s of steps) start = Math.min(start, s.startTime);
  return start;
}

/** [start, end] of an attempt including its steps (worker fixtures included). */
export function attemptWindow(r: TestResultRecord): { start: number; end: number } {
  const start = firstStepStart(r.steps, r.startTime);
  return { start, end: lastStepEnd(r.steps, r.startTime + r.durationMs) };
}

/** Attempts grouped by lane, lanes sorted by shard then parallelIndex. Attempts that never ran are left out. */
export function groupLanes(run: RunRecord): LaneGroup[] {
  const groups = new Map<string, Omit<LaneGroup, 'lane'>>();
  for (const test of run.tests) {
    for (const result of test.results) {
      if (result.workerIndex < 0 || result.parallelIndex < 0) continue; // skipped before start / never ran
      const key = laneKey(result.shardIndex, result.parallelIndex);
      let g = groups.get(key);
      if (!g) {
        g = {
          ...(result.shardIndex !== undefined ? { shardIndex: result.shardIndex } : {}),
          parallelIndex: result.parallelIndex,
          attempts: [],
        };
        groups.set(key, g);
      }
      g.attempts.push({ test, result, ...attemptWindow(result) });
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.shardIndex ?? 0) - (b.shardIndex ?? 0) || a.parallelIndex - b.parallelIndex)
    .map((g, lane) => ({ lane, ...g, attempts: g.attempts.sort((x, y) => x.start - y.start) }));
}

export function analyzeWorkers(run: RunRecord, groups: LaneGroup[] = groupLanes(run)): WorkerLane[] {
  const wall = Math.max(1, run.wallTimeMs);
  return groups.map((g) => {
    const workerIndices = [...new Set(g.attempts.map((a) => a.result.workerIndex))].sort((a, b) => a - b);
    const busyMs = g.attempts.reduce((s, a) => s + (a.end - a.start), 0);
    return {
      lane: g.lane,
      ...(g.shardIndex !== undefined ? { shardIndex: g.shardIndex } : {}),
      workerIndices,
      busyMs,
      idleMs: Math.max(0, wall - busyMs),
      attempts: g.attempts.length,
      firstStart: Math.min(...g.attempts.map((a) => a.start)),
      lastEnd: Math.max(...g.attempts.map((a) => a.end)),
      utilisation: Math.min(1, busyMs / wall),
    };
  });
}
