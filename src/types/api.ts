// Contracts of the `playwright-perf serve` JSON API (/api/v1/…): the body of every response.
// docs/openapi.json is generated from these types (scripts/openapi.mjs), and the e2e tests validate
// every response against it, so the documented shapes cannot drift from the code.
import type {
  AlertStatus,
  AppliedOptimization,
  OptimizationEffect,
  CompactRun,
  CompactTest,
  HistoryAlert,
  HistoryComparison,
  MetricKey,
  QualitySummary,
  RegressionFinding,
} from './history';

export const API_VERSION = 1;

/** Every 4xx/5xx body. `field` names the query parameter, path segment or body property at fault. */
export interface ApiErrorResponse {
  error: { status: number; code: string; message: string; field?: string };
}

export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
}

/** One run in lists: what a row of the runs table shows. */
export interface RunListItem {
  runId: string;
  startTime: number;
  wallTimeMs: number;
  status: string;
  interrupted: boolean;
  branch?: string;
  commit?: string;
  machineClass: string;
  shard?: string;
  tests: TestCounts;
  metricSeries: number;
  alerts: number;
}

export interface RunListResponse {
  total: number;
  offset: number;
  limit: number;
  items: RunListItem[];
}

export interface TestDuration {
  subject: string;
  project: string;
  outcome: CompactTest['outcome'];
  /** Longest attempt (ms). */
  durationMs: number;
}

export interface RunDetailResponse {
  summary: RunListItem;
  /** The run as stored in history (every test's outcome and attempts, every metric series). */
  run: CompactRun;
  analysis: {
    /** Flakiness and failure kinds over the runs up to this one. */
    quality: QualitySummary;
    slowest: TestDuration[];
    /** Where the comparison with the run's baseline is (RegressionsResponse). */
    regressions: string;
  };
  alerts: HistoryAlert[];
}

export interface RegressionsResponse {
  runId: string;
  /** null when no earlier run could serve as a baseline (`reason` says why). */
  comparison: HistoryComparison | null;
  reason?: string;
}

export interface SeriesPoint {
  runId: string;
  time: number;
  /** Median of the run's samples. */
  value: number;
  samples: number;
  min: number;
  max: number;
}

export interface SeriesResponse extends MetricKey {
  /** Oldest first, at most `last` runs that have the series. */
  points: SeriesPoint[];
  /** Relative change of the latest point against the median of the earlier ones; null with < 2 points. */
  change: number | null;
}

export interface TrendItem extends MetricKey {
  points: SeriesPoint[];
  change: number | null;
  latest: number | null;
}

export interface TrendsResponse {
  metric: string;
  last: number;
  /** Series of this metric in the window (items lists the `limit` most changed). */
  total: number;
  items: TrendItem[];
}

export interface MetricsResponse {
  items: Array<{ metric: string; series: number; runs: number }>;
}

export interface TestDiff {
  subject: string;
  project: string;
  baseMs: number | null;
  headMs: number | null;
  change: number | null;
  baseOutcome: CompactTest['outcome'] | null;
  headOutcome: CompactTest['outcome'] | null;
}

export interface CompareResponse {
  base: RunListItem;
  head: RunListItem;
  wallTimeChange: number | null;
  /** Tests in both runs, most changed first (bounded by `limit`). */
  tests: TestDiff[];
  onlyInBase: number;
  onlyInHead: number;
  /** Outcome changes (e.g. passed → failed). */
  outcomeChanges: number;
  /** Per metric series, the regression engine with the base run as the baseline. */
  metrics: RegressionFinding[];
  metricSummary: NonNullable<HistoryComparison['summary']>;
  caveats: string[];
}

export interface FlakyItem {
  subject: string;
  project: string;
  runs: number;
  flakyRuns: number;
  failedRuns: number;
  /** Share of runs that were flaky (passed on retry) or passed right after a failure. */
  flakinessIndex: number;
  /** Share of consecutive runs whose pass/fail differs. */
  flipRate: number;
  lastRunId: string;
}

export interface FlakyResponse {
  window: number;
  runs: number;
  items: FlakyItem[];
}

export interface SlowestItem {
  subject: string;
  project: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  latestMs: number;
}

export interface SlowestResponse {
  window: number;
  runs: number;
  items: SlowestItem[];
}

export interface TestHistoryPoint {
  runId: string;
  time: number;
  branch?: string;
  outcome: CompactTest['outcome'];
  /** Last passed attempt (ms), or null when no attempt passed. */
  durationMs: number | null;
  attempts: Array<[string, number]>;
}

export interface TestHistoryResponse {
  subject: string;
  project: string;
  points: TestHistoryPoint[];
  medianMs: number | null;
  flakyRuns: number;
  failedRuns: number;
  /** Metric series this test carries across runs (test.duration, and steps/URLs it names). */
  metrics: MetricKey[];
}

export interface TestSearchResponse {
  total: number;
  items: Array<{ subject: string; project: string; runs: number }>;
}

export interface AlertListResponse {
  total: number;
  offset: number;
  limit: number;
  items: HistoryAlert[];
}

export interface AlertUpdateRequest {
  note?: string;
}

export interface AlertUpdateResponse {
  alert: HistoryAlert;
}

/** What the runs in history before and after an optimisation show. */
export interface WallTimeEffect {
  runsBefore: number;
  runsAfter: number;
  wallTimeBeforeMs: number | null;
  wallTimeAfterMs: number | null;
  /** Relative change of the median wall time (negative = faster); null without runs on both sides. */
  change: number | null;
}

export interface OptimizationItem extends Omit<AppliedOptimization, 'backupId' | 'effect'> {
  /** Median wall time of the runs before vs after it, from history. */
  effect: WallTimeEffect;
  /** What `optimize --validate` measured when it applied the change (when it was validated). */
  validation?: OptimizationEffect;
  /** The config backup that `rollback` restores, when the optimizer recorded one. */
  backupId: string | null;
}

export interface OptimizationsResponse {
  items: OptimizationItem[];
}

export interface RollbackRequest {
  force?: boolean;
}

export interface RollbackResponse {
  optimizationId: string;
  backupId: string;
  configFile: string;
  restoredFrom: string;
}

/** One load test run as kept in history; fields beyond these depend on the load test. */
export interface LoadTestResult {
  id: string;
  name: string;
  startTime: number;
  [field: string]: unknown;
}

export interface LoadTestsResponse {
  items: LoadTestResult[];
}

export interface GateHistoryItem {
  runId: string;
  time: number;
  branch?: string;
  /** No error-severity alert (regression or budget) was recorded for the run. */
  passed: boolean;
  regressions: number;
  budgetBreaches: number;
}

export interface GateHistoryResponse {
  items: GateHistoryItem[];
}

export interface SummaryResponse {
  runs: number;
  firstRunTime: number | null;
  latest: RunListItem | null;
  /** Over the recent runs: share of runs with status passed. */
  passRate: number | null;
  recent: RunListItem[];
  alerts: Record<AlertStatus, number>;
  flakyTests: number;
  branches: string[];
  machineClasses: string[];
}

export interface HealthResponse {
  status: 'ok' | 'error';
  store: string;
  runs: number;
  loadedAt: number | null;
  error?: string;
}

export interface VersionResponse {
  name: string;
  version: string;
  apiVersion: number;
  node: string;
}
