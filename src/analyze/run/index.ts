// The analysis pipeline: pure functions of the run record. Each analyzer is contained: a throw
// drops its section and becomes an entry in `analysis.errors`, the report is still produced.
// Rule: nothing under src/analyze/ may import fs, a browser, ts-morph or lowdb (checked by a test).
import type { PerfError, RunAnalysis, RunRecord } from '../../types';
import { contain } from '../../util/errors';
import { maybeFault, type Faults } from '../../util/fault';
import { summarizeRun } from './summary';
import { analyzeWorkers, groupLanes } from './workers';
import { analyzeCriticalPath } from './critical-path';
import { analyzeSlowest } from './slowest';
import { analyzeBreakdown } from './breakdown';
import { analyzeFlaky, analyzeRetries } from './flaky';
import { analyzeSystem } from './system';
import { analyzeFlows } from './flows';
import { analyzeLighthouse } from './lighthouse';
import { analyzeStartup } from './startup';
import { analyzeNavigation } from './navigation';
import { analyzeRoutes } from './routes';
import { analyzeVitals } from './vitals';
import { analyzeLocators } from './locators';
import { analyzeActions } from './actions';
import { analyzeUserTimings } from './user-timings';
import { analyzeRuntime } from './runtime';

export interface AnalyzeOptions {
  /** Length of the slowest-N lists. */
  slowest?: number;
  /** Test-only: analyzers (`analyze.<section>`) that must throw, to prove each one is contained. */
  faults?: Faults;
}

export function analyzeRun(run: RunRecord, options: AnalyzeOptions = {}): RunAnalysis {
  const errors: PerfError[] = [];
  const n = options.slowest ?? 10;
  const run1 = <T>(where: string, fn: () => T, fallback: T): T =>
    contain(
      where,
      errors,
      () => {
        maybeFault(options.faults, where);
        return fn();
      },
      fallback,
    );
  const summary = summarizeRun(run);
  const lanes = run1('analyze.lanes', () => groupLanes(run), []);
  const analysis: RunAnalysis = {
    summary,
    workers: run1('analyze.workers', () => analyzeWorkers(run, lanes), []),
    criticalPath: run1('analyze.criticalPath', () => analyzeCriticalPath(run, lanes), null),
    slowest: run1('analyze.slowest', () => analyzeSlowest(run, n), { tests: [], files: [], steps: [] }),
    breakdown: run1('analyze.breakdown', () => analyzeBreakdown(run), {
      totalMs: summary.testTimeMs,
      fixturesMs: 0,
      hooksMs: 0,
      actionsMs: 0,
      expectsMs: 0,
      stepsMs: 0,
      otherMs: summary.testTimeMs,
    }),
    flaky: run1('analyze.flaky', () => analyzeFlaky(run), []),
    retries: run1('analyze.retries', () => analyzeRetries(run), { attempts: 0, wastedMs: 0 }),
    system: run1('analyze.system', () => analyzeSystem(run), null),
    errors,
  };
  // Sections fed by the perf fixtures, flows and Lighthouse (and, for actions, by Playwright's own
  // steps). Absent data leaves the section out.
  const optional = <K extends keyof RunAnalysis>(key: K, fn: () => RunAnalysis[K] | undefined) => {
    const value = run1(`analyze.${String(key)}`, fn, undefined);
    if (value !== undefined) analysis[key] = value as RunAnalysis[K];
  };
  optional('flows', () => analyzeFlows(run));
  optional('lighthouse', () => analyzeLighthouse(run));
  optional('startup', () => analyzeStartup(run));
  optional('navigation', () => analyzeNavigation(run, n));
  optional('routes', () => analyzeRoutes(run, n));
  optional('vitals', () => analyzeVitals(run, n));
  optional('locators', () => analyzeLocators(run));
  optional('actions', () => analyzeActions(run, n));
  optional('userTimings', () => analyzeUserTimings(run));
  optional('runtime', () => analyzeRuntime(run));
  return analysis;
}
