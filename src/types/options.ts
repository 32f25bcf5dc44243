// Reporter options: `reporter: [['playwright-perf', options]]`. Validated in
// src/reporter/options.ts — an unknown key or wrong type is reported by name and the run goes on.
import type { BudgetRule } from './history';
import type { PrometheusOptions } from './export';

export interface PerfReporterOptions {
  /** Folder for run.json, report.json and index.html. Default 'perf-report' (relative to the config's rootDir... see docs/options.md). */
  outputDir?: string;
  /** Write the HTML report. Default true. */
  html?: boolean;
  /** Write report.json and run.json. Default true. */
  json?: boolean;
  /** Print the end-of-run summary. Default true. */
  summary?: boolean;
  /** How many slowest tests/files/steps to list. Default 10. */
  slowest?: number;
  /** System sampling interval in ms (100..60000), or false to turn sampling off. Default 500. */
  sampleIntervalMs?: number | false;
  /** Free-form labels stored in the run record's meta. */
  labels?: Record<string, string>;
  /** Run history (lowdb JSON file). false turns it off. */
  history?: false | HistoryOptions;
  /** Budgets / SLOs. */
  budgets?: Array<BudgetRule | string>;
  /** CI gate: change the exit code on error-level budget breaches and/or significant regressions. */
  gate?: GateOptions;
  /** Compute optimizer recommendations into the report. Default true. */
  recommendations?: boolean;
  /** Prometheus / OpenMetrics export (Pushgateway push at the end of the run). See docs/metrics-export.md. */
  prometheus?: PrometheusOptions;
}

export interface HistoryOptions {
  /** Default '.playwright-perf/history.json' (relative to the config's rootDir). */
  path?: string;
  /** Keep at most N runs. Default 200. */
  keepRuns?: number;
  /** Drop runs older than N days. Default 90. */
  keepDays?: number;
  /** Baseline: previous N runs of the same branch (default 10), a pinned name, or a run id. */
  baseline?: { previous?: number } | { pinned: string } | { runId: string };
  /** Minimum practical change to call a regression (relative). Default 0.05. */
  minChange?: number;
  /** False discovery rate for Benjamini-Hochberg. Default 0.05. */
  fdr?: number;
  /** Smallest absolute change (ms) of a duration worth reporting. Default 3. */
  minAbsChangeMs?: number;
}

export interface GateOptions {
  failOnBudget?: boolean;
  failOnRegression?: boolean;
  /** Earlier runs the baseline needs before a regression may fail the run. Default 5. */
  minBaselineRuns?: number;
  /** Samples per side (this run and the baseline) a regression needs to fail the run. Default 5;
   *  repeat the tests (`--repeat-each=5`) to gate on single tests. */
  minSamples?: number;
}

/** Fixture options: `use: { perfOptions: { ... } }` in playwright.config.ts or `test.use({ perfOptions: … })`. */
export interface PerfFixtureOptions {
  /** Master switch. Default true. */
  enabled?: boolean;
  startup?: boolean;
  navigation?: boolean;
  webVitals?: boolean;
  longTasks?: boolean;
  /** Client-side route changes of single-page apps (docs/metrics.md, "Route changes"). */
  routes?: boolean;
  locators?: boolean;
  userTimings?: boolean;
  runtime?: boolean;
}
