// Duration-balanced sharding: the plan `playwright-perf shard-plan` writes and the helper reads.

/** What one shard runs: a whole file (fullyParallel off: Playwright keeps a file on one worker) or one test. */
export interface ShardUnit {
  project: string;
  /** Relative to the config's rootDir, forward slashes. */
  file: string;
  /** Describe blocks and title; absent = the whole file. */
  titlePath?: string[];
  tests: number;
  /** Median measured duration (all attempts), ms. */
  durationMs: number;
}

export interface ShardAssignment {
  /** 1-based, as in `--shard 2/3`. */
  index: number;
  units: ShardUnit[];
  tests: number;
  /** Σ unit durations. */
  workMs: number;
  /** Predicted test time: the units list-scheduled on the shard's workers (browser launch included). */
  busyMs: number;
  /** Predicted shard wall: start-up + busyMs + shutdown. */
  predictedMs: number;
}

/** maxMs / meanMs / imbalance are over busyMs: the start-up every shard pays cannot be balanced. */
export interface ShardSplit {
  shards: ShardAssignment[];
  maxMs: number;
  meanMs: number;
  /** maxMs ÷ meanMs − 1: how much longer the slowest shard's tests run than an even split. */
  imbalance: number;
}

export interface ShardPlan {
  kind: 'playwright-perf-shard-plan';
  version: 1;
  createdAt: string;
  shards: number;
  /** Workers per shard the prediction assumes. */
  workers: number;
  /** 'file' when every unit is a whole file, 'test' when every unit is one test, else 'mixed'. */
  unit: 'file' | 'test' | 'mixed';
  /** Per-shard fixed cost: config load, worker start, browser launch, shutdown (ms, from the run). */
  overheadMs: number;
  /** Runs the durations come from (medians across them). */
  runs: number;
  plan: ShardSplit;
  /** What `--shard i/N` (split by test count, in file order) would give with the same durations. */
  playwrightDefault: ShardSplit;
  /** playwrightDefault.maxMs − plan.maxMs: time CI waits for the slowest shard that the plan saves. */
  savingMs: number;
  /** Set when test-level units cannot be told apart by title in a grep (same file name and title in two folders). */
  grepUnsafe?: string[];
}

/** A plan checked against a real sharded run (merged run record). */
export interface ShardMeasurement {
  /** durationMs: the shard's own run (start-up included); busyMs: first test start → last test end. */
  shards: Array<{ index: number; durationMs: number; busyMs: number; workMs: number; tests: number }>;
  /** Over busyMs. */
  maxMs: number;
  meanMs: number;
  imbalance: number;
  /** The same from Σ test durations per shard (start-up noise excluded). */
  workImbalance: number;
}
