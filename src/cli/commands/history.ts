// `playwright-perf history <list|show|prune|export|import|pin|unpin>`: look after the run history,
// in a file or (with --db) in Postgres.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UsageError, type CliCommand, type CliIO } from '../command';
import type { CompactRun, HistoryData } from '../../types';
import { openHistoryStore, type HistoryStore } from '../../store/history-store';
import { DEFAULT_HISTORY_PATH } from '../../store/options';
import { applyRetention, DEFAULT_KEEP_DAYS, DEFAULT_KEEP_RUNS } from '../../store/retention';
import { writeFileAtomic } from '../../util/atomic-write';
import { runSeries } from '../../analyze/history/compact-run';
import { median } from '../../analyze/stats/descriptive';
import { errorMessage } from '../../util/errors';
import { HISTORY_URL_ENV, isDatabaseUrl } from '../../store/postgres/connection';
import { importHistory } from '../../store/import-history';

const USAGE = `Usage: playwright-perf history <subcommand> [options]

Subcommands:
  list                      runs in history, newest first
  show <runId|latest>       one run: outcomes, slowest tests, alerts
  prune                     apply retention now (--keep-runs, --keep-days, --dry-run)
  export                    write history as JSON, or CSV of per-run medians (--format csv)
  import <file>             copy a JSON history file into this history (runs already there are kept once)
  pin <name> [runId…]       name a baseline (default: the latest run) for history.baseline { pinned }
  unpin <name>              remove a named baseline

Options:
  --history <file>   history file (default ${DEFAULT_HISTORY_PATH}, relative to the current folder)
  --db <url>         a Postgres history instead (postgres://…; env ${HISTORY_URL_ENV})
  --limit <n>        list: how many runs (default 20)
  --json             list/show: print JSON
  --keep-runs <n>    prune: keep at most n runs (default ${DEFAULT_KEEP_RUNS})
  --keep-days <n>    prune: drop runs older than n days (default ${DEFAULT_KEEP_DAYS})
  --dry-run          prune: only say what would be removed
  --format <f>       export: json (default) or csv
  --out <file>       export: write to a file instead of stdout
`;

function positiveInt(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

function findRun(data: HistoryData, ref: string): CompactRun {
  if (ref === 'latest') {
    const r = data.runs[data.runs.length - 1];
    if (!r) throw new Error('history is empty');
    return r;
  }
  const hits = data.runs.filter((r) => r.runId.startsWith(ref));
  if (hits.length === 1) return hits[0];
  throw new Error(hits.length ? `run id "${ref}" is ambiguous (${hits.length} runs)` : `no run "${ref}" in history`);
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const when = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 16);

function listText(data: HistoryData, limit: number): string {
  const runs = data.runs.slice(-limit).reverse();
  if (!runs.length) return 'history is empty\n';
  const alerts = new Map<string, number>();
  for (const a of data.alerts) alerts.set(a.runId, (alerts.get(a.runId) ?? 0) + 1);
  const rows = runs.map((r) => [
    r.runId.slice(0, 8),
    when(r.startTime),
    r.branch ?? '-',
    r.status + (r.interrupted ? '*' : ''),
    String(r.tests.length),
    secs(r.wallTimeMs),
    r.machineClass,
    String(alerts.get(r.runId) ?? 0),
  ]);
  const head = ['run', 'started (UTC)', 'branch', 'status', 'tests', 'wall', 'machine', 'alerts'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i]))
      .join('  ')
      .trimEnd();
  return (
    [
      fmt(head),
      ...rows.map(fmt),
      `${data.runs.length} run(s) in history${data.runs.length > runs.length ? `, ${runs.length} shown` : ''}`,
    ].join('\n') + '\n'
  );
}

function showText(data: HistoryData, run: CompactRun): string {
  const count = (o: string) => run.tests.filter((t) => t.outcome === o).length;
  const slow = run.tests
    .map((t) => ({ t, d: Math.max(0, ...t.attempts.map((a) => a[1])) }))
    .sort((a, b) => b.d - a.d)
    .slice(0, 10);
  const alerts = data.alerts.filter((a) => a.runId === run.runId);
  const pins = Object.entries(data.pins)
    .filter(([, ids]) => ids.includes(run.runId))
    .map(([n]) => n);
  return (
    [
      `run ${run.runId}`,
      `  started ${when(run.startTime)} UTC · wall ${secs(run.wallTimeMs)} · status ${run.status}${run.interrupted ? ' (interrupted)' : ''}`,
      `  branch ${run.branch ?? '-'} · commit ${run.commit?.slice(0, 12) ?? '-'} · machine ${run.machineClass} · Playwright ${run.env.playwrightVersion} · workers ${run.env.workers}`,
      ...(pins.length ? [`  pinned as ${pins.join(', ')}`] : []),
      `  tests ${run.tests.length}: ${count('expected')} passed, ${count('unexpected')} failed, ${count('flaky')} flaky, ${count('skipped')} skipped`,
      `  metric series ${run.metrics.length}`,
      '  slowest tests:',
      ...slow.map(({ t, d }) => `    ${secs(d).padStart(8)}  ${t.subject} [${t.project}]`),
      `  alerts ${alerts.length}${alerts.length ? ':' : ''}`,
      ...alerts.slice(0, 20).map((a) => `    [${a.severity}] ${a.kind}: ${a.message}`),
    ].join('\n') + '\n'
  );
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function exportCsv(data: HistoryData): string {
  const lines = ['runId,startTime,branch,metric,project,subject,samples,median'];
  for (const r of data.runs) {
    for (const s of runSeries(r)) {
      lines.push(
        [
          r.runId,
          new Date(r.startTime).toISOString(),
          r.branch ?? '',
          s.metric,
          s.project ?? '',
          s.subject,
          s.values.length,
          median(s.values),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'list, show, prune, export and pin runs in the history file',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        history: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        'keep-runs': { type: 'string' },
        'keep-days': { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string' },
      },
    });
    const [sub, ...args] = positionals;
    const db = values.db ?? (values.history ? undefined : process.env[HISTORY_URL_ENV]);
    if (values.db && values.history) throw new UsageError('--db and --history name two histories; give one');
    if (db !== undefined && !isDatabaseUrl(db)) throw new UsageError('--db must be a postgres:// or postgresql:// URL');
    const file = db ?? resolve(io.cwd, values.history ?? DEFAULT_HISTORY_PATH);
    const store = openHistoryStore(file);
    try {
      return await runSubcommand(sub, args, values, store, io);
    } finally {
      await store.close?.();
    }
  },
};

interface Values {
  limit?: string;
  json?: boolean;
  'keep-runs'?: string;
  'keep-days'?: string;
  'dry-run'?: boolean;
  format?: string;
  out?: string;
}

async function runSubcommand(
  sub: string | undefined,
  args: string[],
  values: Values,
  store: HistoryStore,
  io: CliIO,
): Promise<number> {
  const file = store.describe();
  switch (sub) {
    case 'list': {
      const data = await store.read();
      const limit = positiveInt('limit', values.limit, 20);
      io.stdout(
        values.json
          ? JSON.stringify(
              data.runs
                .slice(-limit)
                .reverse()
                .map(({ tests, metrics, ...r }) => ({ ...r, tests: tests.length, metricSeries: metrics.length })),
              null,
              2,
            ) + '\n'
          : listText(data, limit),
      );
      return 0;
    }
    case 'show': {
      if (args.length !== 1) throw new UsageError('show needs one run id (or "latest")');
      const data = await store.read();
      const run = findRun(data, args[0]);
      io.stdout(
        values.json
          ? JSON.stringify({ run, alerts: data.alerts.filter((a) => a.runId === run.runId) }, null, 2) + '\n'
          : showText(data, run),
      );
      return 0;
    }
    case 'prune': {
      const keepRuns = positiveInt('keep-runs', values['keep-runs'], DEFAULT_KEEP_RUNS);
      const keepDays = positiveInt('keep-days', values['keep-days'], DEFAULT_KEEP_DAYS);
      if (values['dry-run']) {
        const data = await store.read();
        const { removedRuns } = applyRetention(data, { keepRuns, keepDays });
        io.stdout(
          `would remove ${removedRuns.length} run(s)${removedRuns.length ? ': ' + removedRuns.map((r) => r.slice(0, 8)).join(', ') : ''}\n`,
        );
        return 0;
      }
      const removed = await store.update((d) => applyRetention(d, { keepRuns, keepDays }).removedRuns);
      io.stdout(`removed ${removed.length} run(s) from ${file}\n`);
      return 0;
    }
    case 'export': {
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got "${format}"`);
      const data = await store.read();
      const text = format === 'csv' ? exportCsv(data) : JSON.stringify(data, null, 2) + '\n';
      if (values.out) {
        try {
          writeFileAtomic(resolve(io.cwd, values.out), text);
        } catch (e) {
          io.stderr(`playwright-perf history: cannot write ${resolve(io.cwd, values.out)}: ${errorMessage(e)}\n`);
          return 1;
        }
        io.stdout(`wrote ${data.runs.length} run(s) to ${resolve(io.cwd, values.out)}\n`);
      } else io.stdout(text);
      return 0;
    }
    case 'import': {
      if (args.length !== 1)
        throw new UsageError(
          'import needs one JSON history file, e.g. "history import old/history.json --db postgres://…"',
        );
      if (isDatabaseUrl(args[0]))
        throw new UsageError('import reads a JSON history file; to copy out of a database use export');
      const source = openHistoryStore(resolve(io.cwd, args[0]));
      const res = await importHistory(await source.read(), store);
      io.stdout(
        `imported ${res.added} run(s) into ${file} (${res.skipped} already there), ${res.alerts} alert(s), ${res.pins} pin(s), ${res.optimizations} optimization(s)\n`,
      );
      return 0;
    }
    case 'pin': {
      const [name, ...refs] = args;
      if (!name) throw new UsageError('pin needs a name, e.g. "playwright-perf history pin release-1.2"');
      const ids = await store.update((d) => {
        const runs = (refs.length ? refs : ['latest']).map((ref) => findRun(d, ref).runId);
        d.pins[name] = runs;
        return runs;
      });
      io.stdout(`pinned "${name}" → ${ids.map((r) => r.slice(0, 8)).join(', ')}\n`);
      return 0;
    }
    case 'unpin': {
      if (args.length !== 1) throw new UsageError('unpin needs a name');
      const existed = await store.update((d) => {
        const had = args[0] in d.pins;
        delete d.pins[args[0]];
        return had;
      });
      if (!existed) throw new Error(`no pinned baseline named "${args[0]}"`);
      io.stdout(`unpinned "${args[0]}"\n`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  }
}
