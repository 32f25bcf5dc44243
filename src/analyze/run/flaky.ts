// Flaky tests (failed, then passed on a retry) and what retries cost.
import type { FlakyTest, RunRecord } from '../../types';

export function analyzeFlaky(run: RunRecord): FlakyTest[] {
  return run.tests
    .filter((t) => t.outcome === 'flaky')
    .map((t) => ({
      testId: t.id,
      title: t.title,
      file: t.file,
      project: t.project,
      statuses: t.results.map((r) => r.status),
    }));
}

/**
 * attempts: retry attempts (retry ≥ 1) that ran. wastedMs: time of every attempt that was followed
 * by another attempt of the same test — work whose result was thrown away.
 */
export function analyzeRetries(run: RunRecord): { attempts: number; wastedMs: number } {
  let attempts = 0,
    wastedMs = 0;
  for (const t of run.tests) {
    const ordered = [...t.results].sort((a, b) => a.retry - b.retry);
    ordered.forEach((r, i) => {
      if (r.retry > 0) attempts++;
      if (i < ordered.length - 1) wastedMs += r.durationMs;
    });
  }
  return { attempts, wastedMs };
}
