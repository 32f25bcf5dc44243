// The compact view model embedded in the HTML report. It is NOT the JSON report: rows are tuples
// (column names travel in `cols`, so the page and the builder share one definition), repeated
// strings are interned in `strings`, and full step trees are embedded only for a bounded number of
// tests (failing, flaky and slowest first) so a 10,000-test report stays a few megabytes.
import type {
  RunSummary, StepStat, BudgetResult, Recommendation, RegressionFinding, QualitySummary,
  NavigationAnalysis, VitalsAnalysis, LocatorAnalysis, FlowAnalysis, StartupAnalysis, LighthouseAnalysis,
  ActionAnalysis, UserTimingAnalysis, FlowResult, Missing, PerfError, MetricKey, RouteAnalysis,
} from '../../types';

export const VIEW_MODEL_VERSION = 1;

/** Where a test's time went; the same buckets for the run and per test (see breakdown.ts). */
export const BUCKETS = ['fixtures', 'hooks', 'navigation', 'actions', 'assertions', 'waits', 'other'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Column order of `ViewModel.tests` rows. */
export const TEST_COLS = [
  'id', 'title', 'path', 'file', 'line', 'project', 'outcome', 'status', 'durationMs', 'attempts',
  'startMs', 'lane', 'tags', 'detail', ...BUCKETS,
] as const;
/** Column order of `ViewModel.attempts` rows (one per attempt: the timeline marks). */
export const ATTEMPT_COLS = ['test', 'retry', 'lane', 'startMs', 'durationMs', 'status', 'worker'] as const;
/** Column order of step tuples inside test details. */
export const STEP_COLS = ['title', 'category', 'startMs', 'durationMs', 'bucket', 'error', 'params', 'children'] as const;

/** A test row: values in TEST_COLS order. file/project are indexes into `strings`. */
export type TestRow = Array<string | number>;
export type AttemptRow = number[];
/** [titleIdx, categoryIdx, startMs (from attempt start), durationMs, bucketIdx, error|0, params|0, children|0] */
export type StepTuple = [number, number, number, number, number, string | 0, Record<string, string> | 0, StepTuple[] | 0];

export interface AttemptDetail {
  retry: number;
  status: string;
  lane: number;
  worker: number;
  startMs: number;
  durationMs: number;
  errors: Array<{ message: string; location?: string }>;
  steps: StepTuple[];
  /** True when the step tree was cut at STEP_NODES_PER_TEST. */
  stepsTruncated: boolean;
  attachments: Array<{ name: string; contentType: string; bytes?: number }>;
  navigations: Array<{ url: string; type: string; step?: string; startMs: number; ttfbMs: number; domContentLoadedMs: number; loadMs: number; durationMs: number; transferBytes: number; httpStatus?: number }>;
  vitals: Array<{ name: string; value: number; rating: string; url: string; step?: string; attribution?: string; startMs: number }>;
  locators: Array<{ selector: string; action: string; step?: string; totalMs: number; resolveMs: number; actionabilityMs: number; actionMs: number; retries: number; ok: boolean }>;
  flows: FlowResult[];
  /** Single-page-app route changes of this attempt (absent when there were none). */
  routes?: AttemptRouteRow[];
  startup: Array<{ phase: string; durationMs: number; temperature: string }>;
  missing: Missing[];
  collectorErrors: Array<{ where: string; message: string }>;
}

/** One route change in a test's detail view; `source` is where its start time came from. */
export interface AttemptRouteRow {
  route: string;
  trigger: string;
  cause: string;
  step?: string;
  /** From the attempt's start. */
  startMs: number;
  durationMs: number;
  complete: boolean;
  cls: number;
  inpMs?: number;
  longTasks: number;
  source: string;
}

/** Run-wide route changes: per-route distributions and the slowest changes. */
export interface RoutesView {
  perRoute: RouteAnalysis['perRoute'];
  slowest: Array<{
    route: string; url: string; trigger: string; cause: string; step?: string; durationMs: number; source: string; testId: string;
  }>;
}

export interface TestDetail {
  annotations: Array<{ type: string; description?: string }>;
  attempts: AttemptDetail[];
}

export interface TrendSeries extends MetricKey {
  points: Array<[number, number]>; // [epoch ms, value]
  verdict?: RegressionFinding['verdict'];
  change?: number | null;
}

export interface ViewModel {
  v: number;
  generatedAt: string;
  run: {
    runId: string;
    startedAt: string;
    startTime: number;
    status: string;
    interrupted: boolean;
    wallTimeMs: number;
    workers: number;
    meta: Array<[string, string]>;
  };
  summary: RunSummary;
  cols: { tests: readonly string[]; attempts: readonly string[]; steps: readonly string[]; buckets: readonly string[] };
  strings: string[];
  tests: TestRow[];
  attempts: AttemptRow[];
  /** Run-wide milliseconds per bucket (BUCKETS order). */
  buckets: number[];
  lanes: Array<{ lane: number; label: string; busyMs: number; idleMs: number; utilisation: number; attempts: number }>;
  /** Idle gaps inside a lane's active span longer than IDLE_GAP_MIN_MS: [lane, startMs, durationMs]. */
  idleGaps: number[][];
  critical: { lane: number; tailMs: number; reason: string; attempts: number[] } | null;
  /** [ms from run start, cpu 0..1, memory used bytes] */
  system: number[][];
  memTotalBytes: number;
  slowestFiles: Array<{ file: string; durationMs: number; tests: number }>;
  slowestSteps: StepStat[];
  details: Record<number, TestDetail>;
  detailStats: { embedded: number; total: number };
  navigation?: NavigationAnalysis;
  /** Single-page-app route changes (absent when the run had none). */
  routes?: RoutesView;
  vitals?: VitalsAnalysis;
  locators?: LocatorAnalysis;
  actions?: ActionAnalysis;
  userTimings?: UserTimingAnalysis;
  flows?: FlowAnalysis;
  flowSamples: FlowResult[];
  startup?: StartupAnalysis;
  lighthouse?: LighthouseAnalysis;
  history?: { baseline: string; caveats: string[]; findings: RegressionFinding[]; trends: TrendSeries[]; findingsTotal: number; trendsTotal: number };
  budgets: BudgetResult[];
  quality?: QualitySummary;
  recommendations: Recommendation[];
  gate?: { failed: boolean; reasons: string[] };
  errors: PerfError[];
}
