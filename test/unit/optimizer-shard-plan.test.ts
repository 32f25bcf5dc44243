// Duration-balanced shards: LPT over Playwright's scheduling units, Playwright's own split by count
// (replicated), medians over history, the plan files and the helper users keep in their config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  lptShards,
  measureShards,
  planShards,
  playwrightShards,
  shardUnits,
} from '../../src/analyze/optimizer/shard-plan';
import { readPlanFile, writePlanFiles, testListLine } from '../../src/shard/plan-file';
import { fileRegExp, shardArgs, shardFromPlan, testRegExp } from '../../src/shard/shard-helper';
import type { ShardUnit } from '../../src/types';
import { attempt, makeRun, makeTest } from '../helpers/optimizer-factories';

const unit = (file: string, tests: number, durationMs: number): ShardUnit => ({ project: '', file, tests, durationMs });

/** One heavy file (3 × 900 ms) and six light ones (150 ms), as the e2e suite. */
function heavyRun(fullyParallel: boolean) {
  const tests = [
    ...[1, 2, 3].map((i) =>
      makeTest({
        file: 'a-heavy.spec.ts',
        title: `heavy ${i}`,
        titlePath: [`heavy ${i}`],
        results: [attempt({ durationMs: 900 })],
      }),
    ),
    ...[1, 2, 3, 4, 5, 6].map((i) =>
      makeTest({
        file: `light-${i}.spec.ts`,
        title: `light ${i}`,
        titlePath: [`light ${i}`],
        results: [attempt({ durationMs: 150 })],
      }),
    ),
  ];
  return makeRun({ tests, workers: 1, fullyParallel });
}

test("Playwright's split: contiguous groups by test count, remainder to the first shards", () => {
  const us = [unit('a', 3, 1), unit('b', 1, 1), unit('c', 1, 1), unit('d', 1, 1), unit('e', 1, 1)];
  assert.deepEqual(
    playwrightShards(us, 3).map((s) => s.map((u) => u.file)),
    [['a'], ['b', 'c'], ['d', 'e']],
  );
  assert.deepEqual(
    lptShards([unit('a', 1, 5), unit('b', 1, 4), unit('c', 1, 3), unit('d', 1, 3)], 2).map((s) => s.map((u) => u.file)),
    [
      ['a', 'd'],
      ['b', 'c'],
    ],
  );
});

test('one heavy file: the plan balances wall time where --shard does not', () => {
  const plan = planShards({ run: heavyRun(true), shards: 3, now: new Date(0) });
  assert.equal(plan.unit, 'test');
  assert.deepEqual(
    plan.plan.shards.map((s) => s.workMs),
    [1200, 1200, 1200],
  );
  assert.ok(plan.plan.imbalance < 0.15, String(plan.plan.imbalance));
  assert.deepEqual(
    plan.playwrightDefault.shards.map((s) => s.workMs),
    [2700, 450, 450],
  );
  assert.ok(plan.playwrightDefault.imbalance > 0.15);
  assert.equal(plan.savingMs, 1500);
  assert.deepEqual(
    plan.plan.shards.map((s) => s.busyMs),
    [1200, 1200, 1200],
  );
  assert.equal(plan.playwrightDefault.imbalance, 1.25);
  // fullyParallel off: a file stays on one shard (Playwright would keep it on one worker anyway).
  const files = planShards({ run: heavyRun(false), shards: 3 });
  assert.equal(files.unit, 'file');
  assert.deepEqual(files.plan.shards.map((s) => s.workMs).sort(), [2700, 450, 450].sort());
});

test('durations are medians over the run and the history', () => {
  const run = heavyRun(true);
  const history = [1, 2].map(() => [
    { project: '', file: 'light-1.spec.ts', titlePath: ['light 1'], durationMs: 3000 },
  ]);
  const us = shardUnits(run, history);
  assert.equal(us.find((u) => u.file === 'light-1.spec.ts')!.durationMs, 3000); // median of 150, 3000, 3000
  assert.equal(planShards({ run, history, shards: 2 }).runs, 3);
});

test('plan files, test lists and the config helper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-shards-'));
  try {
    const plan = planShards({ run: heavyRun(true), shards: 3 });
    writePlanFiles(plan, dir);
    const planFile = join(dir, 'shard-plan.json');
    assert.deepEqual(readPlanFile(planFile).plan, plan.plan);
    assert.equal(
      testListLine({ project: 'chromium', file: 'a/b.spec.ts', titlePath: ['d', 't'], tests: 1, durationMs: 1 }),
      '[chromium] › a/b.spec.ts › d › t',
    );
    const list2 = readFileSync(join(dir, 'shard-2-of-3.txt'), 'utf8');
    assert.match(list2, /^a-heavy\.spec\.ts › heavy \d$/m);
    // Shard 1 excludes what the others run (new tests land there); shards 2..n select theirs.
    const s1 = shardFromPlan({ plan: planFile, shard: '1/3' });
    assert.equal(s1.grepInvert!.length, 6);
    assert.equal(s1.testMatch, undefined);
    const s2 = shardFromPlan({ plan: planFile, shard: '2/3' });
    assert.equal(s2.grep!.length, 3);
    assert.ok(s2.testMatch!.some((r) => r.test('/ci/project/tests/a-heavy.spec.ts')));
    // Grep titles as Playwright builds them: `<project> <file> <describe…> <title> <tags>`.
    assert.ok(
      testRegExp({
        project: 'p1',
        file: 'tests/sub/a.spec.ts',
        titlePath: ['d', 't one'],
        tests: 1,
        durationMs: 1,
      }).test('p1 sub/a.spec.ts d t one @x'),
    );
    assert.ok(
      !testRegExp({ project: 'p1', file: 'sub/a.spec.ts', titlePath: ['t'], tests: 1, durationMs: 1 }).test(
        'p1 sub/a.spec.ts t two',
      ),
    );
    assert.ok(
      fileRegExp('sub/a.spec.ts').test('C:\\p\\tests\\sub\\a.spec.ts') &&
        !fileRegExp('a.spec.ts').test('/p/ba.spec.ts'),
    );
    assert.deepEqual(shardArgs({ plan: planFile, shard: '2/3' }), ['--test-list', join(dir, 'shard-2-of-3.txt')]);
    assert.deepEqual(shardArgs({ plan: planFile, shard: '1/3' }), [
      '--test-list-invert',
      join(dir, 'shard-1-of-3.invert.txt'),
    ]);
    // No shard asked for: nothing filtered. No plan: Playwright's own split. Wrong total or input: clear errors.
    delete process.env.PLAYWRIGHT_PERF_SHARD;
    assert.deepEqual(shardFromPlan({ plan: planFile }), {});
    assert.deepEqual(shardFromPlan({ plan: join(dir, 'none.json'), shard: '2/3' }), {
      shard: { current: 2, total: 3 },
    });
    assert.throws(() => shardFromPlan({ plan: planFile, shard: '2/4' }), /has 3 shards, but 4 were asked for/);
    assert.throws(() => shardFromPlan({ plan: planFile, shard: '4/3' }), /must be "current\/total"/);
    writeFileSync(planFile, JSON.stringify({ ...plan, version: 9 }));
    assert.throws(() => readPlanFile(planFile), /field "version" is 9/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('measured imbalance from a merged run: per-shard test time, shard runs and work', () => {
  const run = heavyRun(true); // tests ran back to back: the heavy file first
  run.tests.forEach((t, i) => {
    t.results[0].shardIndex = Math.floor(i / 3) + 1;
  });
  run.meta.merged = {
    shards: 3,
    shardRuns: [1, 2, 3].map((i) => ({ shardIndex: i, startTime: 0, durationMs: 3000 + i * 100, status: 'passed' })),
  };
  const m = measureShards(run);
  assert.deepEqual(
    m.shards.map((s) => [s.index, s.durationMs, s.busyMs, s.workMs, s.tests]),
    [
      [1, 3100, 2700, 2700, 3],
      [2, 3200, 450, 450, 3],
      [3, 3300, 450, 450, 3],
    ],
  );
  assert.equal(m.imbalance, 1.25);
  assert.equal(m.workImbalance, 1.25);
});
