// Run summary: counts, wall time, Σ test time and parallel efficiency.
import type { RunRecord, RunSummary } from '../../types';

export function summarizeRun(run: RunRecord): RunSummary {
  let attempts = 0,
    testTimeMs = 0,
    passed = 0,
    failed = 0,
    flaky = 0,
    skipped = 0,
    timedOut = 0;
  for (const t of run.tests) {
    for (const r of t.results) {
      attempts++;
      testTimeMs += r.durationMs;
      if (r.status === 'timedOut') timedOut++;
    }
    if (t.outcome === 'skipped') skipped++;
    else if (t.outcome === 'flaky') flaky++;
    else if (t.outcome === 'unexpected') failed++;
    else passed++;
  }
  const workers = Math.max(1, run.config.workers);
  const wall = run.wallTimeMs;
  return {
    status: run.status,
    interrupted: run.interrupted,
    wallTimeMs: wall,
    tests: run.tests.length,
    attempts,
    passed,
    failed,
    flaky,
    skipped,
    timedOut,
    testTimeMs,
    workers,
    parallelEfficiency: wall > 0 ? Math.min(1, testTimeMs / (workers * wall)) : 0,
  };
}
