// View model of the HTML report: bucket attribution, lanes/gaps/critical path, detail budget,
// interning, and a golden of the whole model with timings stripped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonReport, RunRecord, StepRecord, TestRecord } from '../../src/types';
import { analyzeRun } from '../../src/analyze/run';
import { bucketTimes, stepBucket } from '../../src/report/html/step-buckets';
import { buildViewModel } from '../../src/report/html/build-view-model';
import { BUCKETS, TEST_COLS, ATTEMPT_COLS } from '../../src/report/html/view-model-types';
import { IDLE_GAP_MIN_MS } from '../../src/report/html/view-model-timeline';
import { detailPriority } from '../../src/report/html/view-model-details';
import { syntheticReport } from '../helpers/synthetic-report';

const s = (
  title: string,
  category: string,
  startTime: number,
  durationMs: number,
  steps: StepRecord[] = [],
): StepRecord => ({ title, category, startTime, durationMs, steps });
const B = (name: (typeof BUCKETS)[number]) => BUCKETS.indexOf(name);

test('steps fall into buckets by category and title', () => {
  assert.equal(stepBucket({ title: 'Navigate to "/login"', category: 'pw:api' }), 'navigation');
  assert.equal(stepBucket({ title: 'page.goto(/x)', category: 'pw:api' }), 'navigation');
  assert.equal(stepBucket({ title: 'Wait for timeout', category: 'pw:api' }), 'waits');
  assert.equal(stepBucket({ title: 'Click', category: 'pw:api' }), 'actions');
  assert.equal(stepBucket({ title: 'Expect "toBeVisible"', category: 'expect' }), 'assertions');
  assert.equal(stepBucket({ title: 'Fixture "page"', category: 'fixture' }), 'fixtures');
  assert.equal(stepBucket({ title: 'Before Hooks', category: 'hook' }), 'hooks');
  assert.equal(stepBucket({ title: 'my step', category: 'test.step' }), 'other');
});

test('bucket times open containers, keep container remainders, and count untracked time as other', () => {
  const steps = [
    s('Before Hooks', 'hook', 0, 100, [
      s('Fixture "browser"', 'fixture', 0, 60),
      s('Fixture "page"', 'fixture', 60, 30),
    ]), // 10 ms hook overhead
    s('Navigate', 'pw:api', 100, 200),
    s('login', 'test.step', 300, 150, [s('Click', 'pw:api', 300, 50), s('Expect "toHaveURL"', 'expect', 350, 70)]), // 30 ms in the step itself
    s('Wait for timeout', 'pw:api', 450, 40),
  ];
  const t = bucketTimes(steps, 600); // 110 ms of test body outside any step
  assert.equal(t[B('fixtures')], 90);
  assert.equal(t[B('hooks')], 10);
  assert.equal(t[B('navigation')], 200);
  assert.equal(t[B('actions')], 50);
  assert.equal(t[B('assertions')], 70);
  assert.equal(t[B('waits')], 40);
  assert.equal(t[B('other')], 30 + 110);
  assert.equal(
    t.reduce((a, b) => a + b, 0),
    600,
  );
});

test('parallel steps (Promise.all) never make "other" negative', () => {
  const t = bucketTimes([s('Click', 'pw:api', 0, 100), s('Click', 'pw:api', 0, 100)], 120);
  assert.equal(t[B('actions')], 200);
  assert.equal(t[B('other')], 20);
});

function tinyRun(): RunRecord {
  const T0 = 1_000_000;
  const test = (
    id: string,
    title: string,
    outcome: TestRecord['outcome'],
    results: Array<[number, number, number, string]>,
  ): TestRecord => ({
    id,
    file: 'a.spec.ts',
    line: 1,
    column: 1,
    titlePath: ['suite', title],
    title,
    project: 'p',
    expectedStatus: 'passed',
    outcome,
    timeoutMs: 1000,
    annotations: [],
    tags: [],
    results: results.map(([pi, start, dur, status], retry) => ({
      retry,
      status: status as 'passed',
      workerIndex: pi + retry * 2,
      parallelIndex: pi,
      startTime: T0 + start,
      durationMs: dur,
      errors: [],
      steps: [s('Click', 'pw:api', T0 + start, dur / 2)],
      attachments: [],
    })),
  });
  return {
    kind: 'playwright-perf-run',
    schemaVersion: 1,
    runId: 'r',
    startedAt: new Date(T0).toISOString(),
    startTime: T0,
    wallTimeMs: 5000,
    status: 'failed',
    interrupted: false,
    meta: {
      perfVersion: '0',
      playwrightVersion: '1',
      nodeVersion: 'v20',
      os: { platform: 'linux', release: '6', arch: 'x64' },
      machine: { cpus: 2, cpuModel: 'x', memoryBytes: 1 },
      ci: false,
    },
    config: { workers: 2, fullyParallel: true, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
    tests: [
      test('a', 'first', 'expected', [[0, 0, 1000, 'passed']]),
      test('b', 'second', 'flaky', [
        [0, 1000 + IDLE_GAP_MIN_MS + 50, 500, 'failed'],
        [1, 100, 800, 'passed'],
      ]),
      test('c', 'third', 'unexpected', [[1, 900, 4000, 'failed']]),
    ],
    system: [],
    errors: [],
  };
}

test('view model: tuples by column, lanes, idle gaps, critical path, attempts', () => {
  const run = tinyRun();
  const vm = buildViewModel({
    kind: 'playwright-perf-report',
    schemaVersion: 1,
    generatedAt: 'x',
    run,
    analysis: analyzeRun(run),
  });
  const col = (name: (typeof TEST_COLS)[number]) => TEST_COLS.indexOf(name);
  assert.equal(vm.tests.length, 3);
  assert.equal(vm.attempts.length, 4);
  assert.deepEqual(
    vm.tests.map((t) => t[col('durationMs')]),
    [1000, 1300, 4000],
  );
  assert.deepEqual(
    vm.tests.map((t) => t[col('outcome')]),
    [0, 2, 1],
  );
  assert.equal(vm.strings[vm.tests[0][col('file')] as number], 'a.spec.ts');
  assert.equal(vm.tests[1][col('path')], 'suite');
  assert.deepEqual(
    vm.lanes.map((l) => [l.lane, l.attempts, l.busyMs]),
    [
      [0, 2, 1500],
      [1, 2, 4800],
    ],
  );
  // lane 0: gap 1000 → 1300 (≥ IDLE_GAP_MIN_MS), then idle from 1800 to the end of the run (5000);
  // lane 1: starts at 100 and ends at 4900, both under the threshold.
  assert.deepEqual(vm.idleGaps, [
    [0, 1000, IDLE_GAP_MIN_MS + 50],
    [0, 1800, 3200],
  ]);
  assert.equal(vm.critical?.lane, 1);
  assert.equal(vm.critical?.tailMs, 4900 - 1800);
  assert.deepEqual(vm.critical?.attempts.map((i) => vm.attempts[i][ATTEMPT_COLS.indexOf('test')]).sort(), [1, 2]);
  assert.equal(vm.detailStats.embedded, 3);
  assert.equal(vm.details[1].attempts.length, 2);
});

test('detail budget goes to failing and flaky tests first', () => {
  const run = tinyRun();
  const order = detailPriority(run.tests, [1000, 1300, 4000]);
  assert.deepEqual(order, [2, 1, 0]);
});

test('absent sections stay absent; empty lists are empty', () => {
  const run = tinyRun();
  const vm = buildViewModel({
    kind: 'playwright-perf-report',
    schemaVersion: 1,
    generatedAt: 'x',
    run,
    analysis: analyzeRun(run),
  });
  for (const k of ['vitals', 'locators', 'flows', 'startup', 'lighthouse', 'history', 'quality', 'gate'] as const)
    assert.equal(vm[k], undefined, k);
  assert.deepEqual(vm.recommendations, []);
  assert.deepEqual(vm.budgets, []);
  assert.deepEqual(vm.system, []);
});

/** Replaces every timing (keys ending in Ms/Time/time, attempt/step/test timing columns) so the
 *  golden pins structure, names and order, not numbers that a factory tweak would move. */
function stripTimings(vm: ReturnType<typeof buildViewModel>): unknown {
  const timingTestCols = new Set(['durationMs', 'startMs', ...BUCKETS].map((c) => TEST_COLS.indexOf(c as never)));
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (
      typeof v === 'number' &&
      /(Ms|Time|time|Bytes|^p50|^p95|^max|^mean|^value|^utilisation|^change|Median|parallelEfficiency)$/.test(key)
    )
      return '<n>';
    return v;
  };
  const out = walk(vm) as Record<string, unknown>;
  out.tests = vm.tests.map((row) => row.map((x, i) => (timingTestCols.has(i) ? '<n>' : x)));
  out.attempts = vm.attempts.map((a) => [a[0], a[1], a[2], '<n>', '<n>', a[5], a[6]]);
  out.buckets = '<n>';
  out.generatedAt = '<t>';
  out.system = vm.system.length;
  out.idleGaps = vm.idleGaps.length;
  out.details = Object.fromEntries(
    Object.entries(vm.details).map(([k, d]) => [
      k,
      walk({
        ...d,
        attempts: d.attempts.map((a) => ({ ...a, steps: JSON.stringify(a.steps).replace(/-?\d+(\.\d+)?/g, 'n') })),
      }),
    ]),
  );
  const h = out.history as { trends: Array<{ points: unknown }> } | undefined;
  if (h)
    h.trends.forEach((t) => {
      t.points = (t.points as unknown[]).length;
    });
  return out;
}

test('golden: view model of a small complete synthetic report (timings stripped)', () => {
  const report: JsonReport = syntheticReport({ tests: 14, workers: 3, historyRuns: 4, seed: 7 });
  // Pin the parts other analyzers fill in, so this golden only moves when the view model does.
  const a = report.analysis;
  report.analysis = {
    ...a,
    criticalPath: null,
    slowest: { tests: [], files: [], steps: a.slowest.steps },
    errors: [],
    actions: undefined,
    userTimings: undefined,
    runtime: undefined,
  };
  const actual = JSON.stringify(stripTimings(buildViewModel(report)), null, 1);
  const file = join(__dirname, '..', 'fixtures', 'html-view-model.golden.json');
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual + '\n');
  assert.equal(actual + '\n', readFileSync(file, 'utf8'), 'view model changed: inspect, then UPDATE_GOLDEN=1');
});
