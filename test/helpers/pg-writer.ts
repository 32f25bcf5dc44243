// One writer process of the concurrency test: records its own runs, and uploads its share of the
// shared runs' shards (each shard is uploaded by two writers, in a shuffled order).
// argv: <url> <writer index> <writers> <runs per writer> <shared runs> <shards per run>
import { openHistoryStore } from '../../src/store/history-store';
import { recordRun } from '../../src/store/record-run';
import { defaultHistoryOptions } from '../../src/store/options';
import { compact, compactTest, rng } from './history-factories';

async function main(): Promise<void> {
  const [url, w, writers, perWriter, shared, shards] = [process.argv[2], ...process.argv.slice(3).map(Number)];
  const store = openHistoryStore(url);
  const opts = { ...defaultHistoryOptions(), keepRuns: 100_000, keepDays: 100_000 };
  const now = Date.now();
  const jobs: Array<() => Promise<unknown>> = [];
  for (let i = 0; i < perWriter; i++) {
    const run = compact(w * 1000 + i, [compactTest(`w${w}.spec.ts › t${i}`, [100 + i])], [], {
      runId: `w${w}-r${i}`,
      startTime: now - 1e6 + w * 1000 + i,
    });
    jobs.push(() => recordRun(store, run, opts, { now }));
  }
  // Shard s of shared run k is uploaded by writers (k*shards+s) % writers and the next one.
  for (let k = 0; k < shared; k++) {
    for (let s = 1; s <= shards; s++) {
      const owner = (k * shards + s) % writers;
      if (w !== owner && w !== (owner + 1) % writers) continue;
      const part = compact(50_000 + k * 10 + s, [compactTest(`shared${k}.spec.ts › s${s}`, [200])], [], {
        runId: `ci-${k}`,
        shard: `${s}/${shards}`,
        startTime: now - 5e5 + k * 10 + s,
      });
      jobs.push(() => recordRun(store, part, opts, { now }));
    }
  }
  const r = rng(w + 1);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }
  for (const job of jobs) await job();
  await store.close?.();
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
