// The run record: one versioned JSON document per run, written by the reporter (runner process).
// Everything else — analysis, history, optimizer, HTML/JSON reports — is a pure function of it, so
// it can be saved (`perf-report/run.json`) and re-processed later without a browser.
// Changing a shape here means bumping RUN_RECORD_VERSION and adding a step to
// src/store/migrate-run-record.ts (old records are upgraded one version at a time).
import type { TestPerfData } from './metrics';

export const RUN_RECORD_KIND = 'playwright-perf-run';
export const RUN_RECORD_VERSION = 1;

/** Epoch milliseconds. */
export type EpochMs = number;

export interface RunRecord {
  kind: typeof RUN_RECORD_KIND;
  schemaVersion: number;
  /** Random id (UUID v4) — never derived from the clock alone. */
  runId: string;
  /** When the runner started (ISO 8601). */
  startedAt: string;
  /** Start of the run in epoch ms; all other times in the record are epoch ms too. */
  startTime: EpochMs;
  /** Wall time of the whole run (Playwright's `FullResult.duration`, or last end − first start after a merge). */
  wallTimeMs: number;
  /** Playwright's overall status. */
  status: 'passed' | 'failed' | 'timedout' | 'interrupted';
  /** True when the run was cut short (SIGINT, --max-failures, global timeout, process exit). */
  interrupted: boolean;
  /** Why it was cut short, when known. */
  interruptReason?: 'sigint' | 'max-failures' | 'global-timeout' | 'process-exit';
  /** Tests Playwright planned to run (after filters/shard); more than `tests.length` when cut short. */
  plannedTests?: number;
  meta: RunMeta;
  config: ConfigSnapshot;
  tests: TestRecord[];
  /** System samples taken in the runner process during the run (empty after merge-reports). */
  system: SystemSample[];
  /** Problems inside playwright-perf itself. Never affect test outcomes. */
  errors: PerfError[];
  /** Set when this run was reported and compared but not added to history as a baseline run
   *  (UI or watch mode, --last-failed, --only-changed): why. */
  notBaseline?: string;
}

export interface RunMeta {
  perfVersion: string;
  playwrightVersion: string;
  nodeVersion: string;
  os: { platform: string; release: string; arch: string };
  machine: { cpus: number; cpuModel: string; memoryBytes: number; hostname?: string };
  ci: boolean;
  git?: { commit?: string; branch?: string; dirty?: boolean };
  /** Present when the record was produced by `playwright merge-reports` of shard blobs. */
  merged?: {
    shards: number;
    /** Each shard's own run, from its blob (when Playwright exposes it to reporters). */
    shardRuns?: Array<{
      shardIndex?: number;
      totalShards?: number;
      startTime: EpochMs;
      durationMs: number;
      status: string;
      workers?: number;
    }>;
  };
  /** `--shard` of this run when not merged. */
  shard?: { current: number; total: number } | null;
  /** Free-form labels users pass through reporter options (e.g. environment, build number). */
  labels?: Record<string, string>;
}

/** The parts of the resolved Playwright config that performance depends on (input to the optimizer). */
export interface ConfigSnapshot {
  configFile?: string;
  rootDir?: string;
  workers: number;
  fullyParallel: boolean;
  globalTimeoutMs: number;
  maxFailures: number;
  forbidOnly?: boolean;
  projects: ProjectSnapshot[];
  /** globalSetup files (absent in records written before 0.1 kept it). */
  globalSetup?: string[];
  webServer?: { command?: string; url?: string; port?: number; reuseExistingServer?: boolean } | null;
}

export interface ProjectSnapshot {
  name: string;
  testDir?: string;
  retries: number;
  timeoutMs: number;
  repeatEach: number;
  fullyParallel?: boolean;
  dependencies: string[];
  /** Selected `use` options, stringified where they are not JSON-safe. */
  use: {
    browserName?: string;
    headless?: boolean;
    /** `use.launchOptions.slowMo` (ms each browser operation is delayed by). */
    slowMo?: number;
    trace?: string;
    video?: string;
    screenshot?: string;
    actionTimeout?: number;
    navigationTimeout?: number;
    storageState?: string | boolean;
    baseURL?: string;
  };
}

export interface TestRecord {
  /** Playwright's stable test id. */
  id: string;
  /** File path relative to the config's rootDir, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Describe blocks and title, without project and file (e.g. ['login', 'shows the form']). */
  titlePath: string[];
  title: string;
  project: string;
  expectedStatus: TestStatus;
  /** Playwright's verdict across retries. */
  outcome: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  timeoutMs: number;
  annotations: Array<{ type: string; description?: string }>;
  tags: string[];
  /** Which repeat of the test this is under `--repeat-each` (0-based); absent for the first. */
  repeatEachIndex?: number;
  /** One entry per attempt (retry 0, 1, …). */
  results: TestResultRecord[];
}

export type TestStatus = 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';

export interface TestResultRecord {
  retry: number;
  status: TestStatus;
  /** Unique per worker process (restarts after failures get a new index). */
  workerIndex: number;
  /** Slot 0..workers-1 the worker occupied: the timeline lane. */
  parallelIndex: number;
  /** Shard this attempt ran in (1-based) when known; used to lay out merged timelines. */
  shardIndex?: number;
  startTime: EpochMs;
  durationMs: number;
  errors: Array<{ message: string; stack?: string; location?: string }>;
  steps: StepRecord[];
  /** Attachments other than our own perf data (names and sizes; bodies are not copied). */
  attachments: Array<{ name: string; contentType: string; path?: string; bytes?: number }>;
  /** Perf data decoded from the fixtures' JSON attachments (see attachment.ts). */
  perf?: TestPerfData;
}

export type StepCategory = 'hook' | 'fixture' | 'pw:api' | 'expect' | 'test.step' | 'test.attach' | string;

export interface StepRecord {
  title: string;
  category: StepCategory;
  startTime: EpochMs;
  durationMs: number;
  /** Selected `step.params` (url, selector, …), stringified and truncated. */
  params?: Record<string, string>;
  location?: string;
  error?: string;
  steps: StepRecord[];
}

export interface SystemSample {
  time: EpochMs;
  /** Whole-machine CPU utilisation 0..1 over the interval ending at `time`. */
  cpu: number;
  /** Used memory (total − available) in bytes. */
  memUsedBytes: number;
  memTotalBytes: number;
  /** 1-minute load average (0 on platforms without it). */
  load1: number;
  /** Number of running Chromium/Chrome processes (-1 when it cannot be read). */
  chromiumProcesses: number;
  /** CPU used by this run's own processes (runner, workers, browsers) as a share of all cores over
   *  the interval, 0..1 — unlike `cpu`, not raised by other work on the machine. Linux only. */
  ownCpu?: number;
}

export interface PerfError {
  /** Where it happened, e.g. 'reporter.onTestEnd', 'collector.webVitals', 'store.history'. */
  where: string;
  message: string;
  /** Test it concerns, when any. */
  testId?: string;
  time: EpochMs;
  severity: 'warning' | 'error';
}
