// The analysis pipeline: pure functions of the run record. Each analyzer is contained: a throw
// drops its section and becomes an entry in `analysis.errors`, the report is still produced.
// Rule: nothing under src/analyze/ may import fs, a browser, ts-morph or lowdb (checked by a test).
import type { PerfError, RunAnalysis, RunRecord } from '../types';
import { contain } from '../util/errors';
import { summarizeRun } from './summary';
import { analyzeWorkers } from './workers';
import { analyzeStartup } from './startup';
import { analyzeNavigation } from './navigation';
import { analyzeVitals } from './vitals';
import { analyzeLocators } from './locators';
import { analyzeActions } from './actions';
import { analyzeUserTimings } from './user-timings';
import { analyzeRuntime } from './runtime';

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
  // Sections fed by the perf fixtures (and, for actions, by Playwright's own steps).
  const optional = <K extends keyof RunAnalysis>(key: K, fn: () => RunAnalysis[K] | undefined) => {
    const value = contain(`analyze.${String(key)}`, errors, fn, undefined);
    if (value !== undefined) analysis[key] = value as RunAnalysis[K];
  };
  optional('startup', () => analyzeStartup(run));
  optional('navigation', () => analyzeNavigation(run, slowest));
  optional('vitals', () => analyzeVitals(run, slowest));
  optional('locators', () => analyzeLocators(run));
  optional('actions', () => analyzeActions(run, slowest));
  optional('userTimings', () => analyzeUserTimings(run));
  optional('runtime', () => analyzeRuntime(run));
  return analysis;
}
