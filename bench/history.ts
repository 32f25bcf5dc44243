// Benchmark: history with 200 runs × 1,000 tests (plus step and navigation series). Measures, per
// iteration, loading the file, the whole record stage (lock, read, baseline, compare, quality,
// append, retention, atomic write) and its parts; prints medians of several iterations and the
// file size. Run: `npx tsx bench/history.ts [runs] [tests] [iterations] [json|postgres]`; the
// postgres mode starts its own server (Debian's postgresql, as the tests do) and seeds it in bulk.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openHistoryStore } from '../src/store/history-store';
import { recordRun, compareWithHistory } from '../src/store/record-run';
import { defaultHistoryOptions } from '../src/store/options';
import { emptyHistory } from '../src/store/migrations';
import { packHistory } from '../src/store/packed-format';
import type { CompactRun } from '../src/types';
import { rng } from '../test/helpers/history-factories';
import { syntheticCompactRun } from './helpers/synthetic-history';
import { startPostgres, type PgServer } from '../test/helpers/postgres-server';
import { insertPart } from '../src/store/postgres/write';
import { Client, type PoolClient } from 'pg';

const RUNS = Number(process.argv[2] ?? 200);
const TESTS = Number(process.argv[3] ?? 1000);
const ITERATIONS = Number(process.argv[4] ?? 5);
const STORE = process.argv[5] ?? 'json';

const r = rng(1);
function makeRun(i: number): CompactRun {
  return syntheticCompactRun(
    r,
    TESTS,
    `run-${i}-${Math.floor(r() * 1e9).toString(16)}`,
    Date.now() - (RUNS - i) * 3_600_000,
  );
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-history-'));
  try {
    const file = join(dir, 'history.json');
    const data = emptyHistory();
    data.runs = Array.from({ length: RUNS }, (_, i) => makeRun(i));
    const plainSize = JSON.stringify(data).length;
    let size = 0;
    let store: ReturnType<typeof openHistoryStore>;
    if (STORE === 'postgres') {
      pg = await startPostgres();
      const url = await pg.createDatabase('bench');
      await seedPostgres(url, data.runs);
      store = openHistoryStore(url);
    } else {
      writeFileSync(file, JSON.stringify(packHistory(data)));
      size = statSync(file).size;
      store = openHistoryStore(file);
    }
    const opts = { ...defaultHistoryOptions(), keepRuns: RUNS }; // steady state: one in, one out
    await store.read(); // warm-up: lowdb import, JIT
    const load: number[] = [],
      compare: number[] = [],
      stage: number[] = [];
    const loadCpu: number[] = [],
      compareCpu: number[] = [],
      stageCpu: number[] = [];
    // CPU time (user + system) next to wall time: on a shared, oversubscribed machine wall time
    // mostly measures the neighbours.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (let i = 0; i < ITERATIONS; i++) {
      const current = makeRun(RUNS + i);
      let t = performance.now(),
        c = cpu();
      const snapshot = await store.read();
      load.push(performance.now() - t);
      loadCpu.push(cpu() - c);
      t = performance.now();
      c = cpu();
      const res = compareWithHistory(snapshot, current, opts);
      compare.push(performance.now() - t);
      compareCpu.push(cpu() - c);
      if (i === 0)
        console.log(
          `  findings: ${res.comparison?.summary?.compared} series compared, ${res.comparison?.summary?.regressions} regressions (synthetic noise)`,
        );
      t = performance.now();
      c = cpu();
      await recordRun(store, current, opts);
      stage.push(performance.now() - t);
      stageCpu.push(cpu() - c);
    }
    console.log(
      `history bench (${STORE}): ${RUNS} runs × ${TESTS} tests (+70 metric series per run), ${ITERATIONS} iterations, node ${process.version}`,
    );
    if (size)
      console.log(
        `  file size              ${(size / 2 ** 20).toFixed(1)} MiB (${size} bytes; ${(plainSize / 2 ** 20).toFixed(1)} MiB as plain objects)`,
      );
    const row = (label: string, wall: number[], cpuMs: number[]) =>
      console.log(
        `  ${label.padEnd(22)} wall median ${med(wall).toFixed(0).padStart(5)} ms, CPU median ${med(cpuMs).toFixed(0).padStart(5)} ms   wall [${wall.map((x) => x.toFixed(0)).join(', ')}]`,
      );
    row('load (read + parse)', load, loadCpu);
    row('compare + quality', compare, compareCpu);
    row('full record stage', stage, stageCpu);
    console.log('  (full record stage = lock + load + compare + quality + append + retention + atomic write)');
    const { loadavg } = await import('node:os');
    console.log(`  load average during the bench: ${loadavg()[0].toFixed(1)}`);
    await store.close?.();
  } finally {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

let pg: PgServer | undefined;

/** Bulk seeding in one transaction per 50 runs: the history a fleet would have built up. */
async function seedPostgres(url: string, runs: CompactRun[]): Promise<void> {
  const seeder = openHistoryStore(url);
  await seeder.read(); // creates the schema
  await seeder.close?.();
  const client = new Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  for (let i = 0; i < runs.length; i += 50) {
    await client.query('BEGIN');
    for (const run of runs.slice(i, i + 50)) await insertPart(client as unknown as PoolClient, run);
    await client.query('COMMIT');
  }
  await client.end();
  console.log(`  seeded ${runs.length} runs in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
