// `playwright-perf metrics <report.json|run.json> [--push <url>] …`: the run's Prometheus metrics,
// printed as text exposition or pushed to a Pushgateway — for CI jobs that push from a separate
// step (e.g. after merging shard reports) instead of from the reporter.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { JSON_REPORT_KIND, type JsonReport } from '../../types';
import { migrateRunRecord } from '../../store/migrate-run-record';
import { buildReport } from '../../report/build-report';
import { defaultOptions } from '../../reporter/options';
import { errorMessage } from '../../util/errors';
import { resolvePrometheusOptions } from '../../export/options';

/** prom-client takes a noticeable moment to load: only this command pays for it. */
function loadExport(): typeof import('../../export') {
  return require('../../export');
}

const USAGE = `Usage: playwright-perf metrics <report.json|run.json> [options]

Prints the run's metrics in the Prometheus text format (docs/metrics-export.md), or pushes them
to a Pushgateway, replacing the previous push of the same grouping key (job, branch, shard).

Options:
  --push <url>          push to this Pushgateway instead of printing (env PLAYWRIGHT_PERF_PUSHGATEWAY_URL)
  --job <name>          grouping key "job" (default playwright-perf)
  --grouping <k=v>      extra grouping label; repeatable
  --slowest <n>         per-test series for the n slowest tests (default 10, 0 = none)
  --allow <glob>        also a per-test series for tests matching "file › title"; repeatable
  --timeout <ms>        give up on the push after this long (default 5000)
  -h, --help            show this help
`;

function loadReport(file: string): Promise<JsonReport> | JsonReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}`);
  }
  if ((parsed as { kind?: unknown })?.kind === JSON_REPORT_KIND) return parsed as JsonReport;
  const { run } = migrateRunRecord(parsed);
  return buildReport(run, {
    options: { ...defaultOptions(), history: false },
    rootDir: process.cwd(),
    recordHistory: false,
  });
}

function parseGrouping(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) throw new UsageError(`--grouping must be label=value, got "${p}"`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export const metricsCommand: CliCommand = {
  name: 'metrics',
  summary: "Print a run's Prometheus metrics, or push them to a Pushgateway",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        push: { type: 'string' },
        job: { type: 'string' },
        grouping: { type: 'string', multiple: true },
        slowest: { type: 'string' },
        allow: { type: 'string', multiple: true },
        timeout: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('expected one report.json or run.json');
    const url = values.push ?? process.env.PLAYWRIGHT_PERF_PUSHGATEWAY_URL;
    const pushOpts = url
      ? {
          url,
          ...(values.job ? { job: values.job } : {}),
          grouping: parseGrouping(values.grouping ?? []),
          ...(values.timeout !== undefined ? { timeoutMs: Number(values.timeout) } : {}),
        }
      : undefined;
    const perTest = {
      ...(values.slowest !== undefined ? { slowest: Number(values.slowest) } : {}),
      allow: values.allow ?? [],
    };
    const { options, problems } = resolvePrometheusOptions(
      { ...(pushOpts ? { pushgateway: pushOpts } : {}), perTest },
      {},
    );
    // CLI flags are not a config a run must survive: any problem is a usage error.
    if (problems.length) throw new UsageError(problems.join('\n'));
    const report = await loadReport(resolve(io.cwd, positionals[0]));
    if (!options.pushgateway) {
      const { buildRunRegistry } = loadExport();
      const branch = report.run.meta.git?.branch;
      io.stdout(await buildRunRegistry(report, options.perTest, branch ? { branch } : {}).metrics());
      return 0;
    }
    const { pushRunMetrics, redact } = loadExport();
    const res = await pushRunMetrics(report, options);
    const group = Object.entries(res!.grouping)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    io.stdout(`pushed to ${redact(res!.url)} (job=${options.pushgateway.job}, ${group})\n`);
    return 0;
  },
};
