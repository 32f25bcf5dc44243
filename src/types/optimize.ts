// Optimizer contracts: findings (bottlenecks) and the recommendations derived from them, the config
// rewriter's outcome, backups, and validation by measurement.

export type FindingCategory =
  | 'cpu'
  | 'memory'
  | 'test-execution'
  | 'parallelism'
  | 'browser'
  | 'network'
  | 'locator'
  | 'flow'
  | 'artifacts'
  | 'retries'
  | 'timeouts'
  | 'web-server';

export interface Bottleneck {
  id: string;
  category: FindingCategory;
  severity: 'low' | 'medium' | 'high' | 'critical';
  title: string;
  /** The numbers that show it. */
  evidence: Record<string, number | string>;
  affectedTests: string[];
  /** Estimated seconds of wall time it costs per run. */
  estimatedCostS: number;
  rootCause: string;
  /** What to do about it, in plain words (the matching Recommendation carries the details). */
  recommendedActions?: string[];
}

export interface ConfigEdit {
  /** Dotted path in the config object, e.g. 'workers', 'use.trace', 'projects[chromium].use.video'. */
  path: string;
  from: unknown;
  to: unknown;
  /** Source text to write instead of the JSON literal of `to` (e.g. '!process.env.CI'). */
  toExpression?: string;
}

export interface Recommendation {
  id: string;
  bottleneckId: string;
  title: string;
  description: string;
  /** Expected wall-time saving, computed from measurements. */
  expectedSavingMs: number;
  expectedSavingPct: number;
  confidence: 'low' | 'medium' | 'high';
  risk: 'low' | 'medium' | 'high';
  prerequisites: string[];
  /** Config edits the optimizer can apply; empty for code-level advice. */
  edits: ConfigEdit[];
  /** Unified diff of playwright.config when computed. */
  diff?: string;
  /** 'config' = applied by `optimize --apply`; 'code' = advice only (locators, login flows…). */
  kind?: 'config' | 'code';
  /** How expectedSavingMs was computed (model and inputs), for the report. */
  basis?: string;
  /** Worker counts worth measuring in a sweep (set on worker-count recommendations). */
  sweep?: number[];
  /** One run cannot price it (e.g. headed → headless): applied only when `--validate` measures it. */
  unpriced?: boolean;
}

/** A past run, reduced to what the optimizer learns from (e.g. wall time at another worker count). */
export interface OptimizerHistorySample {
  runId: string;
  startTime: number;
  wallTimeMs: number;
  workers: number;
  fullyParallel: boolean;
  /** Trace mode of the first project. */
  trace?: string;
  tests: number;
  failed: number;
  machineCpus?: number;
}

// ---- Config rewriter -------------------------------------------------------------------------

export interface AppliedEdit {
  edit: ConfigEdit;
  /** What was done: value replaced, property added, or a whole object added. */
  action: 'replaced' | 'added' | 'unchanged';
  /** 1-based line in the new file. */
  line?: number;
  note?: string;
}

export interface RefusedEdit {
  edit: ConfigEdit;
  reason: string;
}

export interface RewriteResult {
  file: string;
  /** The edited text (equals `original` when nothing could be applied). */
  text: string;
  original: string;
  applied: AppliedEdit[];
  refused: RefusedEdit[];
  /** Set when the whole file was refused (syntax error, no config object found…). */
  fileRefusal?: string;
  /** Unified diff original → text ('' when unchanged). */
  diff: string;
  durationMs: number;
}

// ---- Backups ---------------------------------------------------------------------------------

export interface BackupEntry {
  id: string;
  createdAt: string;
  /** Absolute path of the config that was changed. */
  configPath: string;
  /** Absolute path of the byte-identical copy of the original. */
  backupPath: string;
  sha256Before: string;
  sha256After: string;
  edits: ConfigEdit[];
  status: 'applied' | 'validating' | 'kept' | 'rolled-back';
  rolledBackAt?: string;
  validation?: ValidationSummary;
}

export interface BackupManifest {
  kind: 'playwright-perf-backups';
  schemaVersion: 1;
  entries: BackupEntry[];
}

// ---- Validation by measurement ---------------------------------------------------------------

/** One `playwright test` run measured by the validator. */
export interface MeasuredRun {
  label: string;
  workers?: number;
  /** Playwright's own run duration (JSON reporter stats.duration). */
  durationMs: number;
  /** Process wall time including start-up. */
  processMs: number;
  exitCode: number | null;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  /** Ids ("file › title") of tests that did not pass. */
  failedTests: string[];
}

export interface SampleComparison {
  method: string;
  baselineMedianMs: number;
  candidateMedianMs: number;
  /** (candidate − baseline) ÷ baseline. */
  change: number;
  /** Probability that a candidate run is faster than a baseline run (pairwise), 0..1. */
  probabilityFaster: number;
  faster: boolean;
  pValue?: number | null;
  note?: string;
}

/** How much measuring `--validate` may spend (runs include the baseline); unset = the full search. */
export interface SearchBudget {
  runs?: number;
  minutes?: number;
}

/** One recommendation's measured effect in the search (leave-one-out at the chosen worker count). */
export interface EditEffect {
  recommendationId: string;
  title: string;
  paths: string[];
  /** Kept in the final config: it measurably helped (or could not be measured within the budget). */
  kept: boolean;
  /** false when the budget ran out before it was measured (kept untested). */
  measured: boolean;
  /** Median wall with every kept change (the reference). */
  withMedianMs?: number;
  /** Median wall with every change except this one. */
  withoutMedianMs?: number;
  /** withoutMedianMs − withMedianMs: wall time this change saves per run (negative = it costs). */
  effectMs?: number;
  runs: number;
  reason: string;
}

export interface ValidationSummary {
  runsPerCandidate: number;
  /** Runs the search spent, baseline included. */
  runsSpent?: number;
  /** Search wall time (ms). */
  elapsedMs?: number;
  budget?: SearchBudget;
  /** Set when the budget stopped the search early. */
  budgetExhausted?: boolean;
  /** Each recommendation's measured effect; changes that did not measurably help are dropped. */
  edits?: EditEffect[];
  baseline: MeasuredRun[];
  candidate: MeasuredRun[];
  /** Interleaved runs of the current and the final config at the end; the comparison uses them. */
  confirmation?: { baseline: MeasuredRun[]; candidate: MeasuredRun[] };
  /** Worker sweep measurements, when a sweep ran. */
  sweep?: Array<{ workers: number; runs: MeasuredRun[]; medianMs: number }>;
  chosenWorkers?: number;
  comparison: SampleComparison;
  newFailures: string[];
  kept: boolean;
  reason: string;
}
