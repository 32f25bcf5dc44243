// History, baselines, regressions, budgets and quality — produced by src/store + src/analyze.
import type { ConfigEdit } from './optimize';

/** A metric series key: what is measured, for which subject. */
export interface MetricKey {
  /** e.g. 'test.duration', 'step.duration', 'nav.ttfb', 'vital.LCP', 'locator.resolve', 'flow.duration', 'startup.browserLaunch', 'lighthouse.performance'. */
  metric: string;
  /** Test id, URL, locator, flow name… */
  subject: string;
  project?: string;
}

export interface RegressionFinding extends MetricKey {
  verdict: 'regression' | 'improvement' | 'unchanged' | 'not-enough-data';
  baselineMedian: number | null;
  currentMedian: number | null;
  /** Relative change of the median, e.g. 0.12 = +12 %. */
  change: number | null;
  pValue: number | null;
  /** p after Benjamini-Hochberg. */
  qValue: number | null;
  /** Effect size (e.g. Cliff's delta, -1..1). */
  effectSize: number | null;
  baselineSamples: number;
  currentSamples: number;
  note?: string;
  /** Which way is better: durations are 'lower', Lighthouse scores 'higher'. */
  better?: 'lower' | 'higher';
  /** How p was obtained: rank test (exact / normal approximation), prediction test for 1–2 current
   *  samples, or 'deterministic' when both sides have zero variance. */
  method?: 'mann-whitney-exact' | 'mann-whitney-normal' | 'prediction' | 'deterministic';
}

export interface HistoryComparison {
  baseline: { kind: 'previous' | 'pinned' | 'run'; runIds: string[]; description: string };
  /** Differences between the runs that make the comparison weaker (machine, Playwright version…). */
  caveats: string[];
  findings: RegressionFinding[];
  /** Counts per verdict over all compared keys (findings may list only the interesting ones). */
  summary?: { compared: number; regressions: number; improvements: number; unchanged: number; notEnoughData: number };
  /** The run being judged. */
  current?: { runId: string; branch?: string };
  /** Settings used: minimum practical change and false discovery rate. */
  settings?: { minChange: number; fdr: number; minAbsChangeMs?: number };
  /** Short trend series for the report, per key (bounded). */
  trends?: Array<MetricKey & { points: Array<{ runId: string; time: number; value: number }> }>;
}

export interface BudgetRule {
  /** e.g. 'p95(vital.LCP) < 2500', 'test.duration < 30s', 'startup.browserLaunch < 3000'. */
  rule: string;
  /** Glob on the subject (test title path / URL / flow name). */
  match?: string;
  severity?: 'warn' | 'error';
}

export interface BudgetResult {
  rule: string;
  subject: string;
  severity: 'warn' | 'error';
  limit: number;
  actual: number;
  ok: boolean;
  message: string;
}

export interface QualitySummary {
  /** Number of runs of history the figures are based on (including the current one). */
  runs?: number;
  /** Tests looked at; perTest lists only those with something to say (flaky, failing, drifting). */
  testsConsidered?: number;
  perTest: Array<{
    testId: string;
    title: string;
    runs: number;
    flakinessIndex: number;
    flipRate: number;
    stability: number;
    errorRate: number;
    /** Failure classification of this run's failure, when it failed. */
    failureKind?: 'likely-performance' | 'likely-flaky' | 'failure';
    /** Why failureKind was chosen (e.g. "timed out; passing durations rose 40 % over 8 runs"). */
    reason?: string;
  }>;
}

// ---- Stored history (src/store) ----

export const HISTORY_KIND = 'playwright-perf-history';
/** Bump and add a step to src/store/migrations.ts when the stored shape changes. */
export const HISTORY_SCHEMA_VERSION = 2;

/** One metric series of one run: every sample of (metric, subject, project). */
export interface MetricSeries extends MetricKey {
  values: number[];
}

/** A test in a compacted run: identity, outcome and attempt durations (no step trees). */
export interface CompactTest {
  /** `file › describe › title` — stable across runs (Playwright's id also changes with repeatEach). */
  subject: string;
  project: string;
  outcome: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  /** Per attempt: [status, durationMs]. */
  attempts: Array<[string, number]>;
  timeoutMs: number;
  /** `--repeat-each` index (0-based) when above 0. Only repeat 0 gives position-dependent samples. */
  repeat?: number;
}

/** A run as stored in history: enough to compare and to compute quality, ~100 bytes per test. */
export interface CompactRun {
  runId: string;
  startTime: number;
  wallTimeMs: number;
  status: string;
  interrupted: boolean;
  branch?: string;
  commit?: string;
  /** `platform-arch-<cpus>cpu-<GiB>g`: runs are compared only within one machine class. */
  machineClass: string;
  /** `current/total` when the run was one shard (not merged): compared with the same shard. */
  shard?: string;
  /** Things that may differ between comparable runs and are listed as caveats. */
  env: {
    playwrightVersion: string;
    perfVersion: string;
    nodeVersion: string;
    cpuModel: string;
    ci: boolean;
    workers: number;
  };
  labels?: Record<string, string>;
  tests: CompactTest[];
  /** All metric series except test.duration (which comes from `tests`). */
  metrics: MetricSeries[];
}

/** Where an alert is in its life: raised by a run, acknowledged by someone, resolved. */
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** A budget breach or a regression, kept in history. */
export interface HistoryAlert {
  /** Stable id, assigned when the alert is recorded (history schema 2 gave older alerts one). */
  id: string;
  /** Absent means 'open' (alerts written before schema 2). */
  status?: AlertStatus;
  /** Epoch ms of the last status change through the API. */
  acknowledgedAt?: number;
  resolvedAt?: number;
  /** Free text given when acknowledging or resolving. */
  statusNote?: string;
  runId: string;
  time: number;
  kind: 'budget' | 'regression';
  severity: 'warn' | 'error';
  metric: string;
  subject: string;
  project?: string;
  message: string;
}

/** An optimisation applied to the suite (recorded by the optimizer), so its effect can be seen later. */
export interface AppliedOptimization {
  id: string;
  time: number;
  title: string;
  recommendationId?: string;
  edits: ConfigEdit[];
  configFile?: string;
  /** Latest run in history when it was applied: runs after it show the effect. */
  runIdBefore?: string;
  note?: string;
  /** Id of the config backup written before the edit (what a rollback restores). */
  backupId?: string;
  /** Set when the edit was rolled back through `playwright-perf serve`. */
  rolledBackAt?: number;
  /** Measured by `optimize --validate`: the whole change and each recommendation's share. */
  effect?: OptimizationEffect;
}

export interface OptimizationEffect {
  baselineMedianMs: number;
  candidateMedianMs: number;
  /** (candidate − baseline) ÷ baseline. */
  change: number;
  runsSpent?: number;
  chosenWorkers?: number;
  edits?: Array<{ recommendationId: string; kept: boolean; effectMs?: number; reason: string }>;
}

/** The whole history document. */
export interface HistoryData {
  kind: typeof HISTORY_KIND;
  schemaVersion: number;
  /** Oldest first. */
  runs: CompactRun[];
  /** Named baselines: name → run ids. */
  pins: Record<string, string[]>;
  alerts: HistoryAlert[];
  optimizations: AppliedOptimization[];
}
