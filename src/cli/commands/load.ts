// `playwright-perf load <file>`: runs a load test (browser VUs from the user's Playwright code) and
// Load modules are required lazily: the other commands must not pay for Playwright and the sketches.
// `playwright-perf load merge <a.json> <b.json>…`: merges segment reports into one.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from '../command';
import { UsageError } from '../command';
import type { LoadReport } from '../../types/load';
import { errorMessage } from '../../util/errors';

const usage = `Usage: playwright-perf load <file.ts> [options]
       playwright-perf load merge <load.json>... [--out <dir>]

Runs a load test defined with defineLoadTest() (see docs/load.md): browser virtual users running
your Playwright code, k6-style executors and thresholds. Writes <out>/load.json and <out>/index.html.
Ctrl-C stops gracefully and writes the partial result (marked interrupted); a second Ctrl-C aborts
running iterations.

Options:
  --segment <i/n>     run segment i of n (for several machines; merge the reports with "load merge")
  --workers <n>       worker processes, each with one browser (default: options.workers, or one per core)
  --connect <ws-url>  use a Playwright browser server (npx playwright run-server); repeat for several
  --out <dir>         output folder (default: load-report)
  --history <file>    load-run history (default: .playwright-perf/load-history.json)
  --no-history        do not record or compare with history
  --quiet             no live progress line
  --metrics-port <n>  serve live Prometheus metrics at http://127.0.0.1:<n>/metrics while it runs (0 = any port)
  --metrics-linger <s> keep serving the final metrics this many seconds after the end (default 0)

Exit codes: 0 passed · 99 a threshold failed (or abortOnFail stopped the test) · 130 interrupted ·
2 bad arguments or an invalid load test · 1 other errors.
`;

function parseSegment(s: string | undefined): { index: number; count: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n)
    throw new UsageError(`--segment must be i/n with 1 <= i <= n (e.g. 1/2), got "${s}"`);
  return { index: i - 1, count: n };
}

function wholeNumber(flag: string, v: string | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > max) throw new UsageError(`${flag} must be a whole number from 0 to ${max}, got "${v}"`);
  return n;
}

/** The live /metrics endpoint: serves the latest merged snapshot; prom-client loads only here. */
async function startLiveMetrics(port: number, io: CliIO) {
  const { buildLoadRegistry } = require('../../export/load-metrics') as typeof import('../../export/load-metrics');
  const { startMetricsServer } = require('../../export/metrics-server') as typeof import('../../export/metrics-server');
  let latest: import('../../types/load').LoadRawData | undefined;
  const empty = {
    windowMs: 1000,
    relativeAccuracy: 0.01,
    durationMs: 0,
    windows: [],
    scenarios: [],
    errorSamples: [],
    warnings: [],
  };
  const server = await startMetricsServer(() => buildLoadRegistry(latest ?? empty), port);
  io.stderr(`live metrics: ${server.url}\n`);
  return {
    update: (raw: import('../../types/load').LoadRawData) => {
      latest = raw;
    },
    close: async (lingerS: number) => {
      if (lingerS > 0) await new Promise((r) => setTimeout(r, lingerS * 1000));
      await server.close();
    },
  };
}

function exitCode(r: LoadReport): number {
  if (r.status === 'interrupted') return 130;
  if (r.status === 'failed' || r.status === 'aborted') return 99;
  return 0;
}

async function finish(report: LoadReport, outDir: string, historyFile: string | false, io: CliIO): Promise<number> {
  const { writeLoadReport } = require('../../load/write-report') as typeof import('../../load/write-report');
  const { formatLoadSummary } = require('../../load/terminal') as typeof import('../../load/terminal');
  let changes: import('../../load/history').LoadHistoryChange[] = [];
  if (historyFile && !report.interrupted) {
    try {
      const { recordLoadRun } = require('../../load/history') as typeof import('../../load/history');
      changes = await recordLoadRun(historyFile, report);
    } catch (e) {
      report.warnings.push(`history not updated (${historyFile}): ${errorMessage(e)}`);
    }
  }
  const files = writeLoadReport(outDir, report);
  io.stdout(formatLoadSummary(report, changes));
  io.stdout(`  report: ${files.json}\n  view:   ${files.html}\n`);
  return exitCode(report);
}

async function merge(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { out: { type: 'string' }, history: { type: 'string' }, 'no-history': { type: 'boolean' } },
  });
  if (positionals.length < 1) throw new UsageError('load merge needs the load.json files of the segments');
  const { checkLoadReport, mergeLoadReports } = require('../../load/merge') as typeof import('../../load/merge');
  const reports = positionals.map((p) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(resolve(io.cwd, p), 'utf8'));
    } catch (e) {
      throw new UsageError(`${p}: ${errorMessage(e)}`);
    }
    return checkLoadReport(parsed, p);
  });
  const merged = mergeLoadReports(reports);
  const history = values['no-history']
    ? false
    : resolve(io.cwd, values.history ?? '.playwright-perf/load-history.json');
  return finish(merged, resolve(io.cwd, values.out ?? 'load-report'), history, io);
}

export const loadCommand: CliCommand = {
  name: 'load',
  summary: 'load test with browser virtual users running your Playwright code (k6-style executors, thresholds)',
  usage,
  async run(argv, io) {
    if (argv[0] === 'merge') return merge(argv.slice(1), io);
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        segment: { type: 'string' },
        workers: { type: 'string' },
        connect: { type: 'string', multiple: true },
        out: { type: 'string' },
        history: { type: 'string' },
        'no-history': { type: 'boolean' },
        quiet: { type: 'boolean' },
        'metrics-port': { type: 'string' },
        'metrics-linger': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one load-test file');
    const metricsPort = wholeNumber('--metrics-port', values['metrics-port'], 65535);
    const linger = wholeNumber('--metrics-linger', values['metrics-linger'], 3600) ?? 0;
    if (values['metrics-linger'] !== undefined && metricsPort === undefined)
      throw new UsageError('--metrics-linger needs --metrics-port');
    const segment = parseSegment(values.segment);
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
      throw new UsageError(`--workers must be a positive integer, got "${values.workers}"`);
    for (const c of values.connect ?? [])
      if (!/^wss?:\/\//.test(c)) throw new UsageError(`--connect must be a ws:// endpoint, got "${c}"`);
    const { runLoadTest } = require('../../load/coordinator') as typeof import('../../load/coordinator');
    const { LoadDefinitionError } = require('../../load/validate') as typeof import('../../load/validate');
    const { progressLine } = require('../../load/terminal') as typeof import('../../load/terminal');
    const tty = !values.quiet && process.stderr.isTTY;
    let lastPrinted = 0;
    let report: LoadReport;
    const live = metricsPort === undefined ? undefined : await startLiveMetrics(metricsPort, io);
    try {
      report = await runLoadTest({
        ...(live ? { onSnapshot: live.update } : {}),
        file: positionals[0],
        cwd: io.cwd,
        ...(segment ? { segment } : {}),
        ...(workers ? { workers } : {}),
        ...(values.connect?.length ? { connect: values.connect } : {}),
        onProgress: (p) => {
          if (values.quiet) return;
          if (tty) process.stderr.write(`\r${progressLine(p)}\x1b[K`);
          else if (p.elapsedMs - lastPrinted >= 5000) {
            lastPrinted = p.elapsedMs;
            io.stderr(progressLine(p) + '\n');
          }
        },
      });
    } catch (e) {
      await live?.close(0);
      if (e instanceof LoadDefinitionError) {
        io.stderr(`playwright-perf load: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    if (tty) process.stderr.write('\n');
    if (live) {
      live.update(report.raw);
      await live.close(linger);
    }
    const history = values['no-history']
      ? false
      : resolve(io.cwd, values.history ?? '.playwright-perf/load-history.json');
    return finish(report, resolve(io.cwd, values.out ?? 'load-report'), history, io);
  },
};
