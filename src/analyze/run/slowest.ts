// Slowest tests, files and steps. Tests and files are ranked by Σ attempt durations (what they cost
// the suite, retries included); steps by Σ time across the run, with p50/p95/max per step kind.
import type { RunRecord, SlowestLists, StepRecord, StepStat } from '../../types';
import { percentile } from '../stats/descriptive';

/** Step parameters that identify what a step acted on, in order of preference. */
const DETAIL_PARAMS = ['url', 'locator', 'selector', 'name'];
const MAX_DETAIL = 200;
/** Categories that are bookkeeping, not work. */
const IGNORED_CATEGORIES = new Set(['test.attach']);

export function stepDetail(step: StepRecord): string | undefined {
  if (!step.params) return undefined;
  for (const k of DETAIL_PARAMS) {
    const v = step.params[k];
    if (v) return v.length > MAX_DETAIL ? v.slice(0, MAX_DETAIL) + '…' : v;
  }
  return undefined;
}

export function slowestTests(run: RunRecord, n: number): SlowestLists['tests'] {
  return run.tests
    .map((t) => ({
      testId: t.id,
      title: t.title,
      file: t.file,
      project: t.project,
      durationMs: t.results.reduce((s, r) => s + r.durationMs, 0),
      attempts: t.results.length,
    }))
    .filter((t) => t.durationMs > 0)
    .sort((a, b) => b.durationMs - a.durationMs || a.title.localeCompare(b.title))
    .slice(0, n);
}

export function slowestFiles(run: RunRecord, n: number): SlowestLists['files'] {
  const files = new Map<string, { file: string; durationMs: number; tests: number }>();
  for (const t of run.tests) {
    const f = files.get(t.file) ?? { file: t.file, durationMs: 0, tests: 0 };
    f.durationMs += t.results.reduce((s, r) => s + r.durationMs, 0);
    f.tests++;
    files.set(t.file, f);
  }
  return [...files.values()]
    .filter((f) => f.durationMs > 0)
    .sort((a, b) => b.durationMs - a.durationMs || a.file.localeCompare(b.file))
    .slice(0, n);
}

/** Every step, nested ones included, grouped by category + title + detail. */
export function stepStats(run: RunRecord): StepStat[] {
  const groups = new Map<string, { title: string; category: string; detail?: string; durations: number[] }>();
  const visit = (steps: StepRecord[]) => {
    for (const s of steps) {
      if (!IGNORED_CATEGORIES.has(s.category)) {
        const detail = stepDetail(s);
        const key = `${s.category}\u0000${s.title}\u0000${detail ?? '\u0001'}`;
        let g = groups.get(key);
        if (!g)
          groups.set(
            key,
            (g = { title: s.title, category: s.category, ...(detail !== undefined ? { detail } : {}), durations: [] }),
          );
        g.durations.push(s.durationMs);
      }
      visit(s.steps);
    }
  };
  for (const t of run.tests) for (const r of t.results) visit(r.steps);
  return [...groups.values()].map(({ durations, ...g }) => {
    const sorted = durations.sort((a, b) => a - b);
    return {
      ...g,
      count: sorted.length,
      totalMs: sorted.reduce((s, v) => s + v, 0),
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1],
    };
  });
}

export function slowestSteps(run: RunRecord, n: number): StepStat[] {
  return stepStats(run)
    .sort((a, b) => b.totalMs - a.totalMs || b.p95Ms - a.p95Ms || a.title.localeCompare(b.title))
    .slice(0, n);
}

export function analyzeSlowest(run: RunRecord, n: number): SlowestLists {
  return { tests: slowestTests(run, n), files: slowestFiles(run, n), steps: slowestSteps(run, n) };
}
