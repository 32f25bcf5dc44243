// Retention: keep at most N runs and nothing older than N days. Pinned runs (named baselines) are
// always kept; alerts go with their runs.
import type { HistoryData } from '../types';

/** Default runs kept: 200 × ~1,000 tests stays around 30 MB and loads in well under a second (bench/history). */
export const DEFAULT_KEEP_RUNS = 200;
/** Default age limit in days. */
export const DEFAULT_KEEP_DAYS = 90;
/** Applied optimisations kept (they are small, but not unbounded). */
export const MAX_OPTIMIZATIONS = 500;
const DAY_MS = 86_400_000;

export function applyRetention(
  data: HistoryData,
  opts: { keepRuns: number; keepDays: number; now?: number },
): { removedRuns: string[] } {
  const now = opts.now ?? Date.now();
  const pinned = new Set(Object.values(data.pins).flat());
  const cutoff = now - opts.keepDays * DAY_MS;
  const sorted = [...data.runs].sort((a, b) => a.startTime - b.startTime);
  const unpinned = sorted.filter((r) => !pinned.has(r.runId));
  const keepByCount = new Set(unpinned.slice(-opts.keepRuns).map((r) => r.runId));
  const kept = sorted.filter((r) => pinned.has(r.runId) || (keepByCount.has(r.runId) && r.startTime >= cutoff));
  const keptIds = new Set(kept.map((r) => r.runId));
  const removedRuns = data.runs.filter((r) => !keptIds.has(r.runId)).map((r) => r.runId);
  data.runs = kept;
  data.alerts = data.alerts.filter((a) => keptIds.has(a.runId));
  if (data.optimizations.length > MAX_OPTIMIZATIONS) data.optimizations = data.optimizations.slice(-MAX_OPTIMIZATIONS);
  return { removedRuns };
}
