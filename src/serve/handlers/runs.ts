// Runs: the paged list, one run with its analysis, and its regressions against a baseline.
import type {
  CompactRun,
  HistoryOptions,
  RegressionsResponse,
  RunDetailResponse,
  RunListResponse,
  TestDuration,
} from '../../types';
import { compareWithHistory } from '../../store/record-run';
import { defaultHistoryOptions } from '../../store/options';
import { notFound } from '../api-error';
import { checkId } from '../ids';
import { enumParam, intParam, stringParam, timeParam } from '../query';
import { MAX_PAGE } from '../api-spec';
import type { Handler, RequestContext } from '../context';
import type { HistoryIndex } from '../history-index';
import { JsonText } from '../respond';

const RUN_STATUSES = ['passed', 'failed', 'timedout', 'interrupted'] as const;
const SLOWEST_IN_DETAIL = 20;

export const listRuns: Handler = async (ctx): Promise<RunListResponse> => {
  const q = ctx.query;
  const branch = stringParam(q, 'branch', { maxLength: 500 });
  const machineClass = stringParam(q, 'machineClass', { maxLength: 200 });
  const status = enumParam(q, 'status', RUN_STATUSES);
  const from = timeParam(q, 'from');
  const to = timeParam(q, 'to');
  const limit = intParam(q, 'limit', { min: 1, max: MAX_PAGE, fallback: 50 });
  const offset = intParam(q, 'offset', { min: 0, max: 10_000_000, fallback: 0 });
  const index = await ctx.history();
  const rows = index.items
    .filter(
      (r) =>
        (branch === undefined || r.branch === branch) &&
        (machineClass === undefined || r.machineClass === machineClass) &&
        (status === undefined || r.status === status) &&
        (from === undefined || r.startTime >= from) &&
        (to === undefined || r.startTime <= to),
    )
    .reverse();
  return { total: rows.length, offset, limit, items: rows.slice(offset, offset + limit) };
};

export function findRun(index: HistoryIndex, field: string, ref: string): CompactRun {
  const run = index.run(checkId(field, ref));
  if (!run) throw notFound(`no run "${ref}" in history`, field);
  return run;
}

/** History as it was when the run was recorded: the run and everything before it. */
function historyUpTo(index: HistoryIndex, run: CompactRun) {
  const i = index.runIndex(run.runId)!;
  return { ...index.data, runs: index.runs.slice(0, i + 1) };
}

function comparisonFor(index: HistoryIndex, run: CompactRun, baseline?: HistoryOptions['baseline']) {
  const opts = { ...defaultHistoryOptions(), ...(baseline ? { baseline } : {}) };
  // A named baseline run may be newer than the run judged: then the whole history is in scope.
  const data = baseline && 'runId' in baseline ? { ...index.data, runs: index.runs } : historyUpTo(index, run);
  return compareWithHistory(data, run, opts);
}

function slowest(run: CompactRun): TestDuration[] {
  return run.tests
    .map((t) => ({
      subject: t.subject,
      project: t.project,
      outcome: t.outcome,
      durationMs: Math.max(0, ...t.attempts.map((a) => a[1])),
    }))
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, SLOWEST_IN_DETAIL);
}

export const getRun: Handler = async (ctx: RequestContext) => {
  const index = await ctx.history();
  const run = findRun(index, 'runId', ctx.params.runId);
  // The detail of a run never changes within a snapshot: serialise once.
  return index.memo.get(`run\u0000${run.runId}`, () => {
    // The comparison with the baseline (the costly part: a rank test per series) is its own route.
    const i = index.runIndex(run.runId)!;
    const quality = index.quality(i);
    const body: RunDetailResponse = {
      summary: index.items[i],
      run,
      analysis: {
        quality,
        slowest: slowest(run),
        regressions: `/api/v1/runs/${encodeURIComponent(run.runId)}/regressions`,
      },
      alerts: index.data.alerts.filter((a) => a.runId === run.runId),
    };
    return new JsonText(JSON.stringify(body));
  });
};

export const runRegressions: Handler = async (ctx) => {
  const index = await ctx.history();
  const run = findRun(index, 'runId', ctx.params.runId);
  const baselineRef = stringParam(ctx.query, 'baseline', { maxLength: 200 });
  const previous = ctx.query.get('previous')
    ? intParam(ctx.query, 'previous', { min: 1, max: 200, fallback: 10 })
    : undefined;
  let baseline: HistoryOptions['baseline'] | undefined;
  if (baselineRef !== undefined) baseline = { runId: findRun(index, 'baseline', baselineRef).runId };
  else if (previous !== undefined) baseline = { previous };
  return index.memo.get(`regressions\u0000${run.runId}\u0000${JSON.stringify(baseline ?? null)}`, () => {
    const { comparison } = comparisonFor(index, run, baseline);
    const body: RegressionsResponse = comparison
      ? { runId: run.runId, comparison }
      : { runId: run.runId, comparison: null, reason: 'no earlier run in history to compare with' };
    return body;
  });
};
