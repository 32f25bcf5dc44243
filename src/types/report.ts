// The JSON report (`perf-report/report.json`): the run record plus everything derived from it.
// Its JSON Schema is published in docs/report.schema.json and checked in tests.
import type { RunRecord } from './run-record';
import type { RunAnalysis } from './analysis';
import type { HistoryComparison, BudgetResult, QualitySummary } from './history';
import type { Recommendation } from './optimize';

export const JSON_REPORT_KIND = 'playwright-perf-report';
export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  kind: typeof JSON_REPORT_KIND;
  schemaVersion: number;
  generatedAt: string;
  run: RunRecord;
  analysis: RunAnalysis;
  /** Comparison with the baseline from history (absent when history is off or empty). */
  history?: HistoryComparison;
  budgets?: BudgetResult[];
  quality?: QualitySummary;
  recommendations?: Recommendation[];
  /** Verdict of the CI gate (when enabled): why the run's exit code was changed. */
  gate?: GateVerdict;
}

export interface GateVerdict {
  failed: boolean;
  reasons: string[];
  /** With `failOnRegression`: whether regressions can fail this run. Not armed until the baseline
   *  has `gate.minBaselineRuns` earlier runs (default 5); `reason` says why not. */
  regressionGate?: {
    armed: boolean;
    reason?: string;
    regressionsSeen: number;
    /** Regressions that did not count: fewer than `minSamples` (gate.minSamples) samples on a side. */
    unconfirmed?: number;
    minSamples?: number;
  };
}
