// The reporter (runner process). Collects the run record from Playwright's reporter events, then
// builds and writes the reports at the end. Every hook is contained: an error in here is printed
// once as a warning and recorded in `run.errors`; test outcomes and the exit code stay Playwright's
// (unless the user opted into the CI gate).
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult, TestError } from '@playwright/test/reporter';
import {
  RUN_RECORD_KIND, RUN_RECORD_VERSION,
  type PerfError, type PerfReporterOptions, type RunRecord, type TestRecord,
} from '../types';
import { perfError } from '../util/errors';
import { testToRecord, resultToRecord } from './record-builder';
import { collectRunMeta } from './run-meta';
import { snapshotConfig } from './config-snapshot';
import { resolveOptions, type ResolvedOptions } from './options';
import { buildReport } from '../report/build-report';
import { writeReports } from '../report/write-reports';
import { printSummary } from './terminal-summary';

export class PerfReporter implements Reporter {
  private readonly options: ResolvedOptions;
  private readonly errors: PerfError[] = [];
  private readonly warned = new Set<string>();
  private config: FullConfig | undefined;
  private rootDir = process.cwd();
  private startTime = Date.now();
  private readonly tests = new Map<string, TestRecord>();
  private meta: RunRecord['meta'] | undefined;

  constructor(options: PerfReporterOptions = {}) {
    const { options: resolved, problems } = resolveOptions(options);
    this.options = resolved;
    for (const p of problems) this.warn('options', new Error(p));
  }

  printsToStdio(): boolean {
    return this.options.summary;
  }

  onBegin(config: FullConfig, _suite: Suite): void {
    this.guard('reporter.onBegin', () => {
      this.config = config;
      // Like Playwright's own reporters, paths are relative to the config file's folder.
      this.rootDir = config.configFile ? dirname(config.configFile) : config.rootDir || process.cwd();
      this.startTime = Date.now();
      this.meta = collectRunMeta(config.version, this.rootDir, this.options.labels);
      if (config.shard) this.meta.shard = { current: config.shard.current, total: config.shard.total };
    });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.guard('reporter.onTestEnd', () => {
      let rec = this.tests.get(test.id);
      if (!rec) {
        rec = testToRecord(test, this.rootDir);
        this.tests.set(test.id, rec);
      }
      rec.outcome = test.outcome();
      rec.results.push(resultToRecord(result, this.errors, test.id));
    });
  }

  onError(error: TestError): void {
    // Playwright's own errors (config, global setup) belong to Playwright's output; we only note them.
    this.guard('reporter.onError', () => {
      this.errors.push({ where: 'playwright', message: String(error.message ?? error.value ?? 'error').slice(0, 2000), time: Date.now(), severity: 'warning' });
    });
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    try {
      const run = this.finishRecord(result);
      const report = await buildReport(run, { options: this.options, rootDir: this.rootDir });
      const outDir = resolve(this.rootDir, this.options.outputDir);
      const written = writeReports(report, outDir, { html: this.options.html, json: this.options.json }, run.errors);
      for (const e of run.errors) if (e.severity === 'error') this.warn(e.where, new Error(e.message));
      if (this.options.summary) printSummary(report, written);
      if (report.gate?.failed && result.status === 'passed') return { status: 'failed' };
    } catch (e) {
      this.warn('reporter.onEnd', e);
    }
    return undefined;
  }

  /** Assembles the run record; exposed for tests and for merge-aware callers. */
  finishRecord(result: FullResult): RunRecord {
    const config = this.config;
    const tests = [...this.tests.values()];
    const interrupted = result.status === 'interrupted' || result.status === 'timedout' ||
      tests.some((t) => t.results.some((r) => r.status === 'interrupted'));
    return {
      kind: RUN_RECORD_KIND,
      schemaVersion: RUN_RECORD_VERSION,
      runId: randomUUID(),
      startedAt: new Date(result.startTime?.getTime?.() ?? this.startTime).toISOString(),
      startTime: result.startTime?.getTime?.() ?? this.startTime,
      wallTimeMs: Math.max(0, result.duration ?? Date.now() - this.startTime),
      status: result.status,
      interrupted,
      meta: this.meta ?? collectRunMeta('unknown', this.rootDir, this.options.labels),
      config: config ? snapshotConfig(config) : { workers: 1, fullyParallel: false, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
      tests,
      system: [],
      errors: this.errors,
    };
  }

  private guard(where: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.warn(where, e);
    }
  }

  /** Records the error and prints it once per place, on stderr so it never mixes with other reporters' stdout. */
  private warn(where: string, e: unknown): void {
    const err = perfError(where, e);
    if (!this.errors.some((x) => x.where === err.where && x.message === err.message)) this.errors.push(err);
    const key = `${where}:${err.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    process.stderr.write(`[playwright-perf] warning (${where}): ${err.message}\n`);
  }
}

export default PerfReporter;
