// Adds budgets, the history comparison, quality and the CI gate verdict to a report. Each part is
// contained: a broken history file costs the comparison (and says so), never the report.
import { resolve } from 'node:path';
import type { JsonReport, PerfReporterOptions } from '../types';
import { compactRun } from '../analyze/history/compact-run';
import { evaluateBudgets } from '../analyze/budgets/budgets';
import { evaluateGate } from '../analyze/budgets/gate';
import { resolveHistoryOptions } from '../store/options';
import { resolveBudgets, resolveGate } from '../analyze/budgets/options';
import { openHistoryStore } from '../store/history-store';
import { recordRun } from '../store/record-run';
import { perfError } from '../util/errors';

export interface HistoryStageContext {
  options: PerfReporterOptions;
  rootDir: string;
  /** Append this run to history (default true). Re-processing an old run.json passes false. */
  recordHistory?: boolean;
}

export async function addHistoryToReport(report: JsonReport, ctx: HistoryStageContext): Promise<void> {
  const run = report.run;
  const { history } = resolveHistoryOptions(ctx.options.history);
  const { budgets } = resolveBudgets(ctx.options.budgets);
  const { gate } = resolveGate(ctx.options.gate);
  if (!history && budgets.length === 0) return;
  const compact = compactRun(run);
  if (budgets.length) {
    try {
      const ev = evaluateBudgets(budgets, compactRun(run, { allRepeats: true }));
      report.budgets = ev.results;
      for (const rule of ev.unmatched)
        run.errors.push(
          perfError(
            'budgets',
            new Error(`budget "${rule}" matched no samples in this run (check the metric name and match glob)`),
          ),
        );
    } catch (e) {
      run.errors.push(perfError('budgets', e, { severity: 'error' }));
    }
  }
  if (history) {
    try {
      const store = openHistoryStore(history.url ?? resolve(ctx.rootDir, history.path));
      const res = await recordRun(store, compact, history, {
        run,
        budgets: report.budgets,
        record: ctx.recordHistory !== false,
      }).finally(() => store.close?.());
      if (res.comparison) report.history = res.comparison;
      report.quality = res.quality;
    } catch (e) {
      run.errors.push(perfError('store.history', e, { severity: 'error' }));
    }
  }
  if (gate.failOnBudget || gate.failOnRegression) report.gate = evaluateGate(gate, report.budgets, report.history);
}
