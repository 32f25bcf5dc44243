// Tests across runs: flaky and slowest lists over a window, one test's history, and a search.
import type {
  CompactTest,
  FlakyItem,
  FlakyResponse,
  SlowestItem,
  SlowestResponse,
  TestHistoryResponse,
  TestSearchResponse,
} from '../../types';
import { median } from '../../analyze/stats/descriptive';
import { notFound } from '../api-error';
import { intParam, stringParam } from '../query';
import { MAX_PAGE, MAX_WINDOW } from '../api-spec';
import type { Handler } from '../context';
import type { HistoryIndex } from '../history-index';
import { testDurationMs } from './compare';

const key = (t: CompactTest) => `${t.project}\u0000${t.subject}`;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Per test (project + subject), its entries over the window, oldest first; repeats in a run merged. */
function perTest(index: HistoryIndex, window: number): Map<string, Array<{ t: CompactTest; runIndex: number }>> {
  return index.memo.get(`per-test\u0000${window}`, () => {
    const out = new Map<string, Array<{ t: CompactTest; runIndex: number }>>();
    const first = Math.max(0, index.runs.length - window);
    for (let i = first; i < index.runs.length; i++) {
      const inRun = new Set<string>();
      for (const t of index.runs[i].tests) {
        const k = key(t);
        if (t.outcome === 'skipped' || inRun.has(k)) continue;
        inRun.add(k);
        const list = out.get(k);
        if (list) list.push({ t, runIndex: i });
        else out.set(k, [{ t, runIndex: i }]);
      }
    }
    return out;
  }) as Map<string, Array<{ t: CompactTest; runIndex: number }>>;
}

export const flaky: Handler = async (ctx): Promise<FlakyResponse> => {
  const window = intParam(ctx.query, 'window', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const limit = intParam(ctx.query, 'limit', { min: 1, max: MAX_PAGE, fallback: 50 });
  const index = await ctx.history();
  return index.memo.get(`flaky\u0000${window}\u0000${limit}`, () => {
    const items: FlakyItem[] = [];
    for (const seq of perTest(index, window).values()) {
      const failed = (x: CompactTest) => x.outcome === 'unexpected';
      let flakyRuns = 0,
        failedRuns = 0,
        passAfterFail = 0,
        flips = 0;
      seq.forEach(({ t }, i) => {
        if (t.outcome === 'flaky') flakyRuns++;
        if (failed(t)) failedRuns++;
        if (i > 0 && failed(seq[i - 1].t) !== failed(t)) {
          flips++;
          if (!failed(t)) passAfterFail++;
        }
      });
      if (!flakyRuns && !passAfterFail) continue;
      const last = seq[seq.length - 1];
      items.push({
        subject: last.t.subject,
        project: last.t.project,
        runs: seq.length,
        flakyRuns,
        failedRuns,
        flakinessIndex: round3(Math.min(1, (flakyRuns + passAfterFail) / seq.length)),
        flipRate: seq.length > 1 ? round3(flips / (seq.length - 1)) : 0,
        lastRunId: index.runs[last.runIndex].runId,
      });
    }
    items.sort(
      (a, b) => b.flakinessIndex - a.flakinessIndex || b.flipRate - a.flipRate || a.subject.localeCompare(b.subject),
    );
    return { window, runs: Math.min(window, index.runs.length), items: items.slice(0, limit) };
  }) as FlakyResponse;
};

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const slowest: Handler = async (ctx): Promise<SlowestResponse> => {
  const window = intParam(ctx.query, 'window', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const limit = intParam(ctx.query, 'limit', { min: 1, max: MAX_PAGE, fallback: 50 });
  const index = await ctx.history();
  return index.memo.get(`slowest\u0000${window}\u0000${limit}`, () => {
    const items: SlowestItem[] = [];
    for (const seq of perTest(index, window).values()) {
      const ds = seq.map(({ t }) => testDurationMs(t)).filter((d): d is number => d !== null);
      if (!ds.length) continue;
      const sorted = [...ds].sort((a, b) => a - b);
      const last = seq[seq.length - 1].t;
      items.push({
        subject: last.subject,
        project: last.project,
        runs: ds.length,
        medianMs: median(ds),
        p95Ms: quantile(sorted, 0.95),
        maxMs: sorted[sorted.length - 1],
        latestMs: ds[ds.length - 1],
      });
    }
    items.sort((a, b) => b.medianMs - a.medianMs || a.subject.localeCompare(b.subject));
    return { window, runs: Math.min(window, index.runs.length), items: items.slice(0, limit) };
  }) as SlowestResponse;
};

export const testHistory: Handler = async (ctx): Promise<TestHistoryResponse> => {
  const subject = stringParam(ctx.query, 'subject', { required: true, maxLength: 2000 })!;
  const project = stringParam(ctx.query, 'project', { maxLength: 200 });
  const last = intParam(ctx.query, 'last', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const index = await ctx.history();
  const points: TestHistoryResponse['points'] = [];
  let foundProject = project;
  for (let i = index.runs.length - 1; i >= 0 && points.length < last; i--) {
    const run = index.runs[i];
    const t = run.tests.find(
      (x) => x.subject === subject && (foundProject === undefined || x.project === foundProject),
    );
    if (!t) continue;
    foundProject ??= t.project;
    points.push({
      runId: run.runId,
      time: run.startTime,
      ...(run.branch ? { branch: run.branch } : {}),
      outcome: t.outcome,
      durationMs: testDurationMs(t),
      attempts: t.attempts,
    });
  }
  if (!points.length)
    throw notFound(`no test "${subject}"${project ? ` in project ${project}` : ''} in history`, 'subject');
  points.reverse();
  const passed = points.filter((p) => p.outcome !== 'unexpected' && p.durationMs !== null).map((p) => p.durationMs!);
  // Series keyed by this test (history keeps steps, URLs and vitals per step title / URL, not per test).
  const metrics = [...index.allSeries().values()]
    .filter((s) => s.key.project === foundProject && s.key.subject === subject)
    .map((s) => s.key);
  return {
    subject,
    project: foundProject!,
    points,
    medianMs: passed.length ? median(passed) : null,
    flakyRuns: points.filter((p) => p.outcome === 'flaky').length,
    failedRuns: points.filter((p) => p.outcome === 'unexpected').length,
    metrics,
  };
};

export const searchTests: Handler = async (ctx): Promise<TestSearchResponse> => {
  const search = stringParam(ctx.query, 'search', { maxLength: 500 })?.toLowerCase();
  const limit = intParam(ctx.query, 'limit', { min: 1, max: MAX_PAGE, fallback: 50 });
  const index = await ctx.history();
  const all = perTest(index, MAX_WINDOW);
  const items: TestSearchResponse['items'] = [];
  for (const seq of all.values()) {
    const t = seq[seq.length - 1].t;
    if (search && !t.subject.toLowerCase().includes(search)) continue;
    items.push({ subject: t.subject, project: t.project, runs: seq.length });
  }
  items.sort((a, b) => a.subject.localeCompare(b.subject));
  return { total: items.length, items: items.slice(0, limit) };
};
