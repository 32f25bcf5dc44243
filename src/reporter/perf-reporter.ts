// The reporter (runner process). Collects the run record from Playwright's reporter events, then
// builds and writes the reports at the end. Every hook is contained: an error in here is printed
// once as a warning and recorded in `run.errors`; test outcomes and the exit code stay Playwright's
// (unless the user opted into the CI gate).
//
// It speaks Playwright's internal "v2" reporter protocol (`version() === 'v2'`, as Playwright's own
// html/json/junit reporters do) because only v2 reporters receive onReportConfigure/onReportEnd
// during `merge-reports`, which tell which shard each replayed result came from. onBegin accepts
// both the v1 (config, suite) and v2 (suite) signatures, so if Playwright ever stops honouring
// version() the reporter still works, only without per-shard lanes.
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FullConfig, FullResult, Suite, TestCase, TestResult, TestError } from '@playwright/test/reporter';
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  JSON_REPORT_KIND,
  JSON_REPORT_VERSION,
  type JsonReport,
  type PerfError,
  type PerfReporterOptions,
  type RunRecord,
  type TestRecord,
} from '../types';
import { errorMessage, perfError } from '../util/errors';
import { faultsFrom, maybeFault } from '../util/fault';
import { testToRecord, resultToRecord } from './record-builder';
import { collectRunMeta, gitInfoAsync } from './run-meta';
import { snapshotConfig } from './config-snapshot';
import { resolveOptions, type ResolvedOptions } from './options';
import { SystemSampler } from './system-sampler';
import { buildReport } from '../report/build-report';
import { writeReports, type WrittenReports } from '../report/write-reports';
import { analyzeRun } from '../analyze/run';
import { printSummary } from './terminal-summary';
import { outputDirProblem, pushContained } from './end-of-run-io';
import { resolvePrometheusOptions, type ResolvedPrometheus } from '../export/options';
import { detectRunMode, executedNoTest, type RunMode } from './run-mode';

/** CI sets one id for every shard of a run (e.g. `${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}`), so a
 *  shared history keeps the shards as parts of one run and ignores a re-upload of the same shard. */
export const RUN_ID_ENV = 'PLAYWRIGHT_PERF_RUN_ID';
function runIdFromEnv(): string | undefined {
  const id = process.env[RUN_ID_ENV]?.trim();
  return id && id.length <= 200 ? id : undefined;
}

const NO_TEST_RAN = '\nplaywright-perf: no test ran; the last reports and the history were left as they were\n';

/** `where` of errors Playwright reported (config, global setup…): recorded, not re-printed. */
export const PLAYWRIGHT_ERROR = 'playwright';

interface ShardRun {
  shardIndex?: number;
  totalShards?: number;
  startTime: number;
  durationMs: number;
  status: string;
  workers?: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export class PerfReporter {
  private readonly options: ResolvedOptions;
  private readonly prometheus: ResolvedPrometheus;
  /** Test-only fault injection, read once from the environment (docs/options.md). */
  private readonly faults = faultsFrom(process.env);
  /** `--list` writes and records nothing; UI/watch/--last-failed… runs are not baseline runs. */
  private readonly mode: RunMode;
  private readonly errors: PerfError[] = [];
  private readonly warned = new Set<string>();
  private config: FullConfig | undefined;
  private rootDir = process.cwd();
  private startTime = Date.now();
  private plannedTests: number | undefined;
  private readonly tests = new Map<string, TestRecord>();
  private meta: RunRecord['meta'] | undefined;
  /** Git state, read in other processes while the run goes on (set once known). */
  private git: Promise<void> | undefined;
  private sampler: SystemSampler | undefined;
  private outputUnwritable = false;
  private ended = false;
  private readonly onProcessExit = () => this.writeOnExit();
  // merge-reports: the shard whose events are being replayed, and every shard's own result.
  private currentShard: { index?: number; total?: number; workers?: number } | undefined;
  private readonly shardRuns: ShardRun[] = [];
  private mergedShards = 0;

  constructor(options: PerfReporterOptions = {}) {
    const { options: resolved, problems } = resolveOptions(options);
    this.options = resolved;
    const mode = (options as { _mode?: unknown } | undefined)?._mode;
    this.mode = detectRunMode({ mode, argv: process.argv, env: process.env });
    // Listing runs nothing: its option problems are told on the next real run.
    if (this.mode.kind !== 'list') for (const p of problems) this.warn('options', new Error(p));
    // Resolved apart from the other options: the gateway may come from the environment alone.
    const prom = resolvePrometheusOptions(isObject(options) ? options.prometheus : undefined);
    this.prometheus = prom.options;
    if (this.mode.kind !== 'list') for (const p of prom.problems) this.warn('options', new Error(p));
  }

  private get listing(): boolean {
    return this.mode.kind === 'list';
  }

  version(): 'v2' {
    return 'v2';
  }

  /** Our output is a short end-of-run summary (like the html reporter's hint): claiming stdio would
   *  stop Playwright from adding its default line/dot reporter when we are the only reporter. */
  printsToStdio(): boolean {
    return false;
  }

  onConfigure(config: FullConfig): void {
    if (this.listing) return;
    this.guard('reporter.onConfigure', () => {
      this.config = config;
      // Like Playwright's own reporters, paths are relative to the config file's folder.
      this.rootDir = config.configFile ? dirname(config.configFile) : config.rootDir || process.cwd();
    });
  }

  onBegin(configOrSuite: FullConfig | Suite, maybeSuite?: Suite): void {
    if (maybeSuite) this.onConfigure(configOrSuite as FullConfig);
    const suite = maybeSuite ?? (configOrSuite as Suite);
    if (this.listing) return;
    this.guard('reporter.onBegin', () => {
      this.startTime = Date.now();
      this.plannedTests = suite.allTests().length;
      const config = this.config;
      const meta = collectRunMeta(config?.version ?? 'unknown', this.rootDir, this.options.labels, false);
      this.meta = meta;
      this.git = gitInfoAsync(this.rootDir).then(
        (git) => {
          if (git) meta.git = git;
        },
        () => undefined,
      );
      if (config?.shard) this.meta.shard = { current: config.shard.current, total: config.shard.total };
      this.probeOutputDir();
      if (this.options.sampleIntervalMs !== false) {
        this.sampler = new SystemSampler(this.options.sampleIntervalMs, (e) => this.warn('reporter.systemSampler', e));
        this.sampler.start();
      }
      process.on('exit', this.onProcessExit);
      maybeFault(this.faults, 'reporter.onBegin');
    });
  }

  /** merge-reports (v2 only): a shard's events follow until onReportEnd. */
  onReportConfigure(params: { reportPath: string; config: FullConfig }): void {
    this.guard('reporter.onReportConfigure', () => {
      // Samples taken during a merge describe the merge, not the test run.
      this.sampler?.discard();
      this.mergedShards++;
      const shard = params.config?.shard;
      this.currentShard = {
        index: shard?.current ?? this.mergedShards,
        total: shard?.total,
        workers: params.config?.workers,
      };
    });
  }

  onReportEnd(params: { reportPath: string; result: FullResult }): void {
    this.guard('reporter.onReportEnd', () => {
      const r = params.result;
      this.shardRuns.push({
        ...(this.currentShard?.index !== undefined ? { shardIndex: this.currentShard.index } : {}),
        ...(this.currentShard?.total !== undefined ? { totalShards: this.currentShard.total } : {}),
        ...(this.currentShard?.workers !== undefined ? { workers: this.currentShard.workers } : {}),
        startTime: r?.startTime?.getTime?.() ?? 0,
        durationMs: r?.duration ?? 0,
        status: r?.status ?? 'unknown',
      });
      this.currentShard = undefined;
    });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.guard('reporter.onTestEnd', () => {
      maybeFault(this.faults, 'reporter.onTestEnd');
      let rec = this.tests.get(test.id);
      if (!rec) {
        rec = testToRecord(test, this.rootDir);
        this.tests.set(test.id, rec);
      }
      rec.outcome = test.outcome();
      const r = resultToRecord(result, this.errors, test.id);
      if (r.shardIndex === undefined && this.currentShard?.index !== undefined) r.shardIndex = this.currentShard.index;
      rec.results.push(r);
    });
  }

  onError(error: TestError): void {
    // Playwright's own errors (config, global setup) belong to Playwright's output; we only note them.
    this.guard('reporter.onError', () => {
      this.errors.push({
        where: PLAYWRIGHT_ERROR,
        message: String(error.message ?? error.value ?? 'error').slice(0, 2000),
        time: Date.now(),
        severity: 'warning',
      });
    });
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.listing) return undefined;
    try {
      await this.git;
      const run = this.finishRecord(result);
      if (executedNoTest(run.tests, run.plannedTests)) {
        // Nothing was measured: the last real run's reports and the history stay as they were.
        this.ended = true;
        this.flushWarnings(run.errors);
        if (this.options.summary) process.stdout.write(NO_TEST_RAN);
        return undefined;
      }
      const notBaseline = this.mode.kind === 'not-baseline' ? this.mode : undefined;
      if (notBaseline) run.notBaseline = notBaseline.reason;
      // Interactive runs (UI, watch, IDE) are compared but never gated: nobody reads their exit code.
      const options = notBaseline?.interactive ? { ...this.options, gate: undefined } : this.options;
      let report: JsonReport;
      try {
        maybeFault(this.faults, 'reporter.onEnd');
        report = await buildReport(run, {
          options,
          rootDir: this.rootDir,
          recordHistory: !notBaseline,
          faults: this.faults,
        });
      } catch (e) {
        this.warn('report.build', e);
        report = this.fallbackReport(run);
      }
      // Analyzer failures are ours too: one place (run.errors) lists every problem.
      for (const e of report.analysis.errors) run.errors.push(e);
      // UI and watch runs are someone editing tests, not a measurement for the team's dashboards.
      if (!notBaseline?.interactive) await this.pushMetrics(report);
      const written = this.write(report);
      this.flushWarnings(run.errors);
      this.ended = true;
      if (this.options.summary) {
        try {
          printSummary(report, written);
        } catch (e) {
          this.warn('reporter.summary', e);
        }
      }
      if (report.gate?.failed && result.status === 'passed') return { status: 'failed' };
    } catch (e) {
      this.warn('reporter.onEnd', e);
    } finally {
      this.ended = true;
      this.sampler?.stop();
      process.removeListener('exit', this.onProcessExit);
    }
    return undefined;
  }

  /** Assembles the run record; exposed for tests and for merge-aware callers. */
  finishRecord(result: FullResult): RunRecord {
    const config = this.config;
    const tests = [...this.tests.values()];
    const samples = this.sampler?.stop(true) ?? [];
    let interruptReason: RunRecord['interruptReason'];
    if (result.status === 'interrupted') interruptReason = 'sigint';
    else if (result.status === 'timedout') interruptReason = 'global-timeout';
    else if (config && config.maxFailures > 0 && this.plannedTests !== undefined && tests.length < this.plannedTests)
      interruptReason = 'max-failures';
    const interrupted =
      interruptReason !== undefined || tests.some((t) => t.results.some((r) => r.status === 'interrupted'));
    const meta = this.meta ?? collectRunMeta(config?.version ?? 'unknown', this.rootDir, this.options.labels);
    if (this.mergedShards > 0)
      meta.merged = { shards: this.mergedShards, ...(this.shardRuns.length ? { shardRuns: this.shardRuns } : {}) };
    const startTime = result.startTime?.getTime?.() ?? this.startTime;
    return {
      kind: RUN_RECORD_KIND,
      schemaVersion: RUN_RECORD_VERSION,
      runId: runIdFromEnv() ?? randomUUID(),
      startedAt: new Date(startTime).toISOString(),
      startTime,
      wallTimeMs: Math.max(0, result.duration ?? Date.now() - this.startTime),
      status: result.status,
      interrupted,
      ...(interruptReason ? { interruptReason } : interrupted ? { interruptReason: 'sigint' as const } : {}),
      ...(this.plannedTests !== undefined ? { plannedTests: this.plannedTests } : {}),
      meta,
      config: config
        ? snapshotConfig(config)
        : { workers: 1, fullyParallel: false, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
      tests,
      system: samples,
      errors: this.errors,
    };
  }

  /** Pushgateway export (when configured): bounded in time, a failure is one warning in run.errors. */
  private async pushMetrics(report: JsonReport): Promise<void> {
    if (!this.prometheus.pushgateway) return;
    const problem = await pushContained(report, this.prometheus, this.faults);
    if (problem) this.warn('export.pushgateway', problem);
  }

  /** A report without the optional stages, for when buildReport itself failed. */
  private fallbackReport(run: RunRecord): JsonReport {
    return {
      kind: JSON_REPORT_KIND,
      schemaVersion: JSON_REPORT_VERSION,
      generatedAt: new Date().toISOString(),
      run,
      analysis: analyzeRun(run, { slowest: this.options.slowest, faults: this.faults }),
    };
  }

  private write(report: JsonReport): WrittenReports {
    const outDir = resolve(this.rootDir, this.options.outputDir);
    const before = report.run.errors.length;
    const written = writeReports(
      report,
      outDir,
      { html: this.options.html, json: this.options.json },
      report.run.errors,
    );
    // Already warned at start that the folder is unwritable: record, but do not repeat it.
    if (this.outputUnwritable)
      for (const e of report.run.errors.slice(before)) this.warned.add(`${e.where}:${e.message}`);
    return written;
  }

  /** Checks at start that the output folder can be written, so the user hears it before a long run. */
  private probeOutputDir(): void {
    if (!this.options.html && !this.options.json) return;
    const problem = outputDirProblem(resolve(this.rootDir, this.options.outputDir));
    this.outputUnwritable = problem !== undefined;
    if (problem) this.warn('options', new Error(problem));
  }

  /** The runner exited without onEnd finishing (e.g. a second Ctrl+C, a crash in another reporter):
   *  write what we have, synchronously — nothing async runs in an 'exit' handler. */
  private writeOnExit(): void {
    if (this.ended || this.listing) return;
    this.ended = true;
    try {
      const run = this.finishRecord({
        status: 'interrupted',
        startTime: new Date(this.startTime),
        duration: Date.now() - this.startTime,
      } as FullResult);
      run.interrupted = true;
      run.interruptReason = 'process-exit';
      const report = this.fallbackReport(run);
      for (const e of report.analysis.errors) run.errors.push(e);
      const written = this.write(report);
      this.flushWarnings(run.errors);
      if (written.runJson)
        process.stderr.write(
          `[playwright-perf] run ended before the reporter finished; partial run record: ${written.runJson}\n`,
        );
    } catch (e) {
      this.warn('reporter.exit', e);
    }
  }

  private guard(where: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.warn(where, e);
    }
  }

  /** Prints every recorded problem not printed yet (once per place + message). */
  private flushWarnings(errors: PerfError[]): void {
    // Playwright's own errors are in its output already; they are only recorded.
    for (const e of errors) if (e.where !== PLAYWRIGHT_ERROR) this.print(e);
  }

  /** Records the error and prints it once, on stderr so it never mixes with other reporters' stdout. */
  private warn(where: string, e: unknown): void {
    const err = perfError(where, e);
    if (!this.errors.some((x) => x.where === err.where && x.message === err.message)) this.errors.push(err);
    this.print(err);
  }

  private print(err: PerfError): void {
    const key = `${err.where}:${err.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    process.stderr.write(`[playwright-perf] warning (${err.where}): ${err.message}\n`);
  }
}

export default PerfReporter;
