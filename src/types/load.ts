// Load tests (`playwright-perf load`): the definition a user writes (`defineLoadTest({...})`) and
// the JSON report a run writes (load-report/load.json, schema in docs/load-report.schema.json).
// Executor names and options follow k6 so its users recognise them. Durations are either a
// number of milliseconds or a string such as '500ms', '30s', '2m', '1h'.

/** Milliseconds, or '250ms' / '30s' / '2m' / '1h'. */
export type LoadDuration = number | string;

/** Pause after each iteration of a closed-model scenario: fixed, or uniformly random in [min, max]. */
export type ThinkTime = LoadDuration | { min: LoadDuration; max: LoadDuration };

export interface LoadStage {
  duration: LoadDuration;
  /** VUs (ramping-vus) or iterations per timeUnit (ramping-arrival-rate) reached at the stage's end. */
  target: number;
}

interface ScenarioBase {
  /** Delay from the start of the test before this scenario starts (default 0). */
  startTime?: LoadDuration;
  /** Time iterations still running at the scenario's end get to finish before they are aborted (default 30s). */
  gracefulStop?: LoadDuration;
  /** Limit for one iteration; a longer one is aborted and counted as a timeout error (default 60s). */
  iterationTimeout?: LoadDuration;
  /** Options for the browser context each iteration gets (Playwright `browser.newContext` options). */
  contextOptions?: Record<string, unknown>;
  /** 'iteration' (default): a fresh context per iteration, instrumented (navigation timing, Web
   *  Vitals). 'vu': each VU keeps one context and page across its iterations, like a returning user —
   *  ~5x cheaper for the generator (no new renderer per iteration), but without page
   *  instrumentation (flows, steps and marks are still measured). */
  context?: 'iteration' | 'vu';
}

export interface ConstantVusScenario extends ScenarioBase {
  executor: 'constant-vus';
  vus: number;
  duration: LoadDuration;
  thinkTime?: ThinkTime;
}

export interface RampingVusScenario extends ScenarioBase {
  executor: 'ramping-vus';
  startVUs?: number;
  stages: LoadStage[];
  /** Time a VU that is ramped down gets to finish its iteration (default 30s). */
  gracefulRampDown?: LoadDuration;
  thinkTime?: ThinkTime;
}

export interface PerVuIterationsScenario extends ScenarioBase {
  executor: 'per-vu-iterations';
  vus: number;
  iterations: number;
  /** Default 10m. */
  maxDuration?: LoadDuration;
  thinkTime?: ThinkTime;
}

export interface SharedIterationsScenario extends ScenarioBase {
  executor: 'shared-iterations';
  vus: number;
  iterations: number;
  maxDuration?: LoadDuration;
  thinkTime?: ThinkTime;
}

export interface ConstantArrivalRateScenario extends ScenarioBase {
  executor: 'constant-arrival-rate';
  /** Iterations started per timeUnit, whatever the app's latency (open model). */
  rate: number;
  /** Default '1s'. */
  timeUnit?: LoadDuration;
  duration: LoadDuration;
  preAllocatedVUs: number;
  /** Default preAllocatedVUs. An iteration due when all maxVUs are busy is dropped (and counted). */
  maxVUs?: number;
}

export interface RampingArrivalRateScenario extends ScenarioBase {
  executor: 'ramping-arrival-rate';
  startRate?: number;
  timeUnit?: LoadDuration;
  stages: LoadStage[];
  preAllocatedVUs: number;
  maxVUs?: number;
}

export type LoadScenarioModel =
  | ConstantVusScenario
  | RampingVusScenario
  | PerVuIterationsScenario
  | SharedIterationsScenario
  | ConstantArrivalRateScenario
  | RampingArrivalRateScenario;

export type LoadExecutor = LoadScenarioModel['executor'];

/** A k6-style threshold: 'p95 < 2000', 'p(99)<=3000', 'avg < 500', 'rate < 0.01', 'count > 10'. */
export type ThresholdExpression = string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: LoadDuration };

export interface LoadBrowserOptions {
  /** Playwright browser-server endpoints (`npx playwright run-server`, `launchServer`, a grid):
   *  worker i uses endpoint i mod n. Without it each worker launches Chromium itself. */
  connect?: string | string[];
  /** Chromium binary (default: Playwright's, then $PLAYWRIGHT_PERF_CHROMIUM, then system Chromium). */
  executablePath?: string;
  headless?: boolean;
  args?: string[];
}

export interface GeneratorLimits {
  /** Machine CPU busy fraction (0–1) above which a window is saturated (default 0.9). */
  maxCpu?: number;
  /** Event-loop delay p99 (ms) in any worker above which a window is saturated (default 100). */
  maxEventLoopDelayMs?: number;
}

/** Resolved options shared by every scenario. */
export interface LoadTestOptions {
  /** Metrics window (default 1s; 250ms–5s). */
  window?: LoadDuration;
  /** Worker processes, each with one browser shared by its VUs (default: one per core). */
  workers?: number;
  browser?: LoadBrowserOptions;
  /** `use.perfOptions` for the VUs' pages. Defaults for load: navigation, webVitals and userTimings
   *  on; locators, runtime, longTasks and startup off (they cost CPU per iteration). */
  perfOptions?: Record<string, boolean>;
  /** Relative accuracy of the quantile sketches (default 0.01 = 1 %). */
  relativeAccuracy?: number;
  generator?: GeneratorLimits;
  /** Metric used by the scalability analysis (default 'iteration'). */
  scalabilityMetric?: string;
}

/** The loaded definition: `export default defineLoadTest({ scenarios: { … }, thresholds: { … } })`. */
export interface LoadTestDefinition<Exec = unknown> {
  scenarios: Record<string, LoadScenarioModel & { exec: Exec }>;
  thresholds?: Record<string, ThresholdExpression[]>;
  options?: LoadTestOptions;
}

// ---------------------------------------------------------------- report

export const LOAD_REPORT_KIND = 'playwright-perf-load';
export const LOAD_REPORT_VERSION = 1;

/** A DDSketch as stored in the report: protobuf (base64) plus what protobuf does not keep. */
export interface SerializedSketch {
  proto: string;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export type LoadErrorKind = 'timeout' | 'http' | 'assertion' | 'crash' | 'other';

export interface GeneratorWindowSample {
  /** Machine CPU busy fraction (0–1), highest over the segments. */
  cpu: number;
  /** Highest event-loop delay p99 (ms) over the worker processes. */
  eventLoopP99Ms: number;
  /** Resident memory of the worker processes (MB, summed). */
  rssMb: number;
  /** Free machine memory (MB, lowest). */
  freeMemMb: number;
}

/** One metrics window: times are ms since the segment's start; counts are sums over processes. */
export interface LoadWindow {
  index: number;
  iterations: number;
  failed: number;
  dropped: number;
  interrupted: number;
  flows: number;
  errors: Partial<Record<LoadErrorKind, number>>;
  /** Time-averaged active VUs (summed over processes, so merges add). */
  activeVUs: number;
  generator?: GeneratorWindowSample;
  saturated: boolean;
  sketches: Record<string, SerializedSketch>;
}

export interface LoadScenarioCounts {
  name: string;
  executor: LoadExecutor;
  iterations: number;
  failed: number;
  dropped: number;
  interrupted: number;
}

export interface LoadErrorSample {
  kind: LoadErrorKind;
  scenario: string;
  message: string;
  /** ms since the segment's start. */
  at: number;
}

/** The mergeable part of a run (what segments and worker processes exchange). */
export interface LoadRawData {
  windowMs: number;
  relativeAccuracy: number;
  /** ms the segment ran. */
  durationMs: number;
  windows: LoadWindow[];
  scenarios: LoadScenarioCounts[];
  /** First error messages (bounded), for the report. */
  errorSamples: LoadErrorSample[];
  /** Problems of the load runner itself (contained). */
  warnings: string[];
}

export interface MetricSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
}

export interface ThresholdVerdict {
  metric: string;
  expression: string;
  ok: boolean;
  /** The measured value the expression was evaluated on (absent when there was no data). */
  actual?: number;
  reason: string;
  abortOnFail: boolean;
}

export interface ScalabilityPoint {
  /** Concurrent VUs (window average, rounded). */
  vus: number;
  samples: number;
  p50: number;
  p95: number;
  /** Iterations per second at that load. */
  throughput: number;
  errorRate: number;
  /** Every threshold evaluated on this load level alone passed. */
  meetsThresholds: boolean;
}

export interface ScalabilityAnalysis {
  metric: string;
  points: ScalabilityPoint[];
  /** Load after which latency grows fastest (max distance from the chord of the curve). */
  kneeVUs?: number;
  /** Highest load level at which every threshold still passed. */
  maxVUsMeetingThresholds?: number;
}

export interface LoadReport {
  kind: typeof LOAD_REPORT_KIND;
  schemaVersion: number;
  runId: string;
  startedAt: string;
  startTime: number;
  status: 'passed' | 'failed' | 'aborted' | 'interrupted';
  interrupted: boolean;
  interruptReason?: 'sigint' | 'abort-on-fail';
  /** The load-test file (as given on the command line). */
  file: string;
  /** Segments this report covers, e.g. ['1/2', '2/2'] after a merge. */
  segments: string[];
  workers: number;
  /** Browser-server endpoints used (empty: launched locally). */
  remoteBrowsers: string[];
  /** Thresholds as defined (metric → expressions), kept so merged reports re-evaluate them. */
  thresholdSpec: Record<string, Array<{ threshold: string; abortOnFail: boolean }>>;
  scalabilityMetric: string;
  /** Whole-test summaries from trusted (non-saturated) windows; all windows when none is trusted. */
  metrics: Record<string, MetricSummary>;
  /** Whether `metrics` had to include saturated windows because no window was trusted. */
  metricsIncludeSaturated: boolean;
  totals: {
    iterations: number;
    failed: number;
    dropped: number;
    interrupted: number;
    flows: number;
    iterationsPerSecond: number;
    flowsPerSecond: number;
    errorRate: number;
    errors: Partial<Record<LoadErrorKind, number>>;
  };
  thresholds: ThresholdVerdict[];
  scalability: ScalabilityAnalysis;
  generator: { saturatedWindows: number; windows: number; maxCpu: number; maxEventLoopP99Ms: number };
  warnings: string[];
  raw: LoadRawData;
}
