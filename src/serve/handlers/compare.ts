// Two runs side by side: per-test duration and outcome changes, and every metric series judged by
// the regression engine with the base run as the baseline.
import type { CompactTest, CompareResponse, TestDiff } from '../../types';
import { compareSeries } from '../../analyze/history/regression';
import { environmentCaveats } from '../../analyze/history/baseline';
import { defaultHistoryOptions } from '../../store/options';
import { badRequest } from '../api-error';
import { intParam, stringParam } from '../query';
import type { Handler } from '../context';
import { findRun } from './runs';
import { TestKeyMap } from '../../analyze/history/test-key-map';

/** Last passed attempt, else the longest attempt: what "how long did this test take" means. */
export function testDurationMs(t: CompactTest): number | null {
  const passed = t.attempts.filter((a) => a[0] === 'passed');
  if (passed.length) return passed[passed.length - 1][1];
  return t.attempts.length ? Math.max(...t.attempts.map((a) => a[1])) : null;
}

const relChange = (a: number | null, b: number | null): number | null =>
  a === null || b === null || a === 0 ? null : Math.round(((b - a) / a) * 10_000) / 10_000;

export const compareRuns: Handler = async (ctx) => {
  const baseRef = stringParam(ctx.query, 'base', { required: true, maxLength: 200 })!;
  const headRef = stringParam(ctx.query, 'head', { required: true, maxLength: 200 })!;
  const limit = intParam(ctx.query, 'limit', { min: 1, max: 5000, fallback: 100 });
  const index = await ctx.history();
  const base = findRun(index, 'base', baseRef);
  const head = findRun(index, 'head', headRef);
  if (base.runId === head.runId) throw badRequest('head', 'base and head are the same run');
  return index.memo.get(`compare\u0000${base.runId}\u0000${head.runId}\u0000${limit}`, (): CompareResponse => {
    const baseTests = new TestKeyMap<CompactTest>();
    for (const t of base.tests) baseTests.set(t.project, t.subject, t);
    const diffs: TestDiff[] = [];
    let onlyInHead = 0,
      outcomeChanges = 0;
    const seen = new TestKeyMap<true>();
    for (const t of head.tests) {
      const b = baseTests.get(t.project, t.subject);
      if (!b) {
        onlyInHead++;
        continue;
      }
      if (seen.has(t.project, t.subject)) continue;
      seen.set(t.project, t.subject, true);
      const baseMs = testDurationMs(b),
        headMs = testDurationMs(t);
      if (b.outcome !== t.outcome) outcomeChanges++;
      diffs.push({
        subject: t.subject,
        project: t.project,
        baseMs,
        headMs,
        change: relChange(baseMs, headMs),
        baseOutcome: b.outcome,
        headOutcome: t.outcome,
      });
    }
    // Every test seen is a base test, so the rest of the base tests are the ones missing in head.
    const onlyInBase = baseTests.size - seen.size;
    const rank = (d: TestDiff) =>
      d.baseOutcome !== d.headOutcome ? Infinity : Math.abs((d.headMs ?? 0) - (d.baseMs ?? 0));
    diffs.sort((a, b) => rank(b) - rank(a));
    const o = defaultHistoryOptions();
    const detected = compareSeries(index.seriesOfRun(base), index.seriesOfRun(head), {
      minChange: o.minChange,
      fdr: o.fdr,
      minAbsChangeMs: o.minAbsChangeMs,
    });
    return {
      base: index.items[index.runIndex(base.runId)!],
      head: index.items[index.runIndex(head.runId)!],
      wallTimeChange: relChange(base.wallTimeMs, head.wallTimeMs),
      tests: diffs.slice(0, limit),
      onlyInBase,
      onlyInHead,
      outcomeChanges,
      metrics: detected.findings,
      metricSummary: detected.summary,
      caveats: [...(detected.runWide ? [detected.runWide.caveat] : []), ...environmentCaveats([base], head)],
    };
  });
};
