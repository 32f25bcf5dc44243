// Core analyzers on factory-built run records, exact values.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { makeRun, makeTest, makeResult, makeStep, makeSample, makeConfig, at, resetIds } from '../helpers/factories';
import { analyzeRun } from '../../src/analyze/run';
import { faultsFrom } from '../../src/util/fault';
import { summarizeRun } from '../../src/analyze/run/summary';
import { analyzeWorkers } from '../../src/analyze/run/workers';
import { analyzeCriticalPath } from '../../src/analyze/run/critical-path';
import { analyzeSlowest, stepDetail } from '../../src/analyze/run/slowest';
import { analyzeBreakdown } from '../../src/analyze/run/breakdown';
import { analyzeFlaky, analyzeRetries } from '../../src/analyze/run/flaky';
import { analyzeSystem } from '../../src/analyze/run/system';

beforeEach(() => resetIds());

test('summary: counts, Σ test time and parallel efficiency', () => {
  const run = makeRun({
    wallTimeMs: 1000,
    config: makeConfig({ workers: 2 }),
    tests: [
      makeTest({ results: [makeResult({ durationMs: 400 })] }),
      makeTest({
        results: [makeResult({ status: 'failed', durationMs: 300 }), makeResult({ retry: 1, durationMs: 200 })],
      }),
      makeTest({ results: [makeResult({ status: 'timedOut', durationMs: 100 })] }),
      makeTest({ results: [makeResult({ status: 'skipped', workerIndex: -1, parallelIndex: -1, durationMs: 0 })] }),
    ],
  });
  const s = summarizeRun(run);
  assert.deepEqual(
    {
      tests: s.tests,
      attempts: s.attempts,
      passed: s.passed,
      failed: s.failed,
      flaky: s.flaky,
      skipped: s.skipped,
      timedOut: s.timedOut,
      testTimeMs: s.testTimeMs,
      workers: s.workers,
    },
    { tests: 4, attempts: 5, passed: 1, failed: 1, flaky: 1, skipped: 1, timedOut: 1, testTimeMs: 1000, workers: 2 },
  );
  assert.equal(s.parallelEfficiency, 0.5); // 1000 ÷ (2 × 1000)
});

test('workers: busy/idle per lane; spans include steps past the duration (worker fixtures)', () => {
  const run = makeRun({
    wallTimeMs: 1000,
    tests: [
      makeTest({
        results: [
          makeResult({
            parallelIndex: 0,
            workerIndex: 0,
            startTime: at(0),
            durationMs: 300,
            steps: [makeStep({ startTime: at(0), durationMs: 500 })],
          }),
        ],
      }),
      makeTest({ results: [makeResult({ parallelIndex: 0, workerIndex: 2, startTime: at(600), durationMs: 100 })] }),
      makeTest({ results: [makeResult({ parallelIndex: 1, workerIndex: 1, startTime: at(50), durationMs: 250 })] }),
    ],
  });
  const lanes = analyzeWorkers(run);
  assert.equal(lanes.length, 2);
  assert.deepEqual(lanes[0], {
    lane: 0,
    workerIndices: [0, 2],
    busyMs: 600,
    idleMs: 400,
    attempts: 2,
    firstStart: at(0),
    lastEnd: at(700),
    utilisation: 0.6,
  });
  assert.deepEqual(lanes[1], {
    lane: 1,
    workerIndices: [1],
    busyMs: 250,
    idleMs: 750,
    attempts: 1,
    firstStart: at(50),
    lastEnd: at(300),
    utilisation: 0.25,
  });
});

test('workers: merged shards get their own lanes, in shard order', () => {
  const run = makeRun({
    tests: [
      makeTest({ results: [makeResult({ shardIndex: 2, parallelIndex: 0 })] }),
      makeTest({ results: [makeResult({ shardIndex: 1, parallelIndex: 0 })] }),
      makeTest({ results: [makeResult({ shardIndex: 1, parallelIndex: 1 })] }),
    ],
  });
  assert.deepEqual(
    analyzeWorkers(run).map((l) => [l.lane, l.shardIndex]),
    [
      [0, 1],
      [1, 1],
      [2, 2],
    ],
  );
});

test('critical path: a file that ran serially on the last lane is named', () => {
  const big = (start: number) =>
    makeResult({ parallelIndex: 1, workerIndex: 1, startTime: at(start), durationMs: 1000 });
  const run = makeRun({
    wallTimeMs: 4000,
    config: makeConfig({ fullyParallel: false }),
    tests: [
      makeTest({
        file: 'tests/small.spec.ts',
        results: [makeResult({ parallelIndex: 0, startTime: at(0), durationMs: 500 })],
      }),
      makeTest({
        file: 'tests/small2.spec.ts',
        results: [makeResult({ parallelIndex: 0, startTime: at(500), durationMs: 500 })],
      }),
      makeTest({ file: 'tests/big.spec.ts', results: [big(0)] }),
      makeTest({ file: 'tests/big.spec.ts', results: [big(1000)] }),
      makeTest({ file: 'tests/big.spec.ts', results: [big(2000)] }),
      makeTest({ file: 'tests/big.spec.ts', results: [big(3000)] }),
    ],
  });
  const cp = analyzeCriticalPath(run)!;
  assert.equal(cp.lane, 1);
  assert.equal(cp.lastEnd, at(4000));
  assert.equal(cp.tailMs, 3000);
  assert.equal(cp.attempts.length, 4);
  assert.equal(
    cp.reason,
    "lane 1 finished 3.0 s after the others: tests/big.spec.ts ran serially: 4 attempts, 4.0 s on one worker (not fullyParallel: a file's tests share one worker)",
  );
});

test('critical path: one long test that started late is named; balanced lanes say so', () => {
  const run = makeRun({
    wallTimeMs: 3000,
    tests: [
      makeTest({ file: 'a.spec.ts', results: [makeResult({ parallelIndex: 0, startTime: at(0), durationMs: 1000 })] }),
      makeTest({
        file: 'b.spec.ts',
        results: [makeResult({ parallelIndex: 0, startTime: at(1000), durationMs: 1000 })],
      }),
      makeTest({ file: 'c.spec.ts', results: [makeResult({ parallelIndex: 1, startTime: at(0), durationMs: 500 })] }),
      makeTest({
        file: 'd.spec.ts',
        title: 'slow one',
        results: [makeResult({ parallelIndex: 1, startTime: at(500), durationMs: 2500 })],
      }),
    ],
  });
  const cp = analyzeCriticalPath(run)!;
  assert.equal(cp.tailMs, 1000);
  assert.equal(
    cp.reason,
    'lane 1 finished 1.0 s after the others: test "slow one" in d.spec.ts took 2.5 s and started late',
  );

  const balanced = makeRun({
    wallTimeMs: 1000,
    tests: [
      makeTest({ results: [makeResult({ parallelIndex: 0, durationMs: 1000 })] }),
      makeTest({ results: [makeResult({ parallelIndex: 1, durationMs: 980 })] }),
    ],
  });
  assert.equal(
    analyzeCriticalPath(balanced)!.reason,
    'lanes finished within 20 ms of each other: the work was balanced',
  );
  assert.equal(analyzeCriticalPath(makeRun())!, null);
  const single = analyzeCriticalPath(
    makeRun({ tests: [makeTest(), makeTest({ results: [makeResult({ startTime: at(100) })] })] }),
  )!;
  assert.equal(single.reason, 'a single worker lane ran all 2 attempts serially (200 ms)');
});

test('slowest: tests and files by Σ attempt time; steps grouped with p50/p95', () => {
  const nav = (url: string, ms: number) =>
    makeStep({ title: 'Navigate', category: 'pw:api', params: { url }, durationMs: ms });
  const run = makeRun({
    tests: [
      makeTest({
        title: 'one',
        file: 'a.spec.ts',
        results: [makeResult({ durationMs: 100, steps: [nav('/x', 10), nav('/x', 30)] })],
      }),
      makeTest({
        title: 'two',
        file: 'a.spec.ts',
        results: [
          makeResult({ status: 'failed', durationMs: 300 }),
          makeResult({ retry: 1, durationMs: 200, steps: [nav('/x', 20), nav('/y', 90)] }),
        ],
      }),
      makeTest({
        title: 'three',
        file: 'b.spec.ts',
        results: [
          makeResult({
            durationMs: 450,
            steps: [
              makeStep({ title: 'login', category: 'test.step', durationMs: 70, steps: [nav('/x', 40)] }),
              makeStep({ category: 'test.attach', title: 'a', durationMs: 999 }),
            ],
          }),
        ],
      }),
    ],
  });
  const s = analyzeSlowest(run, 2);
  assert.deepEqual(
    s.tests.map((t) => [t.title, t.durationMs, t.attempts]),
    [
      ['two', 500, 2],
      ['three', 450, 1],
    ],
  );
  assert.deepEqual(s.files, [
    { file: 'a.spec.ts', durationMs: 600, tests: 2 },
    { file: 'b.spec.ts', durationMs: 450, tests: 1 },
  ]);
  assert.deepEqual(s.steps[0], {
    title: 'Navigate',
    category: 'pw:api',
    detail: '/x',
    count: 4,
    totalMs: 100,
    p50Ms: 20,
    p95Ms: 40,
    maxMs: 40,
  });
  assert.deepEqual(s.steps[1], {
    title: 'Navigate',
    category: 'pw:api',
    detail: '/y',
    count: 1,
    totalMs: 90,
    p50Ms: 90,
    p95Ms: 90,
    maxMs: 90,
  });
  assert.equal(stepDetail(makeStep({ params: { locator: "getByRole('button')" } })), "getByRole('button')");
});

test('breakdown: hook containers opened, top-level steps only, parts sum to the total', () => {
  const r = makeResult({
    startTime: at(0),
    durationMs: 1000,
    steps: [
      makeStep({
        title: 'Before Hooks',
        category: 'hook',
        startTime: at(0),
        durationMs: 400,
        steps: [
          makeStep({ title: 'beforeEach hook', category: 'hook', startTime: at(0), durationMs: 100 }),
          makeStep({
            title: 'Fixture "page"',
            category: 'fixture',
            startTime: at(100),
            durationMs: 250,
            steps: [makeStep({ title: 'Create page', startTime: at(110), durationMs: 200 })],
          }),
        ],
      }),
      makeStep({ title: 'Navigate', category: 'pw:api', startTime: at(400), durationMs: 200 }),
      // Two clicks in Promise.all overlap: counted once.
      makeStep({ title: 'Click', category: 'pw:api', startTime: at(600), durationMs: 100 }),
      makeStep({ title: 'Click', category: 'pw:api', startTime: at(650), durationMs: 100 }),
      makeStep({ title: 'Expect "toBeVisible"', category: 'expect', startTime: at(750), durationMs: 50 }),
      makeStep({
        title: 'my step',
        category: 'test.step',
        startTime: at(800),
        durationMs: 60,
        steps: [makeStep({ startTime: at(800), durationMs: 60 })],
      }),
      // After hooks run past the duration (worker fixture teardown): the span grows to 1100.
      makeStep({
        title: 'After Hooks',
        category: 'hook',
        startTime: at(900),
        durationMs: 200,
        steps: [makeStep({ title: 'Fixture "context"', category: 'fixture', startTime: at(950), durationMs: 100 })],
      }),
    ],
  });
  const b = analyzeBreakdown(makeRun({ tests: [makeTest({ results: [r] })] }));
  assert.deepEqual(b, {
    totalMs: 1100,
    fixturesMs: 350,
    hooksMs: 250,
    actionsMs: 350,
    expectsMs: 50,
    stepsMs: 60,
    otherMs: 40,
  });
  assert.equal(b.fixturesMs + b.hooksMs + b.actionsMs + b.expectsMs + b.stepsMs + b.otherMs, b.totalMs);
});

test('flaky and retries: failed-then-passed tests, wasted attempt time', () => {
  const run = makeRun({
    tests: [
      makeTest({
        title: 'flaky',
        results: [makeResult({ status: 'failed', durationMs: 120 }), makeResult({ retry: 1, durationMs: 80 })],
      }),
      makeTest({
        title: 'broken',
        results: [
          makeResult({ status: 'failed', durationMs: 50 }),
          makeResult({ retry: 1, status: 'timedOut', durationMs: 70 }),
          makeResult({ retry: 2, status: 'failed', durationMs: 60 }),
        ],
      }),
      makeTest({ title: 'fine', results: [makeResult({ durationMs: 10 })] }),
    ],
  });
  assert.deepEqual(analyzeFlaky(run), [
    { testId: 'id-1', title: 'flaky', file: 'tests/a.spec.ts', project: 'chromium', statuses: ['failed', 'passed'] },
  ]);
  assert.deepEqual(analyzeRetries(run), { attempts: 3, wastedMs: 120 + 50 + 70 });
});

test('system: averages, p95 and maxima; -1 when the process count is unknown', () => {
  const run = makeRun({
    system: [
      makeSample({ cpu: 0.2, memUsedBytes: 100, load1: 0.5, chromiumProcesses: 3 }),
      makeSample({ cpu: 0.6, memUsedBytes: 300, load1: 1.5, chromiumProcesses: 7 }),
      makeSample({ cpu: 0.4, memUsedBytes: 200, load1: 1.0, chromiumProcesses: -1 }),
    ],
  });
  const s = analyzeSystem(run)!;
  assert.equal(s.samples, 3);
  assert.ok(Math.abs(s.cpuAvg - 0.4) < 1e-12);
  assert.deepEqual(
    { p95: s.cpuP95, max: s.cpuMax, mem: s.memUsedMaxBytes, load: s.load1Max, chr: s.chromiumProcessesMax },
    { p95: 0.6, max: 0.6, mem: 300, load: 1.5, chr: 7 },
  );
  assert.equal(analyzeSystem(makeRun({ system: [makeSample({ chromiumProcesses: -1 })] }))!.chromiumProcessesMax, -1);
  assert.equal(analyzeSystem(makeRun()), null);
});

test('analyzeRun: an analyzer that throws leaves its section at the fallback and records the error', () => {
  const faults = faultsFrom({ PLAYWRIGHT_PERF_FAULT: 'analyze.slowest' });
  const a = analyzeRun(makeRun({ tests: [makeTest()] }), { faults });
  assert.deepEqual(a.slowest, { tests: [], files: [], steps: [] });
  assert.equal(a.errors.length, 1);
  assert.equal(a.errors[0].where, 'analyze.slowest');
  assert.match(a.errors[0].message, /injected fault in analyze\.slowest/);
  assert.equal(a.summary.tests, 1);
  assert.equal(a.workers.length, 1);
});
