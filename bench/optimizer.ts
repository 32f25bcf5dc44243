// bench/optimizer: the deliberately badly configured sample suite (test/fixtures/slow-suite),
// wall time before vs after `optimize --apply --validate`, and vs the best config an exhaustive
// sweep (workers × fullyParallel × trace) finds. Prints figures; asserts nothing.
//
//   node scripts/build.mjs && npx tsx bench/optimizer.ts [--runs 3] [--sweep-runs 1] [--workers 1,2,4,8]
//
// Durations are Playwright's own run duration (the JSON reporter's stats.duration equivalent).
// The final comparison runs original / optimized / sweep-best interleaved (paired rounds) so
// machine noise hits all three alike; medians are reported.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { REPO_ROOT } from '../test/helpers/inline-project';
import { createSlowSuite } from '../test/helpers/slow-suite';
import { measureRun } from '../src/optimize/measure';
import { median } from '../src/optimize/compare';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'sweep-runs': { type: 'string', default: '1' }, workers: { type: 'string' } } });
const RUNS = Number(values.runs);
const SWEEP_RUNS = Number(values['sweep-runs']);
const WORKERS = values.workers ? values.workers.split(',').map(Number) : [...new Set([1, 2, cpus().length, 2 * cpus().length, 8])].sort((a, b) => a - b);
const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (m: string) => process.stdout.write(m + '\n');

async function main() {
  const p = createSlowSuite('bench-optimizer');
  try {
    const configPath = p.file('playwright.config.ts');
    const original = readFileSync(configPath, 'utf8');
    log(`machine: ${cpus().length} cores; runs per side ${RUNS}; sweep ${WORKERS.join(',')} × fullyParallel × trace, ${SWEEP_RUNS} run(s) each`);
    const first = await p.run([], { timeoutMs: 300_000 });
    if (first.exitCode !== 0) throw new Error('first run failed:\n' + first.stdout + first.stderr);

    const t0 = performance.now();
    const opt = await p.exec(process.execPath, [CLI, 'optimize', '--apply', '--validate', '--runs', String(RUNS), '--json'], { timeoutMs: 1_800_000 });
    const optimizeMs = performance.now() - t0;
    if (opt.exitCode !== 0) throw new Error('optimize failed:\n' + opt.stdout + opt.stderr);
    const result = JSON.parse(opt.stdout);
    const v = result.validation;
    const optimized = readFileSync(configPath, 'utf8');
    log(`\noptimize --apply --validate (${s(optimizeMs)} incl. ${v.baseline.length + v.candidate.length + (v.sweep?.reduce((n: number, x: { runs: unknown[] }) => n + x.runs.length, 0) ?? 0)} suite runs): ${v.kept ? 'kept' : 'rolled back'} — ${v.reason}`);
    if (v.sweep) log(`  its worker sweep: ${v.sweep.map((x: { workers: number; medianMs: number }) => `${x.workers}→${s(x.medianMs)}`).join(', ')}`);
    log(`  edits: ${result.backup.edits.map((e: { path: string; to: unknown; toExpression?: string }) => `${e.path}=${e.toExpression ?? JSON.stringify(e.to)}`).join(', ')}`);

    // Exhaustive sweep on the original config via CLI overrides.
    writeFileSync(configPath, original);
    const sweep: Array<{ key: string; args: string[]; medianMs: number; failed: number }> = [];
    for (const w of WORKERS) for (const fp of [false, true]) for (const trace of ['on', 'off']) {
      const args = ['--trace', trace, ...(fp ? ['--fully-parallel'] : [])];
      const ms: number[] = [];
      let failed = 0;
      for (let i = 0; i < SWEEP_RUNS; i++) {
        const r = await measureRun({ configPath, label: 'sweep', workers: w, args });
        ms.push(r.durationMs);
        failed += r.failed;
      }
      const key = `workers=${w} fullyParallel=${fp} trace=${trace}`;
      sweep.push({ key, args: [...args, '--workers', String(w)], medianMs: median(ms), failed });
      log(`  sweep ${key}: ${s(median(ms))}${failed ? ` (${failed} failed)` : ''}`);
    }
    const best = sweep.filter((x) => x.failed === 0).sort((a, b) => a.medianMs - b.medianMs)[0];
    log(`exhaustive sweep best: ${best.key} (${s(best.medianMs)})`);

    // Paired final comparison: original / optimized / sweep-best, interleaved.
    const optimizedPath = p.file('playwright.optimized.config.ts');
    writeFileSync(optimizedPath, optimized);
    const times: Record<string, number[]> = { original: [], optimized: [], best: [] };
    for (let i = 0; i < RUNS; i++) {
      times.original.push((await measureRun({ configPath, label: 'original' })).durationMs);
      times.optimized.push((await measureRun({ configPath: optimizedPath, label: 'optimized' })).durationMs);
      times.best.push((await measureRun({ configPath, label: 'best', args: best.args })).durationMs);
    }
    const mo = median(times.original), mz = median(times.optimized), mb = median(times.best);
    log(`\npaired medians over ${RUNS} rounds:`);
    log(`  original (workers 1, fullyParallel off, trace on): ${s(mo)}  [${times.original.map(s).join(', ')}]`);
    log(`  after optimize --apply --validate${v.kept ? '' : ' (rolled back = original)'}: ${s(mz)}  [${times.optimized.map(s).join(', ')}]  ${(((mz - mo) / mo) * 100).toFixed(1)} %`);
    log(`  exhaustive-sweep best (${best.key}): ${s(mb)}  [${times.best.map(s).join(', ')}]  ${(((mb - mo) / mo) * 100).toFixed(1)} %`);
    log(`  optimized vs best: ${(((mz - mb) / mb) * 100).toFixed(1)} %`);
  } finally {
    p.cleanup();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
