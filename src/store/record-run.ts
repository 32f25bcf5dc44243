// The history stage of a run: under the history lock, pick the baseline, compare, summarise quality,
// then append the compacted run and its alerts and apply retention — all in one read-modify-write,
// so concurrent runs never overwrite each other. Re-processing a run already in history (the same
// runId, e.g. `playwright-perf report run.json`) compares again but adds nothing.
import type {
  BudgetResult,
  CompactRun,
  HistoryAlert,
  HistoryComparison,
  HistoryData,
  MetricKey,
  QualitySummary,
  RegressionFinding,
  RunRecord,
} from '../types';
import { selectBaseline } from '../analyze/history/baseline';
import { buildTrends, detectRegressions } from '../analyze/history/regression';
import { QUALITY_WINDOW, summarizeQuality } from '../analyze/history/quality';
import { runSeries, seriesKey } from '../analyze/history/compact-run';
import type { HistoryScope, HistoryStore } from './history-store';
import type { ResolvedHistoryOptions } from './options';
import { applyRetention } from './retention';
import { alertId } from './migrations';

/** Runs per trend series in the report: the length of its sparkline. */
export const TREND_RUNS = 20;
/** Trend series attached to the report at most: flagged keys first, then every other series of the
 *  run. A point is ~80 bytes of report.json, so this bounds trends at ~320 KB whatever the suite. */
export const MAX_TREND_SERIES = 200;

export interface HistoryStageResult {
  /** Absent when history had no earlier runs to compare with. */
  comparison?: HistoryComparison;
  quality: QualitySummary;
  added: boolean;
  removedRuns: string[];
}

/** A run's identity in history: its id and its shard. Shards of one CI run may share an id
 *  (PLAYWRIGHT_PERF_RUN_ID); a re-upload of the same shard is the same entry. */
export function samePart(a: Pick<CompactRun, 'runId' | 'shard'>, b: Pick<CompactRun, 'runId' | 'shard'>): boolean {
  return a.runId === b.runId && (a.shard ?? '') === (b.shard ?? '');
}

export function compareWithHistory(
  data: HistoryData,
  compact: CompactRun,
  opts: ResolvedHistoryOptions,
  run?: RunRecord,
): { comparison?: HistoryComparison; quality: QualitySummary } {
  const earlier = data.runs.filter((r) => !samePart(r, compact));
  const quality = summarizeQuality(earlier, compact, run);
  if (earlier.length === 0) return { quality };
  const sel = selectBaseline(data, compact, opts.baseline);
  const settings = { minChange: opts.minChange, fdr: opts.fdr, minAbsChangeMs: opts.minAbsChangeMs };
  const detected = sel.runs.length
    ? detectRegressions(sel.runs, compact, settings)
    : { findings: [], summary: { compared: 0, regressions: 0, improvements: 0, unchanged: 0, notEnoughData: 0 } };
  const keys = trendKeys(detected.findings, compact);
  const trendRuns = [
    ...earlier.filter((r) => r.machineClass === compact.machineClass && r.startTime <= compact.startTime),
    compact,
  ];
  const comparison: HistoryComparison = {
    baseline: { kind: sel.kind, runIds: sel.runs.map((r) => r.runId), description: sel.description },
    caveats: [...(detected.runWide ? (detected.runWide.caveats ?? [detected.runWide.caveat]) : []), ...sel.caveats],
    findings: detected.findings,
    summary: detected.summary,
    current: { runId: compact.runId, ...(compact.branch ? { branch: compact.branch } : {}) },
    settings,
    trends: buildTrends(trendRuns, keys, TREND_RUNS).filter((t) => t.points.length > 0),
  };
  return { comparison, quality };
}

/** Which series get a trend: every regression/improvement/unchanged finding (most changed first),
 *  then the run's other series taken in turn from each metric (largest values first within one),
 *  so every metric shows up even when a big suite's test durations alone would fill the cap. */
export function trendKeys(
  findings: readonly RegressionFinding[],
  current: CompactRun,
  max = MAX_TREND_SERIES,
): MetricKey[] {
  const out: MetricKey[] = [];
  const seen = new Set<string>();
  const add = (k: MetricKey) => {
    const id = seriesKey(k);
    if (out.length >= max || seen.has(id)) return;
    seen.add(id);
    out.push({ metric: k.metric, subject: k.subject, ...(k.project !== undefined ? { project: k.project } : {}) });
  };
  for (const f of findings) if (f.verdict !== 'not-enough-data') add(f);
  const byMetric = new Map<string, Array<{ key: MetricKey; size: number }>>();
  for (const s of runSeries(current)) {
    if (!s.values.length) continue;
    const list = byMetric.get(s.metric) ?? [];
    list.push({ key: s, size: s.values.reduce((a, b) => a + b, 0) / s.values.length });
    byMetric.set(s.metric, list);
  }
  const lists = [...byMetric.values()].map((l) => l.sort((a, b) => b.size - a.size));
  for (let i = 0; out.length < max; i++) {
    const round = lists.filter((l) => i < l.length);
    if (!round.length) break;
    for (const l of round) add(l[i].key);
  }
  return out;
}

export function alertsFor(
  compact: CompactRun,
  budgets: BudgetResult[],
  comparison: HistoryComparison | undefined,
): HistoryAlert[] {
  const alerts: Array<Omit<HistoryAlert, 'id'>> = [];
  for (const b of budgets) {
    if (b.ok) continue;
    alerts.push({
      runId: compact.runId,
      time: compact.startTime,
      kind: 'budget',
      severity: b.severity,
      metric: b.rule,
      subject: b.subject,
      message: b.message,
    });
  }
  for (const f of comparison?.findings ?? []) {
    if (f.verdict !== 'regression') continue;
    alerts.push({
      runId: compact.runId,
      time: compact.startTime,
      kind: 'regression',
      severity: 'error',
      metric: f.metric,
      subject: f.subject,
      ...(f.project ? { project: f.project } : {}),
      message: f.note ?? 'regression',
    });
  }
  return alerts.map((a, i) => ({ id: alertId(compact.runId, i), status: 'open', ...a }));
}

export async function recordRun(
  store: HistoryStore,
  compact: CompactRun,
  opts: ResolvedHistoryOptions,
  extras: { run?: RunRecord; budgets?: BudgetResult[]; record?: boolean; now?: number } = {},
): Promise<HistoryStageResult> {
  if (extras.record === false) {
    const data = await store.read();
    return { ...compareWithHistory(data, compact, opts, extras.run), added: false, removedRuns: [] };
  }
  const scope: HistoryScope = {
    current: compact,
    // The longest window any comparison looks back over (baseline, quality, trends), plus the run itself.
    recent: Math.max(QUALITY_WINDOW, TREND_RUNS, 'previous' in opts.baseline ? (opts.baseline.previous ?? 0) : 0) + 1,
    ...('runId' in opts.baseline ? { baselineRunId: opts.baseline.runId } : {}),
    retention: { keepRuns: opts.keepRuns, keepDays: opts.keepDays, now: extras.now },
  };
  return store.update((data) => {
    const result = compareWithHistory(data, compact, opts, extras.run);
    const added = !data.runs.some((r) => samePart(r, compact));
    if (added) {
      data.runs.push(compact);
      data.runs.sort((a, b) => a.startTime - b.startTime);
      data.alerts.push(...alertsFor(compact, extras.budgets ?? [], result.comparison));
    }
    const { removedRuns } = applyRetention(data, { keepRuns: opts.keepRuns, keepDays: opts.keepDays, now: extras.now });
    return { ...result, added, removedRuns };
  }, scope);
}
