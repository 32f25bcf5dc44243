// Action and screenshot timings from Playwright's own `pw:api` steps (in the run record, so this
// works without our fixtures): per action kind p50/p95, and the slowest calls.
// Calls inside fixture/hook steps (context creation, our flush) are setup, not test actions.
import type { ActionAnalysis, RunRecord, StepRecord } from '../../types';
import { distribution } from '../stats/descriptive';

/** `Navigate to "/login"` → `Navigate to`; `Click getByRole(…)` → `Click`; `Expect "toBeVisible"` stays. */
export function actionKind(title: string): string {
  if (/^Expect\b/.test(title)) return title.replace(/\s+with timeout.*$/, '').trim();
  const cut = title.search(/["'(]|\s(getBy\w*|locator)\b/);
  return (cut > 0 ? title.slice(0, cut) : title).trim() || title;
}

export function analyzeActions(run: RunRecord, slowestN = 10): ActionAnalysis | undefined {
  const byKind = new Map<string, number[]>();
  const calls: ActionAnalysis['slowest'] = [];
  const visit = (steps: StepRecord[], testId: string, inSetup: boolean) => {
    for (const s of steps) {
      const setup = inSetup || s.category === 'fixture' || s.category === 'hook';
      if (s.category === 'pw:api' && !setup) {
        const kind = actionKind(s.title);
        let list = byKind.get(kind);
        if (!list) byKind.set(kind, (list = []));
        list.push(s.durationMs);
        const params = s.params
          ? Object.entries(s.params)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')
              .slice(0, 300)
          : undefined;
        calls.push({ testId, title: s.title, ...(params ? { params } : {}), durationMs: s.durationMs });
      }
      // Expect steps' children are their retries: counted once, as the expect.
      if (s.category !== 'expect') visit(s.steps, testId, setup);
    }
  };
  for (const t of run.tests) for (const r of t.results) visit(r.steps, t.id, false);
  for (const t of run.tests) for (const r of t.results) collectExpects(r.steps, t.id, byKind, calls);
  if (!byKind.size) return undefined;
  const perKind = [...byKind.entries()]
    .map(([kind, v]) => ({ kind, dist: distribution(v) }))
    .sort((a, b) => b.dist.p95 - a.dist.p95 || a.kind.localeCompare(b.kind));
  const slowest = calls.sort((a, b) => b.durationMs - a.durationMs).slice(0, slowestN);
  return { perKind, slowest };
}

function collectExpects(
  steps: StepRecord[],
  testId: string,
  byKind: Map<string, number[]>,
  calls: ActionAnalysis['slowest'],
  inSetup = false,
): void {
  for (const s of steps) {
    const setup = inSetup || s.category === 'fixture' || s.category === 'hook';
    if (s.category === 'expect' && !setup) {
      const kind = actionKind(s.title);
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(s.durationMs);
      calls.push({ testId, title: s.title, durationMs: s.durationMs });
      continue;
    }
    collectExpects(s.steps, testId, byKind, calls, setup);
  }
}
