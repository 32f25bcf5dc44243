// `playwright-perf shard-plan`: a duration-balanced shard plan from measured durations (the last run
// plus history), with the predicted imbalance of the plan and of Playwright's own split; `--check`
// compares a merged sharded run with the plan. `shard-args` prints the test-list args for one shard.
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliCommand, CliIO } from '../command';
import { UsageError } from '../command';
import type { CompactRun, RunRecord, ShardPlan, ShardSplit } from '../../types';
import { measureShards, planShards, type ShardTestSample } from '../../analyze/optimizer/shard-plan';
import { DEFAULT_PLAN_DIR, PLAN_FILE, readPlanFile, writePlanFiles } from '../../shard/plan-file';
import { shardArgs } from '../../shard/shard-helper';
import { DEFAULT_HISTORY_PATH } from '../../store/options';
import { openHistoryStore } from '../../store/history-store';

const usage = `Usage: playwright-perf shard-plan --shards <n> [options]

Splits the suite into n shards of about the same wall time, from measured test durations (medians
over the last run and the run history). Playwright's --shard splits by test count, so one slow file
makes one shard the critical path; the plan balances time instead. Writes the plan and one
Playwright test list per shard, and prints the predicted imbalance of the plan and of --shard.

Options:
  --shards <n>        number of shards (required unless --check)
  --run <path>        run record (default: perf-report/run.json)
  --history <path>    run history to take medians from (default: .playwright-perf/history.json if present)
  --last <n>          history runs to use (default 10)
  --workers <n>       workers per shard (default: the run's)
  --out <dir>         where to write the plan (default: ${DEFAULT_PLAN_DIR})
  --check <path>      instead: compare a merged sharded run record with the plan in --out
  --json              print the plan (or the check) as JSON

Run one shard with either
  playwright.config.ts: ...shardFromPlan() from 'playwright-perf/shard', and PLAYWRIGHT_PERF_SHARD=i/n
  or: npx playwright test $(npx playwright-perf shard-args i/n)
`;

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describeSplit(name: string, s: ShardSplit): string {
  return `${name}: ${s.shards.map((x) => `${x.index}: ${sec(x.busyMs)} (${x.tests} tests)`).join(', ')}; largest ${sec(s.maxMs)} vs mean ${sec(s.meanMs)} (${pct(s.imbalance)})\n`;
}

function readJson<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new UsageError(`${what} ${path} not found`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function readRun(path: string): RunRecord {
  const run = readJson<RunRecord>(path, 'run record');
  if (run?.kind !== 'playwright-perf-run') throw new Error(`${path} is not a playwright-perf run record`);
  return run;
}

export function samplesOf(run: CompactRun): ShardTestSample[] {
  return run.tests
    .filter((t) => t.attempts.length)
    .map((t) => {
      const [file, ...titlePath] = t.subject.split(' › ');
      return { project: t.project, file, titlePath, durationMs: t.attempts.reduce((s, a) => s + a[1], 0) };
    });
}

function printPlan(plan: ShardPlan, io: CliIO, written: string[], cwd: string): void {
  io.stdout(
    `Shard plan: ${plan.shards} shards × ${plan.workers} worker${plan.workers > 1 ? 's' : ''}, ${plan.unit} units, durations from ${plan.runs} run${plan.runs > 1 ? 's' : ''}\n`,
  );
  io.stdout(describeSplit('  plan              ', plan.plan));
  io.stdout(describeSplit('  playwright --shard', plan.playwrightDefault));
  io.stdout(`  (test time per shard; each shard also pays ~${sec(plan.overheadMs)} of start-up and shutdown)\n`);
  io.stdout(
    plan.savingMs > 0
      ? `Playwright's split wastes ${sec(plan.savingMs)} per CI run: its slowest shard takes ${sec(plan.playwrightDefault.maxMs)}, the plan's ${sec(plan.plan.maxMs)}.\n`
      : `Playwright's split is already as balanced as the plan.\n`,
  );
  if (plan.grepUnsafe)
    io.stdout(
      `note: ${plan.grepUnsafe.length} test(s) share a file name and title with another folder: use shard-args (--test-list), not shardFromPlan()\n`,
    );
  io.stdout(`Wrote ${written.map((f) => relative(cwd, f)).join(', ')}\n`);
}

export const shardPlanCommand: CliCommand = {
  name: 'shard-plan',
  summary: 'split the suite into shards of equal measured wall time (and check a sharded run)',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        shards: { type: 'string' },
        run: { type: 'string' },
        history: { type: 'string' },
        last: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const int = (name: string, v: string | undefined, min: number) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min} (got ${v})`);
      return n;
    };
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_PLAN_DIR);
    if (values.check) {
      const plan = readPlanFile(join(outDir, PLAN_FILE));
      const measured = measureShards(readRun(resolve(io.cwd, values.check)));
      if (values.json) {
        io.stdout(JSON.stringify({ predicted: plan.plan, measured }, null, 2) + '\n');
        return 0;
      }
      io.stdout(
        `Measured test time: ${measured.shards.map((s) => `${s.index}: ${sec(s.busyMs)} (${s.tests} tests, shard run ${sec(s.durationMs)})`).join(', ')}; largest ${sec(measured.maxMs)} vs mean ${sec(measured.meanMs)} (${pct(measured.imbalance)}; Σ test durations ${pct(measured.workImbalance)})\n`,
      );
      io.stdout(
        `Predicted: largest ${sec(plan.plan.maxMs)} vs mean ${sec(plan.plan.meanMs)} (${pct(plan.plan.imbalance)})\n`,
      );
      return 0;
    }
    const shards = int('shards', values.shards, 1);
    if (shards === undefined) throw new UsageError('--shards <n> is required');
    const workers = int('workers', values.workers, 1);
    const last = int('last', values.last, 0) ?? 10;
    const run = readRun(resolve(io.cwd, values.run ?? 'perf-report/run.json'));
    const historyPath = values.history ? resolve(io.cwd, values.history) : join(io.cwd, DEFAULT_HISTORY_PATH);
    if (values.history && !existsSync(historyPath)) throw new UsageError(`history ${historyPath} not found`);
    const history =
      existsSync(historyPath) && last > 0
        ? (await openHistoryStore(historyPath).read()).runs
            .filter((r) => r.runId !== run.runId)
            .slice(-last)
            .map(samplesOf)
        : [];
    const plan = planShards({ run, history, shards, workers });
    const written = writePlanFiles(plan, outDir);
    if (values.json) io.stdout(JSON.stringify(plan, null, 2) + '\n');
    else printPlan(plan, io, written, io.cwd);
    return 0;
  },
};

export const shardArgsCommand: CliCommand = {
  name: 'shard-args',
  summary: 'print the playwright test arguments that run one shard of the plan',
  usage: `Usage: playwright-perf shard-args <current/total> [--plan path]\n\nPrints --test-list <file> (shard 1: --test-list-invert, so tests added since the plan run there),\nor --shard current/total when there is no plan yet. Example:\n  npx playwright test $(npx playwright-perf shard-args 2/3)\n`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { plan: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('give the shard as current/total, e.g. 2/3');
    let args: string[];
    try {
      args = shardArgs({
        shard: positionals[0],
        plan: resolve(io.cwd, values.plan ?? join(DEFAULT_PLAN_DIR, PLAN_FILE)),
      });
    } catch (e) {
      if (/must be "current\/total"/.test((e as Error).message)) throw new UsageError((e as Error).message);
      throw e;
    }
    io.stdout(args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ') + '\n');
    return 0;
  },
};
