// The history stage of a run: under the history lock, pick the baseline, compare, summarise quality,
// then append the compacted run and its alerts and apply retention — all in one read-modify-write,
// so concurrent runs never overwrite each other. Re-processing a run already in history (the same
// runId, e.g. `playwright-perf report run.json`) compares again but adds nothing.
import type { BudgetResult, CompactRun, HistoryAlert, HistoryComparison, HistoryData, QualitySummary, RunRecord } from '../types';
import { selectBaseline } from '../analyze/baseline';
import { buildTrends, detectRegressions } from '../analyze/regression';
import { summarizeQuality } from '../analyze/quality';
import type { HistoryStore } from './history-store';
import type { ResolvedHistoryOptions } from './options';
import { applyRetention } from './retention';

/** Trend series attached to the report (the most changed keys). */
const MAX_TRENDS = 20;

export interface HistoryStageResult {
  /** Absent when history had no earlier runs to compare with. */
  comparison?: HistoryComparison;
  quality: QualitySummary;
  added: boolean;
  removedRuns: string[];
}

export function compareWithHistory(data: HistoryData, compact: CompactRun, opts: ResolvedHistoryOptions, run?: RunRecord): { comparison?: HistoryComparison; quality: QualitySummary } {
  const earlier = data.runs.filter((r) => r.runId !== compact.runId);
  const quality = summarizeQuality(earlier, compact, run);
  if (earlier.length === 0) return { quality };
  const sel = selectBaseline(data, compact, opts.baseline);
  const settings = { minChange: opts.minChange, fdr: opts.fdr, minAbsChangeMs: opts.minAbsChangeMs };
  const detected = sel.runs.length ? detectRegressions(sel.runs, compact, settings) : { findings: [], summary: { compared: 0, regressions: 0, improvements: 0, unchanged: 0, notEnoughData: 0 } };
  const trendKeys = detected.findings.filter((f) => f.verdict !== 'not-enough-data').slice(0, MAX_TRENDS);
  const trendRuns = [...earlier.filter((r) => r.machineClass === compact.machineClass && r.startTime <= compact.startTime), compact];
  const comparison: HistoryComparison = {
    baseline: { kind: sel.kind, runIds: sel.runs.map((r) => r.runId), description: sel.description },
    caveats: [...(detected.runWide ? detected.runWide.caveats ?? [detected.runWide.caveat] : []), ...sel.caveats],
    findings: detected.findings,
    summary: detected.summary,
    current: { runId: compact.runId, ...(compact.branch ? { branch: compact.branch } : {}) },
    settings,
    trends: buildTrends(trendRuns, trendKeys),
  };
  return { comparison, quality };
}

export function alertsFor(compact: CompactRun, budgets: BudgetResult[], comparison: HistoryComparison | undefined): HistoryAlert[] {
  const alerts: HistoryAlert[] = [];
  for (const b of budgets) {
    if (b.ok) continue;
    alerts.push({ runId: compact.runId, time: compact.startTime, kind: 'budget', severity: b.severity, metric: b.rule, subject: b.subject, message: b.message });
  }
  for (const f of comparison?.findings ?? []) {
    if (f.verdict !== 'regression') continue;
    alerts.push({ runId: compact.runId, time: compact.startTime, kind: 'regression', severity: 'error', metric: f.metric, subject: f.subject, ...(f.project ? { project: f.project } : {}), message: f.note ?? 'regression' });
  }
  return alerts;
}

export async function recordRun(
  store: HistoryStore, compact: CompactRun, opts: ResolvedHistoryOptions,
  extras: { run?: RunRecord; budgets?: BudgetResult[]; record?: boolean; now?: number } = {},
): Promise<HistoryStageResult> {
  if (extras.record === false) {
    const data = await store.read();
    return { ...compareWithHistory(data, compact, opts, extras.run), added: false, removedRuns: [] };
  }
  return store.update((data) => {
    const result = compareWithHistory(data, compact, opts, extras.run);
    const added = !data.runs.some((r) => r.runId === compact.runId);
    if (added) {
      data.runs.push(compact);
      data.runs.sort((a, b) => a.startTime - b.startTime);
      data.alerts.push(...alertsFor(compact, extras.budgets ?? [], result.comparison));
    }
    const { removedRuns } = applyRetention(data, { keepRuns: opts.keepRuns, keepDays: opts.keepDays, now: extras.now });
    return { ...result, added, removedRuns };
  });
}
