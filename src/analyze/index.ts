// The analysis pipeline: pure functions of the run record. Each analyzer is contained: a throw
// drops its section and becomes an entry in `analysis.errors`, the report is still produced.
// Rule: nothing under src/analyze/ may import fs, a browser, ts-morph or lowdb (checked by a test).
import type { PerfError, RunAnalysis, RunRecord } from '../types';
import { contain } from '../util/errors';
import { summarizeRun } from './summary';
import { analyzeWorkers } from './workers';
import { analyzeFlows } from './flows';

export interface AnalyzeOptions {
  /** Length of the slowest-N lists. */
  slowest?: number;
}

export function analyzeRun(run: RunRecord, options: AnalyzeOptions = {}): RunAnalysis {
  const errors: PerfError[] = [];
  const slowest = options.slowest ?? 10;
  const summary = summarizeRun(run);
  const workers = contain('analyze.workers', errors, () => analyzeWorkers(run), []);
  const analysis: RunAnalysis = {
    summary,
    workers,
    criticalPath: null,
    slowest: { tests: [], files: [], steps: [] },
    breakdown: { totalMs: summary.testTimeMs, fixturesMs: 0, hooksMs: 0, actionsMs: 0, expectsMs: 0, stepsMs: 0, otherMs: summary.testTimeMs },
    flaky: [],
    retries: { attempts: 0, wastedMs: 0 },
    system: null,
    errors,
  };
  const flows = contain('analyze.flows', errors, () => analyzeFlows(run), undefined);
  if (flows) analysis.flows = flows;
  void slowest;
  return analysis;
}
