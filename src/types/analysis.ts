// Output of the pure analysis (src/analyze/): a function of the run record only — no fs, no browser.
// Sections other than the core are optional: each is produced by its own analyzer, and an analyzer
// that throws leaves its section out and adds an entry to `errors` instead of failing the report.
import type { EpochMs, PerfError } from './run-record';
import type {
  StartupAnalysis,
  NavigationAnalysis,
  VitalsAnalysis,
  LocatorAnalysis,
  ActionAnalysis,
  UserTimingAnalysis,
  FlowAnalysis,
  LighthouseAnalysis,
  RuntimeAnalysis,
  RouteAnalysis,
} from './sections';

export interface RunAnalysis {
  summary: RunSummary;
  /** One lane per parallelIndex (per shard after a merge). */
  workers: WorkerLane[];
  criticalPath: CriticalPath | null;
  slowest: SlowestLists;
  breakdown: TimeBreakdown;
  flaky: FlakyTest[];
  retries: { attempts: number; wastedMs: number };
  system: SystemSummary | null;
  startup?: StartupAnalysis;
  navigation?: NavigationAnalysis;
  /** Single-page-app route changes. */
  routes?: RouteAnalysis;
  vitals?: VitalsAnalysis;
  locators?: LocatorAnalysis;
  actions?: ActionAnalysis;
  userTimings?: UserTimingAnalysis;
  flows?: FlowAnalysis;
  runtime?: RuntimeAnalysis;
  lighthouse?: LighthouseAnalysis;
  /** Analyzer failures (contained). */
  errors: PerfError[];
}

export interface RunSummary {
  status: string;
  interrupted: boolean;
  wallTimeMs: number;
  tests: number;
  attempts: number;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  timedOut: number;
  /** Σ of all attempt durations. */
  testTimeMs: number;
  /** Worker slots available (config.workers, summed across merged shards). */
  workers: number;
  /** Σ attempt time ÷ (workers × wall time), 0..1. */
  parallelEfficiency: number;
}

export interface WorkerLane {
  /** parallelIndex, or `${shard}:${parallelIndex}` lanes flattened to a number after merges. */
  lane: number;
  shardIndex?: number;
  workerIndices: number[];
  busyMs: number;
  idleMs: number;
  attempts: number;
  firstStart: EpochMs;
  lastEnd: EpochMs;
  /** busy ÷ wall time. */
  utilisation: number;
}

export interface CriticalPath {
  lane: number;
  lastEnd: EpochMs;
  /** How long this lane ran after the second-to-last lane went idle for good. */
  tailMs: number;
  /** Attempts on that lane in order (test id + retry). */
  attempts: Array<{ testId: string; retry: number; durationMs: number }>;
  /** Human explanation, e.g. "lane 1 finished 4.2 s after the others: tests/big.spec.ts ran serially". */
  reason: string;
}

export interface SlowestLists {
  tests: Array<{ testId: string; title: string; file: string; project: string; durationMs: number; attempts: number }>;
  files: Array<{ file: string; durationMs: number; tests: number }>;
  steps: Array<StepStat>;
}

export interface StepStat {
  title: string;
  category: string;
  /** The step's main parameter (url, locator, selector) when it has one; steps are grouped by category + title + detail. */
  detail?: string;
  count: number;
  totalMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Where test time went. Top-level steps only (the 'Before/After Hooks' containers are opened one
 *  level to separate fixtures from hooks), so nothing is counted twice: the parts sum to totalMs. */
export interface TimeBreakdown {
  /** Σ attempt spans: start to last step end, including worker fixtures (browser launch) that
   *  Playwright leaves out of a test's duration — so it can exceed summary.testTimeMs. */
  totalMs: number;
  fixturesMs: number;
  hooksMs: number;
  actionsMs: number;
  expectsMs: number;
  stepsMs: number;
  /** Test time not inside any step (plain code in the test body, waits, timers). */
  otherMs: number;
}

export interface FlakyTest {
  testId: string;
  title: string;
  file: string;
  project: string;
  statuses: string[];
}

export interface SystemSummary {
  samples: number;
  cpuAvg: number;
  cpuP95: number;
  cpuMax: number;
  memUsedMaxBytes: number;
  memTotalBytes: number;
  load1Max: number;
  chromiumProcessesMax: number;
}
