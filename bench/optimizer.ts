// bench/optimizer: a generated suite with slowMo, unbalanced files and I/O-bound tests
// (test/helpers/optimizer-suites.ts): wall time of the original config, after
// `optimize --apply --validate`, and of the best point of an exhaustive sweep (slowMo × fullyParallel ×
// workers), medians of ≥ 3 runs each; the runs --validate spent; and shard imbalance of Playwright's
// --shard vs the duration-balanced plan on a suite with one heavy file, predicted and measured.
// Prints figures; asserts nothing.
//
//   node scripts/build.mjs && npx tsx bench/optimizer.ts [--runs 3] [--workers 1,2,4]
//
// Durations are Playwright's own run duration. The final comparison runs original / optimized /
// sweep-best interleaved (paired rounds) so machine noise hits all three alike.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { REPO_ROOT, runCli } from '../test/helpers/inline-project';
import {
  createHeavyFileSuite,
  createSearchSuite,
  runShardsAndMerge,
  SEARCH_CONFIG,
  SEARCH_SLOW_MO,
} from '../test/helpers/optimizer-suites';
import { measureRun } from '../src/optimize/measure';
import { median } from '../src/optimize/compare';
import { rewriteConfig } from '../src/optimize/config-rewriter';
import { measureShards } from '../src/analyze/optimizer/shard-plan';
import type { ConfigEdit, MeasuredRun, ShardPlan } from '../src/types';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, workers: { type: 'string' } } });
const RUNS = Math.max(3, Number(values.runs));
const WORKERS = values.workers ? values.workers.split(',').map(Number) : [1, 2, 4];
const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const log = (m: string) => process.stdout.write(m + '\n');

interface Point {
  slowMo: boolean;
  fp: boolean;
  workers: number;
}
const key = (p: Point) => `slowMo ${p.slowMo ? SEARCH_SLOW_MO : 0}, fullyParallel ${p.fp}, workers ${p.workers}`;

async function search() {
  const p = createSearchSuite('bench-optimizer');
  try {
    const configPath = p.file('playwright.config.ts');
    const first = await p.run([], { timeoutMs: 300_000 });
    if (first.exitCode !== 0) throw new Error('first run failed:\n' + first.stdout + first.stderr);
    const t0 = performance.now();
    const opt = await p.exec(
      process.execPath,
      [CLI, 'optimize', '--apply', '--validate', '--runs', String(RUNS), '--sweep', WORKERS.join(','), '--json'],
      { timeoutMs: 3_600_000 },
    );
    if (opt.exitCode !== 0) throw new Error('optimize failed:\n' + opt.stdout + opt.stderr);
    const { validation: v, backup } = JSON.parse(opt.stdout);
    log(
      `optimize --apply --validate: ${v.kept ? 'kept' : 'rolled back'} after ${v.runsSpent} runs in ${s(performance.now() - t0)} — ${v.reason}`,
    );
    if (v.sweep)
      log(
        `  worker race: ${v.sweep.map((x: { workers: number; medianMs: number; runs: unknown[] }) => `${x.workers}→${s(x.medianMs)} (${x.runs.length})`).join(', ')}`,
      );
    for (const e of v.edits ?? [])
      log(
        `  ${e.kept ? 'kept' : 'dropped'} ${e.title}: effect ${e.effectMs ?? '?'} ms/run (${e.runs} runs) — ${e.reason}`,
      );
    log(
      `  final edits: ${backup.edits.map((e: ConfigEdit) => `${e.path}=${e.toExpression ?? JSON.stringify(e.to)}`).join(', ')}`,
    );
    const optimizedPath = p.file('playwright.optimized.config.ts');
    writeFileSync(optimizedPath, readFileSync(configPath, 'utf8'));
    writeFileSync(configPath, SEARCH_CONFIG);

    const variant = (pt: Point) => {
      const edits: ConfigEdit[] = [];
      if (!pt.slowMo) edits.push({ path: 'use.launchOptions.slowMo', from: SEARCH_SLOW_MO, to: 0 });
      if (pt.fp) edits.push({ path: 'fullyParallel', from: false, to: true });
      const file = p.file(`sweep-${pt.slowMo ? 's' : 'n'}${pt.fp ? 'p' : 'f'}.config.ts`);
      writeFileSync(file, rewriteConfig(SEARCH_CONFIG, file, edits).text);
      return file;
    };
    const points: Point[] = [];
    for (const slowMo of [true, false])
      for (const fp of [false, true]) for (const workers of WORKERS) points.push({ slowMo, fp, workers });
    const runs = new Map<string, MeasuredRun[]>();
    const measure = async (pt: Point) =>
      runs.set(key(pt), [
        ...(runs.get(key(pt)) ?? []),
        await measureRun({ configPath: variant(pt), label: key(pt), workers: pt.workers }),
      ]);
    const med = (pt: Point) => median(runs.get(key(pt))!.map((r) => r.durationMs));
    for (const pt of points) await measure(pt);
    const top = [...points]
      .filter((pt) => runs.get(key(pt))!.every((r) => r.failed === 0))
      .sort((a, b) => med(a) - med(b))
      .slice(0, 3);
    for (let i = 1; i < RUNS; i++) for (const pt of top) await measure(pt);
    for (const pt of points)
      log(
        `  sweep ${key(pt)}: ${runs
          .get(key(pt))!
          .map((r) => s(r.durationMs))
          .join(', ')}`,
      );
    const best = top.reduce((a, b) => (med(b) < med(a) ? b : a));
    log(
      `exhaustive sweep (${points.length} points, ${[...runs.values()].flat().length} runs): best ${key(best)} median ${s(med(best))}`,
    );

    const bestPath = variant(best);
    const times: Record<'original' | 'optimized' | 'best', number[]> = { original: [], optimized: [], best: [] };
    for (let i = 0; i < RUNS; i++) {
      times.original.push((await measureRun({ configPath, label: 'original' })).durationMs);
      times.optimized.push((await measureRun({ configPath: optimizedPath, label: 'optimized' })).durationMs);
      times.best.push((await measureRun({ configPath: bestPath, label: 'best', workers: best.workers })).durationMs);
    }
    const mo = median(times.original),
      mz = median(times.optimized),
      mb = median(times.best);
    log(`\npaired medians over ${RUNS} interleaved rounds:`);
    log(
      `  original (slowMo ${SEARCH_SLOW_MO}, workers 1, fullyParallel off): ${s(mo)}  [${times.original.map(s).join(', ')}]`,
    );
    log(`  optimized: ${s(mz)}  [${times.optimized.map(s).join(', ')}]  ${pct((mz - mo) / mo)}`);
    log(`  exhaustive-sweep best (${key(best)}): ${s(mb)}  [${times.best.map(s).join(', ')}]  ${pct((mb - mo) / mo)}`);
    log(`  optimized vs best: ${pct((mz - mb) / mb)}; runs spent by --validate: ${v.runsSpent}`);
  } finally {
    p.cleanup();
  }
}

async function shards() {
  const p = createHeavyFileSuite('bench-shards');
  try {
    const first = await p.run([]);
    if (first.exitCode !== 0) throw new Error('first run failed:\n' + first.stdout + first.stderr);
    const planned = await runCli(['shard-plan', '--shards', '3', '--json'], p.dir);
    const plan = JSON.parse(planned.stdout) as ShardPlan;
    await runShardsAndMerge(p, 3, { args: (i) => ['--shard', `${i}/3`] }, 'merged-default');
    await runShardsAndMerge(p, 3, { env: (i) => ({ PLAYWRIGHT_PERF_SHARD: `${i}/3` }) }, 'merged-plan');
    const mDefault = measureShards(p.readRun('merged-default'));
    const mPlan = measureShards(p.readRun('merged-plan'));
    log(`\nshards (one heavy file 3 × 900 ms + six 150 ms files, 3 shards × 1 worker):`);
    log(
      `  Playwright --shard: predicted imbalance ${pct(plan.playwrightDefault.imbalance)}; measured test time ${mDefault.shards.map((x) => s(x.busyMs)).join(' / ')} → ${pct(mDefault.imbalance)} (Σ durations ${pct(mDefault.workImbalance)}); slowest shard run ${s(Math.max(...mDefault.shards.map((x) => x.durationMs)))}`,
    );
    log(
      `  duration plan:      predicted imbalance ${pct(plan.plan.imbalance)}; measured test time ${mPlan.shards.map((x) => s(x.busyMs)).join(' / ')} → ${pct(mPlan.imbalance)} (Σ durations ${pct(mPlan.workImbalance)}); slowest shard run ${s(Math.max(...mPlan.shards.map((x) => x.durationMs)))}`,
    );
    log(`  predicted saving on the critical path: ${s(plan.savingMs)}`);
  } finally {
    p.cleanup();
  }
}

async function main() {
  log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${RUNS} runs per point; workers ${WORKERS.join(',')}`,
  );
  await shards();
  await search();
  log(
    `load at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
