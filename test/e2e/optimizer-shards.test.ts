// Duration-balanced shards for real: a suite with one heavy file (3 × 900 ms) and six light ones
// (150 ms). The plan's largest shard is within 15 % of the mean where Playwright's --shard (split by
// count, which we replicate — checked here against `--list --shard`) is not; then a real 3-shard run
// through the config helper (PLAYWRIGHT_PERF_SHARD), blobs merged, runs every test exactly once and
// confirms the balance. Tests sleep instead of driving a browser, so the check is cheap and load-proof.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/inline-project';
import { createHeavyFileSuite, runShardsAndMerge } from '../helpers/optimizer-suites';
import type { ShardMeasurement, ShardPlan, ShardSplit } from '../../src/types';

const titlesOf = (s: ShardSplit, i: number) => s.shards[i].units.map((u) => u.titlePath!.join(' ')).sort();

test('shard plan: balanced by measured time; a real 3-shard run with the helper confirms it', async () => {
  const p = createHeavyFileSuite();
  try {
    const first = await p.run([]);
    assert.equal(first.exitCode, 0, first.stdout + first.stderr);

    const planned = await runCli(['shard-plan', '--shards', '3', '--json'], p.dir);
    assert.equal(planned.exitCode, 0, planned.stderr);
    const plan = JSON.parse(planned.stdout) as ShardPlan;
    const summary = JSON.stringify({
      plan: plan.plan.shards.map((s) => s.busyMs),
      pw: plan.playwrightDefault.shards.map((s) => s.busyMs),
    });
    assert.equal(plan.unit, 'test');
    assert.ok(plan.plan.imbalance < 0.15, `plan within 15 % of the mean: ${summary}`);
    assert.ok(plan.playwrightDefault.imbalance > 0.15, `--shard is not: ${summary}`);
    assert.ok(plan.savingMs > 0);
    const text = await runCli(['shard-plan', '--shards', '3'], p.dir);
    assert.match(text.stdout, /Playwright's split wastes \d+\.\d s per CI run/);

    // Our replica of Playwright's split is the real one.
    for (let i = 0; i < 3; i++) {
      const list = await p.run(['--list', '--shard', `${i + 1}/3`, '--reporter', 'list']);
      const titles = [...list.stdout.matchAll(/› ((?:heavy|light) \d)\s*$/gm)].map((m) => m[1]).sort();
      assert.deepEqual(titles, titlesOf(plan.playwrightDefault, i), list.stdout);
    }

    // A real sharded run through the config helper, merged.
    await runShardsAndMerge(p, 3, { env: (i) => ({ PLAYWRIGHT_PERF_SHARD: `${i}/3` }) }, 'merged-report');
    const merged = p.readRun('merged-report');
    const ran = merged.tests.map((t) => t.title).sort();
    assert.deepEqual(
      ran,
      [1, 2, 3]
        .map((i) => `heavy ${i}`)
        .concat([1, 2, 3, 4, 5, 6].map((i) => `light ${i}`))
        .sort(),
      'every test ran exactly once',
    );
    // Each shard ran what the plan gave it.
    for (const t of merged.tests) {
      const shard = t.results[0].shardIndex!;
      assert.ok(titlesOf(plan.plan, shard - 1).includes(t.title), `${t.title} ran in shard ${shard}`);
    }
    const checked = await runCli(['shard-plan', '--check', 'merged-report/run.json', '--json'], p.dir);
    assert.equal(checked.exitCode, 0, checked.stderr);
    const m = (JSON.parse(checked.stdout) as { measured: ShardMeasurement }).measured;
    const measured = JSON.stringify(m.shards);
    assert.equal(m.shards.length, 3, measured);
    // Σ test durations per shard is what the plan balances (sleeps: load-proof); the first-to-last
    // test span adds per-test overhead and the shard run adds start-up, both printed for the record.
    assert.ok(m.workImbalance < 0.15, `measured within 15 % of the mean: ${measured}`);
    console.log(
      `shards: predicted test time ${summary}; measured spans ${m.shards.map((s) => s.busyMs)} (imbalance ${m.imbalance}), work imbalance ${m.workImbalance}, shard runs ${m.shards.map((s) => s.durationMs)}`,
    );
  } finally {
    p.cleanup();
  }
});
