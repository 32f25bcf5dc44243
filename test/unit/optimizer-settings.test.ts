// Settings that cost time on every run: slowMo (priced from the run's browser operations), headed
// browsers (unpriced: applied only when measured), an expensive globalSetup, and worker counts past
// the core count when measured CPU per worker is low. Plus the edits these findings make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optimizeAnalysis } from '../../src/analyze/optimizer/recommendations';
import { detectBottlenecks } from '../../src/analyze/optimizer/bottlenecks';
import { slowedOperations } from '../../src/analyze/optimizer/bottlenecks-settings';
import { planParallelism } from '../../src/analyze/optimizer/bottlenecks-parallelism';
import { buildSuiteModel } from '../../src/analyze/optimizer/suite-model';
import { rewriteConfig } from '../../src/optimize/config-rewriter';
import { CORPUS_DIR } from '../helpers/optimizer-corpus';
import { attempt, makeRun, makeTest, project, step, T0 } from '../helpers/optimizer-factories';

const clicks = (n: number) => Array.from({ length: n }, () => step('Click', 'pw:api', 60));

function slowMoRun(slowMo: Record<string, number>) {
  const projects = Object.entries(slowMo).map(([name, ms]) => project({ name, use: { slowMo: ms } }));
  const tests = projects.flatMap((p) =>
    [1, 2].map(() =>
      makeTest({
        file: 'a.spec.ts',
        project: p.name,
        results: [
          attempt({
            durationMs: 800,
            steps: [
              step('Before Hooks', 'hook', 300, [step('Launch browser', 'pw:api', 250)]),
              ...clicks(5),
              step('Expect "toBeVisible"', 'expect', 10),
            ],
          }),
        ],
      }),
    ),
  );
  return makeRun({ tests, projects, workers: 1 });
}

test('slowMo: priced as browser operations × slowMo; one edit when all projects share it', () => {
  assert.equal(
    slowedOperations([
      step('Launch browser', 'pw:api', 1),
      step('Hook', 'hook', 1, [step('Navigate', 'pw:api', 1, [step('inner', 'pw:api', 1)])]),
    ]),
    1,
  );
  const a = optimizeAnalysis({ run: slowMoRun({ '': 50 }) });
  const b = a.bottlenecks.find((x) => x.id === 'settings.slow-mo')!;
  assert.equal(b.evidence.slowedOperations, 10); // 2 tests × 5 clicks; launch and expect are not slowed
  assert.equal(b.estimatedCostS, 0.5); // 10 × 50 ms on one worker
  const r = a.recommendations.find((x) => x.id === 'rec.settings.slow-mo')!;
  assert.deepEqual(r.edits, [{ path: 'use.launchOptions.slowMo', from: 50, to: 0 }]);
  assert.equal(r.expectedSavingMs, 500);
});

test('slowMo set differently per project: one edit per project', () => {
  const r = optimizeAnalysis({ run: slowMoRun({ desktop: 50, mobile: 20 }) }).recommendations.find(
    (x) => x.id === 'rec.settings.slow-mo',
  )!;
  assert.deepEqual(
    r.edits.map((e) => [e.path, e.from]),
    [
      ['projects[desktop].use.launchOptions.slowMo', 50],
      ['projects[mobile].use.launchOptions.slowMo', 20],
    ],
  );
});

test('headed browsers: found, unpriced, and only selected for a measured plan', () => {
  const tests = [makeTest({ file: 'a.spec.ts', results: [attempt({ durationMs: 500 })] })];
  const run = makeRun({ tests, projects: [project({ use: { headless: false } })] });
  const r = optimizeAnalysis({ run }).recommendations.find((x) => x.id === 'rec.settings.headed')!;
  assert.equal(r.unpriced, true);
  assert.equal(r.expectedSavingMs, 0);
  assert.deepEqual(r.edits, [{ path: 'use.headless', from: false, to: true }]);
});

test('expensive globalSetup: found when no webServer explains the wait', () => {
  const tests = [makeTest({ file: 'a.spec.ts', results: [attempt({ durationMs: 500 })] })];
  const run = makeRun({ tests, preMs: 4000 });
  run.config.globalSetup = ['/p/global-setup.ts'];
  const b = detectBottlenecks({ run }).find((x) => x.id === 'setup.global-setup')!;
  assert.equal(b.estimatedCostS, 4);
  assert.match(b.title, /global-setup\.ts/);
  run.config.webServer = { command: 'npm start', reuseExistingServer: false };
  assert.equal(
    detectBottlenecks({ run }).find((x) => x.id === 'setup.global-setup'),
    undefined,
  );
  assert.ok(detectBottlenecks({ run }).find((x) => x.id === 'web-server.slow-start'));
});

test('workers past the core count only when measured CPU per worker is low (I/O-bound)', () => {
  const tests = Array.from({ length: 12 }, (_, i) =>
    makeTest({ file: `f${i}.spec.ts`, results: [attempt({ durationMs: 1000 })] }),
  );
  const samples = (cpu: number) =>
    Array.from({ length: 12 }, (_, i) => ({
      time: T0 + 500 + i * 1000,
      cpu,
      memUsedBytes: 1,
      memTotalBytes: 10,
      load1: 1,
      chromiumProcesses: 2,
    }));
  const idle = planParallelism(buildSuiteModel(makeRun({ tests, cpus: 2, system: samples(0.1) })), 12_000);
  assert.ok(idle.maxWorkers > 4, `max ${idle.maxWorkers}`);
  assert.ok(
    idle.sweep.some((w) => w > 4),
    `sweep ${idle.sweep}`,
  );
  const noSamples = planParallelism(buildSuiteModel(makeRun({ tests, cpus: 2 })), 12_000);
  assert.ok(noSamples.maxWorkers <= 4 && noSamples.sweep.every((w) => w <= 4), `sweep ${noSamples.sweep}`);
});

test('an edit the rewriter cannot make safely is refused with the reason; the bytes stay', () => {
  const file = join(CORPUS_DIR, '41-slowmo-spread-after.ts');
  const original = readFileSync(file, 'utf8');
  const r = rewriteConfig(original, file, [{ path: 'use.launchOptions.slowMo', from: 50, to: 0 }]);
  assert.equal(r.text, original);
  assert.equal(r.diff, '');
  assert.match(r.refused[0].reason, /\.\.\.debugLaunch.*may override it/);
});
