// The compact view model embedded in the HTML report. It is NOT the JSON report: rows are tuples
// (column names travel in `cols`, so the page and the builder share one definition), repeated
// strings are interned in `strings`, and full step trees are embedded only for a bounded number of
// tests (failing, flaky and slowest first) so a 10,000-test report stays a few megabytes.
import type {
  RunSummary,
  StepStat,
  BudgetResult,
  Recommendation,
  RegressionFinding,
  QualitySummary,
  NavigationAnalysis,
  VitalsAnalysis,
  LocatorAnalysis,
  FlowAnalysis,
  StartupAnalysis,
  LighthouseAnalysis,
  ActionAnalysis,
  UserTimingAnalysis,
  FlowResult,
  Missing,
  PerfError,
  MetricKey,
  RouteAnalysis,
} from '../../types';
import { rowCodec, type CompactRow } from './row-codec';

export const VIEW_MODEL_VERSION = 1;

/** Where a test's time went; the same buckets for the run and per test (see breakdown.ts). */
export const BUCKETS = ['fixtures', 'hooks', 'navigation', 'actions', 'assertions', 'waits', 'other'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Test outcomes by code (`TestFields.outcome`). */
export const OUTCOMES = ['passed', 'failed', 'flaky', 'skipped'] as const;
/** Attempt statuses by code (`TestFields.status`, `AttemptFields.status`); 4 = no attempt ran. */
export const STATUSES = ['passed', 'failed', 'timedOut', 'skipped', 'interrupted'] as const;

/** One test (a `ViewModel.tests` row). */
export type TestFields = {
  id: string;
  title: string;
  /** Describe path (titles joined by ' › '), without the test's own title. */
  path: string;
  /** Index into `ViewModel.strings`. */
  file: number;
  line: number;
  /** Index into `ViewModel.strings` ('' = default project). */
  project: number;
  /** Index into OUTCOMES. */
  outcome: number;
  /** Index into STATUSES of the last attempt. */
  status: number;
  /** Sum over attempts. */
  durationMs: number;
  attempts: number;
  /** First attempt's start from run start; -1 when none ran. */
  startMs: number;
  /** Timeline lane of the first attempt; -1 when none ran. */
  lane: number;
  tags: string;
  /** 1 when `ViewModel.details` has this test's step tree. */
  detail: number;
} & Record<Bucket, number>;

/** One attempt (a `ViewModel.attempts` row): a mark on the timeline. */
export interface AttemptFields {
  /** Index into `ViewModel.tests`. */
  test: number;
  retry: number;
  lane: number;
  startMs: number;
  durationMs: number;
  /** Index into STATUSES. */
  status: number;
  worker: number;
}

/** One step of a test detail's step tree. */
export interface StepFields {
  /** Index into `ViewModel.strings`. */
  title: number;
  /** Index into `ViewModel.strings`. */
  category: number;
  /** From the attempt's start. */
  startMs: number;
  durationMs: number;
  /** Index into BUCKETS. */
  bucket: number;
  error: string | 0;
  params: Record<string, string> | 0;
  children: StepRow[] | 0;
}

/** An idle stretch inside a lane's active span (a `ViewModel.idleGaps` row). */
export interface IdleGapFields {
  lane: number;
  startMs: number;
  durationMs: number;
}

/** A system sample (a `ViewModel.system` row). */
export interface SystemSampleFields {
  /** From run start. */
  atMs: number;
  /** 0..1 */
  cpu: number;
  memUsedBytes: number;
}

/** Column order of `ViewModel.tests` rows. */
export const TEST_COLS = [
  'id',
  'title',
  'path',
  'file',
  'line',
  'project',
  'outcome',
  'status',
  'durationMs',
  'attempts',
  'startMs',
  'lane',
  'tags',
  'detail',
  ...BUCKETS,
] as const;
/** Column order of `ViewModel.attempts` rows (one per attempt: the timeline marks). */
export const ATTEMPT_COLS = ['test', 'retry', 'lane', 'startMs', 'durationMs', 'status', 'worker'] as const;
/** Column order of step rows inside test details. */
export const STEP_COLS = [
  'title',
  'category',
  'startMs',
  'durationMs',
  'bucket',
  'error',
  'params',
  'children',
] as const;

export const TEST_ROW = rowCodec<TestFields>()(TEST_COLS);
export const ATTEMPT_ROW = rowCodec<AttemptFields>()(ATTEMPT_COLS);
export const STEP_ROW = rowCodec<StepFields>()(STEP_COLS);
export const IDLE_GAP_ROW = rowCodec<IdleGapFields>()(['lane', 'startMs', 'durationMs'] as const);
export const SYSTEM_SAMPLE_ROW = rowCodec<SystemSampleFields>()(['atMs', 'cpu', 'memUsedBytes'] as const);

export type TestRow = CompactRow<TestFields>;
export type AttemptRow = CompactRow<AttemptFields>;
export type StepRow = CompactRow<StepFields>;
export type IdleGapRow = CompactRow<IdleGapFields>;
export type SystemSampleRow = CompactRow<SystemSampleFields>;

export interface AttemptDetail {
  retry: number;
  status: string;
  lane: number;
  worker: number;
  startMs: number;
  durationMs: number;
  errors: Array<{ message: string; location?: string }>;
  steps: StepRow[];
  /** True when the step tree was cut at STEP_NODES_PER_TEST. */
  stepsTruncated: boolean;
  attachments: Array<{ name: string; contentType: string; bytes?: number }>;
  navigations: Array<{
    url: string;
    type: string;
    step?: string;
    startMs: number;
    ttfbMs: number;
    domContentLoadedMs: number;
    loadMs: number;
    durationMs: number;
    transferBytes: number;
    httpStatus?: number;
  }>;
  vitals: Array<{
    name: string;
    value: number;
    rating: string;
    url: string;
    step?: string;
    attribution?: string;
    startMs: number;
  }>;
  locators: Array<{
    selector: string;
    action: string;
    step?: string;
    totalMs: number;
    resolveMs: number;
    actionabilityMs: number;
    actionMs: number;
    retries: number;
    ok: boolean;
  }>;
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
    route: string;
    url: string;
    trigger: string;
    cause: string;
    step?: string;
    durationMs: number;
    source: string;
    testId: string;
  }>;
}

export interface TestDetail {
  annotations: Array<{ type: string; description?: string }>;
  attempts: AttemptDetail[];
}

export interface TrendSeries extends MetricKey {
  points: Array<[time: number, value: number]>; // epoch ms
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
    meta: Array<[label: string, value: string]>;
  };
  summary: RunSummary;
  cols: { tests: readonly string[]; attempts: readonly string[]; steps: readonly string[]; buckets: readonly string[] };
  strings: string[];
  tests: TestRow[];
  attempts: AttemptRow[];
  /** Run-wide milliseconds per bucket (BUCKETS order). */
  buckets: number[];
  lanes: Array<{ lane: number; label: string; busyMs: number; idleMs: number; utilisation: number; attempts: number }>;
  /** Idle gaps inside a lane's active span longer than IDLE_GAP_MIN_MS. */
  idleGaps: IdleGapRow[];
  critical: { lane: number; tailMs: number; reason: string; attempts: number[] } | null;
  system: SystemSampleRow[];
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
  history?: {
    baseline: string;
    caveats: string[];
    findings: RegressionFinding[];
    trends: TrendSeries[];
    findingsTotal: number;
    trendsTotal: number;
  };
  budgets: BudgetResult[];
  quality?: QualitySummary;
  recommendations: Recommendation[];
  gate?: { failed: boolean; reasons: string[] };
  errors: PerfError[];
}
