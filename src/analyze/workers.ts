// Worker lanes: busy/idle time per parallel slot (per shard after a merge).
import type { RunRecord, WorkerLane } from '../types';

export function laneKey(shardIndex: number | undefined, parallelIndex: number): string {
  return `${shardIndex ?? 0}:${parallelIndex}`;
}

export function analyzeWorkers(run: RunRecord): WorkerLane[] {
  const lanes = new Map<string, WorkerLane>();
  for (const t of run.tests) {
    for (const r of t.results) {
      if (r.workerIndex < 0) continue; // never ran (interrupted before start)
      const key = laneKey(r.shardIndex, r.parallelIndex);
      let lane = lanes.get(key);
      if (!lane) {
        lane = { lane: 0, ...(r.shardIndex !== undefined ? { shardIndex: r.shardIndex } : {}), workerIndices: [], busyMs: 0, idleMs: 0, attempts: 0, firstStart: r.startTime, lastEnd: r.startTime + r.durationMs, utilisation: 0 };
        lanes.set(key, lane);
      }
      if (!lane.workerIndices.includes(r.workerIndex)) lane.workerIndices.push(r.workerIndex);
      lane.busyMs += r.durationMs;
      lane.attempts++;
      lane.firstStart = Math.min(lane.firstStart, r.startTime);
      lane.lastEnd = Math.max(lane.lastEnd, r.startTime + r.durationMs);
    }
  }
  const wall = Math.max(1, run.wallTimeMs);
  const sorted = [...lanes.entries()].sort(([a], [b]) => {
    const [sa, pa] = a.split(':').map(Number);
    const [sb, pb] = b.split(':').map(Number);
    return sa - sb || pa - pb;
  });
  return sorted.map(([, lane], i) => ({
    ...lane,
    lane: i,
    workerIndices: lane.workerIndices.sort((a, b) => a - b),
    idleMs: Math.max(0, wall - lane.busyMs),
    utilisation: Math.min(1, lane.busyMs / wall),
  }));
}
