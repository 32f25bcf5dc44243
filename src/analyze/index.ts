// The analysis pipeline: pure functions of the run record. Each analyzer is contained: a throw
// drops its section and becomes an entry in `analysis.errors`, the report is still produced.
// Rule: nothing under src/analyze/ may import fs, a browser, ts-morph or lowdb (checked by a test).
import type { PerfError, RunAnalysis, RunRecord } from '../types';
import { contain } from '../util/errors';
import { summarizeRun } from './summary';
import { analyzeWorkers, groupLanes } from './workers';
import { analyzeCriticalPath } from './critical-path';
import { analyzeSlowest } from './slowest';
import { analyzeBreakdown } from './breakdown';
import { analyzeFlaky, analyzeRetries } from './flaky';
import { analyzeSystem } from './system';
import { analyzeFlows } from './flows';

export interface AnalyzeOptions {
  /** Length of the slowest-N lists. */
  slowest?: number;
}

/** Test-only fault injection (docs/options.md): PLAYWRIGHT_PERF_FAULT=analyze.<name> makes that analyzer throw. */
function maybeFault(where: string): void {
  if (typeof process !== 'undefined' && (process.env.PLAYWRIGHT_PERF_FAULT ?? '').split(',').includes(where)) throw new Error(`injected fault in ${where} (PLAYWRIGHT_PERF_FAULT)`);
}

export function analyzeRun(run: RunRecord, options: AnalyzeOptions = {}): RunAnalysis {
  const errors: PerfError[] = [];
  const n = options.slowest ?? 10;
  const run1 = <T>(where: string, fn: () => T, fallback: T): T => contain(where, errors, () => { maybeFault(where); return fn(); }, fallback);
  const summary = summarizeRun(run);
  const lanes = run1('analyze.lanes', () => groupLanes(run), []);
  const analysis: RunAnalysis = {
    summary,
    workers: run1('analyze.workers', () => analyzeWorkers(run, lanes), []),
    criticalPath: run1('analyze.criticalPath', () => analyzeCriticalPath(run, lanes), null),
    slowest: run1('analyze.slowest', () => analyzeSlowest(run, n), { tests: [], files: [], steps: [] }),
    breakdown: run1('analyze.breakdown', () => analyzeBreakdown(run),
      { totalMs: summary.testTimeMs, fixturesMs: 0, hooksMs: 0, actionsMs: 0, expectsMs: 0, stepsMs: 0, otherMs: summary.testTimeMs }),
    flaky: run1('analyze.flaky', () => analyzeFlaky(run), []),
    retries: run1('analyze.retries', () => analyzeRetries(run), { attempts: 0, wastedMs: 0 }),
    system: run1('analyze.system', () => analyzeSystem(run), null),
    errors,
  };
  const flows = run1('analyze.flows', () => analyzeFlows(run), undefined);
  if (flows) analysis.flows = flows;
  return analysis;
}
