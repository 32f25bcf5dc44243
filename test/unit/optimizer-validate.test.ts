// Validation logic with a stubbed measurement (no Playwright): keeps a faster candidate, rolls back a
// slower one or one with new failures, picks the sweep's fastest worker count, and never leaves an
// unvalidated edit behind when a run crashes. Plus the comparison statistics and the CLI's arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { MeasuredRun } from '../../src/types';
import { planOptimization } from '../../src/optimize/plan';
import { applyAndValidate } from '../../src/optimize/validate';
import { compareSamples } from '../../src/optimize/compare';
import { readManifest, backupDirFor } from '../../src/optimize/backup';
import type { MeasureOptions } from '../../src/optimize/measure';
import { main } from '../../src/cli/main';
import { CORPUS_DIR } from '../helpers/optimizer-corpus';
import { openHistoryStore } from '../../src/store/history-store';
import { listOptimizations } from '../../src/store/optimizations';
import { attempt, makeRun, makeTest, project } from '../helpers/optimizer-factories';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-validate-'));
  const configPath = join(dir, 'playwright.config.ts');
  copyFileSync(join(CORPUS_DIR, '01-define-config.ts'), configPath);
  const tests = ['a', 'a', 'a', 'a', 'b', 'c'].map((f) =>
    makeTest({ file: `${f}.spec.ts`, results: [attempt({ durationMs: 1000 })] }),
  );
  const run = makeRun({ tests, workers: 1, cpus: 2, projects: [project({ use: { trace: 'on' } })] });
  run.config.configFile = configPath;
  return { dir, configPath, run, original: readFileSync(configPath) };
}

const fake = (durationMs: number, o: Partial<MeasuredRun> = {}): MeasuredRun => ({
  label: '',
  durationMs,
  processMs: durationMs + 500,
  exitCode: 0,
  passed: 6,
  failed: 0,
  flaky: 0,
  skipped: 0,
  failedTests: [],
  ...o,
});

/** Baseline = the config as first read; candidate = anything else. */
function stub(original: Buffer, candidate: (o: MeasureOptions) => MeasuredRun, base = [10_000, 10_400, 9_800]) {
  let i = 0;
  const calls: MeasureOptions[] = [];
  const measure = async (o: MeasureOptions) => {
    calls.push(o);
    if (readFileSync(o.configPath).equals(original)) return fake(base[i++ % base.length]);
    return candidate(o);
  };
  return { measure, calls };
}

/** Worker count from the flag (sweep) or from the edited file; fullyParallel from the file. */
const workersOf = (o: MeasureOptions) =>
  o.workers ?? Number(/workers: (\d+)/.exec(readFileSync(o.configPath, 'utf8'))![1]);
const fpOn = (o: MeasureOptions) => /fullyParallel: true/.test(readFileSync(o.configPath, 'utf8'));

test('the search races worker counts (successive halving) and keeps a change that measurably helps', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    assert.deepEqual(plan.selected.map((r) => r.id).sort(), ['rec.parallelism.long-tail', 'rec.parallelism.workers']);
    let n = 0;
    // Distinct values keep the U test exact; fullyParallel saves 1 s at any count.
    const { measure, calls } = stub(s.original, (o) =>
      fake((workersOf(o) === 4 ? 5_000 : workersOf(o) === 2 ? 6_000 : 6_100) + (fpOn(o) ? 0 : 1_000) + n++),
    );
    const lines: string[] = [];
    const { entry, validation } = await applyAndValidate({
      plan,
      runs: 3,
      sweep: [1, 2, 4],
      measure,
      progress: (l) => lines.push(l),
    });
    assert.equal(validation.kept, true, validation.reason);
    assert.equal(validation.chosenWorkers, 4);
    // Round 1: every count once; round 2: the top half (4, 2); round 3: 4 alone (2 is > 5 % slower).
    assert.deepEqual(
      validation.sweep!.map((x) => [x.workers, x.runs.length]),
      [
        [1, 1],
        [2, 2],
        [4, 3],
      ],
    );
    // Without fullyParallel one run is > 10 % slower than every run with it: decided after one run.
    const fp = validation.edits!.find((e) => e.recommendationId === 'rec.parallelism.long-tail')!;
    assert.equal(fp.kept, true);
    assert.equal(fp.runs, 1);
    assert.ok(fp.effectMs! > 900, String(fp.effectMs));
    const text = readFileSync(s.configPath, 'utf8');
    assert.match(text, /workers: 4,/);
    assert.match(text, /fullyParallel: true,/);
    assert.equal(entry.status, 'kept');
    // Every candidate run is > 10 % faster than every baseline run: no confirmation pairs needed.
    assert.equal(validation.runsSpent, 3 + 6 + 1);
    assert.equal(calls.length, 10);
    assert.equal(validation.confirmation, undefined);
    assert.match(lines[0], /^\[1\/\d+\] baseline run 1\/3: 10\.0 s, 6 passed · ETA \d+(m\d+)?s$/);
    assert.match(lines[lines.length - 1], /^\[10\/\d+\] without fullyParallel: false → true: 6\.\d s, 6 passed/);
    const m = readManifest(backupDirFor(s.configPath));
    assert.equal(m.entries[0].validation!.kept, true);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('a change that does not measurably help is dropped; the final config is confirmed', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    let n = 0;
    const { measure } = stub(s.original, (o) => fake((workersOf(o) === 4 ? 5_000 : 6_000) + (n++ % 3) * 10));
    const { validation } = await applyAndValidate({ plan, runs: 3, sweep: [2, 4], measure });
    assert.equal(validation.kept, true, validation.reason);
    const fp = validation.edits!.find((e) => e.recommendationId === 'rec.parallelism.long-tail')!;
    assert.equal(fp.kept, false, fp.reason);
    assert.match(fp.reason, /no measurable gain/);
    const text = readFileSync(s.configPath, 'utf8');
    assert.match(text, /workers: 4,/);
    assert.match(text, /fullyParallel: false,/, 'the dropped change is not in the config');
    assert.deepEqual(
      readManifest(backupDirFor(s.configPath)).entries[0].edits.map((e) => e.path),
      ['workers'],
    );
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('the budget stops the search: best measured so far, untested changes reported', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    const { measure, calls } = stub(s.original, (o) => fake(workersOf(o) === 2 ? 5_000 : 6_000));
    await assert.rejects(
      applyAndValidate({ plan, runs: 3, budget: { runs: 3 }, measure }),
      /budget\.runs must be an integer ≥ 4/,
    );
    const { validation } = await applyAndValidate({ plan, runs: 3, sweep: [1, 2, 4], budget: { runs: 5 }, measure });
    assert.equal(calls.length, 5);
    assert.equal(validation.budgetExhausted, true);
    assert.deepEqual(
      validation.sweep!.map((x) => x.workers),
      [1, 2],
    );
    assert.equal(validation.chosenWorkers, 2);
    assert.deepEqual(
      validation.edits!.map((e) => [e.recommendationId, e.kept, e.measured]),
      [['rec.parallelism.long-tail', true, false]],
    );
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('rolls back a candidate that is not faster, byte for byte', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    const { measure, calls } = stub(s.original, () => fake(10_100));
    const { entry, validation } = await applyAndValidate({ plan, runs: 3, sweep: false, measure });
    assert.equal(validation.kept, false);
    // Not decisive: 3 interleaved (current, final) pairs decide; the current config is measured as such.
    assert.equal(validation.confirmation!.baseline.length, 3);
    const tail = calls.slice(-6).map((c) => c.label);
    assert.deepEqual(tail, [
      'confirm current 1',
      'confirm final 1',
      'confirm current 2',
      'confirm final 2',
      'confirm current 3',
      'confirm final 3',
    ]);
    assert.ok(
      validation.confirmation!.baseline.every((r) => r.durationMs !== 10_100),
      'the current config ran as the baseline',
    );
    assert.match(validation.reason, /not faster/);
    assert.equal(entry.status, 'rolled-back');
    assert.ok(readFileSync(s.configPath).equals(s.original));
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('rolls back a faster candidate that brings new failures', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    const { measure } = stub(s.original, () =>
      fake(5_000, { passed: 5, failed: 1, failedTests: ['a.spec.ts › shares state'] }),
    );
    const { validation } = await applyAndValidate({ plan, runs: 2, sweep: false, measure });
    assert.equal(validation.kept, false);
    assert.deepEqual(validation.newFailures, ['a.spec.ts › shares state']);
    assert.ok(readFileSync(s.configPath).equals(s.original));
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('a crashing run restores the config and reports the error', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    const { measure } = stub(s.original, () => {
      throw new Error('playwright test did not finish');
    });
    await assert.rejects(applyAndValidate({ plan, runs: 1, sweep: false, measure }), /did not finish/);
    assert.ok(readFileSync(s.configPath).equals(s.original));
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('refuses to apply a plan when the config changed since', async () => {
  const s = setup();
  try {
    const plan = planOptimization({ run: s.run });
    writeFileSync(s.configPath, s.original.toString() + '\n');
    await assert.rejects(
      applyAndValidate({ plan, runs: 1, measure: async () => fake(1) }),
      /changed since the plan was made/,
    );
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('comparison statistics', () => {
  assert.equal(compareSamples([10, 11, 12], [5, 6, 7]).pValue, 0.1);
  assert.equal(compareSamples([10, 11, 12], [5, 6, 7]).probabilityFaster, 1);
  const c = compareSamples([10, 11, 12], [5, 6, 13]);
  assert.equal(c.probabilityFaster, 0.667);
  assert.equal(c.faster, false); // median −45 % but only 6 of 9 pairs won
  assert.equal(compareSamples([100, 100], [98, 98]).faster, false); // −2 %: below the noise floor
});

async function cli(args: string[], cwd: string) {
  let out = '',
    err = '';
  const code = await main(args, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    cwd,
  });
  return { code, out, err };
}

test('CLI: bad arguments exit 2 with a clear message; a missing run record is explained', async () => {
  const s = setup();
  try {
    assert.equal((await cli(['optimize', '--bogus'], s.dir)).code, 2);
    const v = await cli(['optimize', '--validate'], s.dir);
    assert.equal(v.code, 2);
    assert.match(v.err, /--validate needs --apply/);
    assert.match(
      (await cli(['optimize', '--runs', '0', '--apply', '--validate'], s.dir)).err,
      /--runs must be an integer/,
    );
    assert.match(
      (await cli(['optimize', '--apply', '--validate', '--budget', 'lots'], s.dir)).err,
      /--budget must be runs, minutes or both/,
    );
    assert.match(
      (await cli(['optimize', '--apply', '--validate', '--budget', '2'], s.dir)).err,
      /needs at least 4 runs/,
    );
    const missing = await cli(['optimize'], s.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /run record .*run\.json not found/);
    assert.match((await cli(['rollback'], s.dir)).err, /nothing to roll back/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('CLI: optimize previews the diff and --apply edits with a backup; rollback restores', async () => {
  const s = setup();
  try {
    writeFileSync(join(s.dir, 'run.json'), JSON.stringify(s.run));
    const preview = await cli(['optimize', '--run', 'run.json'], s.dir);
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /rec\.parallelism\.workers/);
    assert.match(preview.out, /- {2}workers: 1,\n\+ {2}workers: \d,/);
    assert.ok(readFileSync(s.configPath).equals(s.original));
    const history = openHistoryStore(join(s.dir, '.playwright-perf', 'history.json'));
    await history.update(() => undefined); // the project keeps a run history
    const applied = await cli(['optimize', '--run', 'run.json', '--apply', '--only', 'rec.artifacts.trace'], s.dir);
    assert.equal(applied.code, 0, applied.err);
    assert.match(applied.err, /history: recorded in/);
    const recorded = await listOptimizations(history);
    assert.equal(recorded.length, 1);
    assert.deepEqual(recorded[0].edits, [{ path: 'use.trace', from: 'on', to: 'retain-on-failure' }]);
    const text = readFileSync(s.configPath, 'utf8');
    assert.match(text, /trace: 'retain-on-failure'/);
    assert.match(text, /workers: 1,/); // --only: the worker change was not applied
    assert.match(
      (await cli(['optimize', '--run', 'run.json', '--only', 'nope'], s.dir)).err,
      /unknown recommendation id/,
    );
    const back = await cli(['rollback'], s.dir);
    assert.equal(back.code, 0, back.err);
    assert.ok(readFileSync(s.configPath).equals(s.original));
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test('changes that only help together are all kept (each one alone looked useless with the other in place)', async () => {
  const s = setup();
  try {
    const plan = planOptimization({
      run: s.run,
      only: ['rec.parallelism.workers', 'rec.parallelism.long-tail', 'rec.artifacts.trace'],
    });
    const ids = plan.selected.map((r) => r.id);
    assert.ok(ids.includes('rec.parallelism.long-tail') && ids.includes('rec.artifacts.trace'), ids.join());
    let n = 0;
    // Either change alone removes the same bottleneck: without one the other still does the job.
    const { measure } = stub(s.original, (o) => {
      const text = readFileSync(o.configPath, 'utf8');
      const relieved = /fullyParallel: true/.test(text) || !/trace: 'on'/.test(text);
      return fake((relieved ? 5_000 : 6_000) + (n++ % 3) * 10);
    });
    const { validation } = await applyAndValidate({ plan, runs: 3, sweep: [2, 4], measure });
    assert.equal(validation.kept, true, validation.reason);
    for (const id of ['rec.parallelism.long-tail', 'rec.artifacts.trace']) {
      const e = validation.edits!.find((x) => x.recommendationId === id)!;
      assert.equal(e.kept, true, e.reason);
      assert.match(e.reason, /no measurable gain .* alone; kept: without all 2 such changes/);
    }
    const text = readFileSync(s.configPath, 'utf8');
    assert.match(text, /fullyParallel: true,/);
    assert.doesNotMatch(text, /trace: 'on'/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});
