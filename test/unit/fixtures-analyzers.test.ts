// Analyzers fed by the perf fixtures: factory-built run records, exact values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunRecord, StepRecord, TestPerfData, TestRecord, TestResultRecord } from '../../src/types';
import { analyzeRun } from '../../src/analyze/run';
import { analyzeStartup } from '../../src/analyze/run/startup';
import { analyzeNavigation } from '../../src/analyze/run/navigation';
import { analyzeVitals, rate } from '../../src/analyze/run/vitals';
import { analyzeLocators, SLOW_LOCATOR_WAIT_P95_MS } from '../../src/analyze/run/locators';
import { actionKind, analyzeActions } from '../../src/analyze/run/actions';
import { analyzeUserTimings } from '../../src/analyze/run/user-timings';
import { analyzeRuntime } from '../../src/analyze/run/runtime';
import { stepAt, stepTitleAt } from '../../src/analyze/run/step-at';

function step(over: Partial<StepRecord> & { title: string }): StepRecord {
  return { category: 'pw:api', startTime: 0, durationMs: 0, steps: [], ...over };
}
function result(over: Partial<TestResultRecord> = {}): TestResultRecord {
  return {
    retry: 0,
    status: 'passed',
    workerIndex: 0,
    parallelIndex: 0,
    startTime: 0,
    durationMs: 1000,
    errors: [],
    steps: [],
    attachments: [],
    ...over,
  };
}
function testRec(id: string, results: TestResultRecord[]): TestRecord {
  return {
    id,
    file: 'a.spec.ts',
    line: 1,
    column: 1,
    titlePath: [id],
    title: id,
    project: 'p',
    expectedStatus: 'passed',
    outcome: 'expected',
    timeoutMs: 30000,
    annotations: [],
    tags: [],
    results,
  };
}
function runOf(tests: TestRecord[]): RunRecord {
  return {
    kind: 'playwright-perf-run',
    schemaVersion: 1,
    runId: 'r',
    startedAt: '',
    startTime: 0,
    wallTimeMs: 10000,
    status: 'passed',
    interrupted: false,
    meta: {
      perfVersion: '0',
      playwrightVersion: '1',
      nodeVersion: '20',
      os: { platform: 'linux', release: '', arch: 'x64' },
      machine: { cpus: 2, cpuModel: '', memoryBytes: 0 },
      ci: false,
    },
    config: { workers: 2, fullyParallel: false, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
    tests,
    system: [],
    errors: [],
  };
}
const withPerf = (perf: TestPerfData, over: Partial<TestResultRecord> = {}) => result({ perf, ...over });

test('stepAt picks the innermost step containing the time', () => {
  const steps = [
    step({
      title: 'Open',
      category: 'test.step',
      startTime: 100,
      durationMs: 500,
      steps: [step({ title: 'Click', startTime: 200, durationMs: 100, params: { selector: "getByText('Go')" } })],
    }),
  ];
  assert.equal(stepAt(steps, 250)?.title, 'Click');
  assert.equal(stepAt(steps, 450)?.title, 'Open');
  assert.equal(stepAt(steps, 50), undefined);
  assert.equal(stepTitleAt(result({ steps }), 250), "Click getByText('Go')");
});

test('startup: per phase and temperature, per worker, total', () => {
  const s = (
    phase: 'browserLaunch' | 'contextCreate' | 'pageCreate',
    durationMs: number,
    temperature: 'cold' | 'warm',
    workerIndex: number,
  ) => ({ phase, durationMs, temperature, workerIndex, browserName: 'chromium', startTime: 0 });
  const run = runOf([
    testRec('t1', [
      withPerf({
        startup: [
          s('browserLaunch', 400, 'cold', 0),
          s('contextCreate', 50, 'cold', 0),
          s('pageCreate', 200, 'cold', 0),
        ],
      }),
    ]),
    testRec('t2', [withPerf({ startup: [s('contextCreate', 10, 'warm', 0), s('pageCreate', 100, 'warm', 0)] })]),
    testRec('t3', [withPerf({ startup: [s('browserLaunch', 600, 'cold', 1)] }, { workerIndex: 1 })]),
  ]);
  const a = analyzeStartup(run)!;
  assert.deepEqual(
    a.phases.map((p) => [p.phase, p.temperature, p.dist.count, p.dist.max]),
    [
      ['browserLaunch', 'cold', 2, 600],
      ['contextCreate', 'cold', 1, 50],
      ['contextCreate', 'warm', 1, 10],
      ['pageCreate', 'cold', 1, 200],
      ['pageCreate', 'warm', 1, 100],
    ],
  );
  assert.deepEqual(a.perWorker, [
    { workerIndex: 0, browserName: 'chromium', launchMs: 400, contextMs: 50, pageMs: 200, testId: 't1' },
    { workerIndex: 1, browserName: 'chromium', launchMs: 600, contextMs: 0, pageMs: 0, testId: 't3' },
  ]);
  assert.equal(a.totalMs, 1360);
  assert.equal(analyzeStartup(runOf([testRec('x', [result()])])), undefined);
});

const nav = (url: string, startTime: number, ttfbMs: number, loadMs: number) => ({
  url,
  type: 'navigate',
  startTime,
  redirectMs: 0,
  dnsMs: 0,
  connectMs: 0,
  tlsMs: 0,
  ttfbMs,
  responseMs: 1,
  domInteractiveMs: loadMs - 20,
  domContentLoadedMs: loadMs - 10,
  loadMs,
  durationMs: loadMs,
  transferBytes: 100,
  encodedBodyBytes: 80,
  decodedBodyBytes: 80,
  resources: { count: 1, transferBytes: 50, byType: {} },
});

test('navigation: per URL distributions and the step that triggered it', () => {
  const steps = [step({ title: 'Navigate to "/a"', startTime: 990, durationMs: 600 })];
  const run = runOf([
    testRec('t1', [
      withPerf(
        {
          navigations: [
            nav('http://h/a', 1000, 300, 500),
            nav('http://h/a', 2000, 100, 0),
            nav('http://h/b', 3000, 10, 50),
          ],
        },
        { steps },
      ),
    ]),
  ]);
  const a = analyzeNavigation(run)!;
  const pa = a.perUrl.find((p) => p.url === 'http://h/a')!;
  assert.equal(pa.count, 2);
  assert.equal(pa.ttfb.max, 300);
  assert.equal(pa.load.count, 1, 'unfinished loads (0) are not averaged in');
  assert.equal(pa.transferBytes.p50, 150);
  assert.equal(a.slowest?.[0].step, 'Navigate to "/a"');
  assert.equal(a.slowest?.[0].testId, 't1');
});

test('vitals: rating at p75 with web-vitals thresholds; boundaries; TBT; worst with step', () => {
  assert.equal(rate('LCP', 2500), 'good');
  assert.equal(rate('LCP', 2501), 'needs-improvement');
  assert.equal(rate('LCP', 4001), 'poor');
  assert.equal(rate('CLS', 0.1), 'good');
  assert.equal(rate('CLS', 0.25), 'needs-improvement');
  assert.equal(rate('INP', 200), 'good');
  const v = (name: 'LCP' | 'CLS' | 'INP', value: number, time: number) => ({
    name,
    value,
    rating: rate(name, value),
    url: 'http://h/a',
    time,
  });
  const steps = [step({ title: 'Click', startTime: 500, durationMs: 400 })];
  const run = runOf([
    testRec('t1', [
      withPerf(
        {
          vitals: [v('LCP', 1000, 1), v('LCP', 1200, 2), v('LCP', 3000, 3), v('LCP', 1100, 4), v('INP', 350, 600)],
          longTasks: [{ url: 'http://h/a', count: 1, totalMs: 300, maxMs: 300, totalBlockingTimeMs: 250 }],
        },
        { steps },
      ),
    ]),
  ]);
  const a = analyzeVitals(run)!;
  const u = a.perUrl[0];
  // p75 (nearest rank) of [1000,1100,1200,3000] is 1200 → good, although one sample is poor.
  assert.equal(u.vitals.LCP?.rating, 'good');
  assert.equal(u.vitals.LCP?.dist.max, 3000);
  assert.equal(u.vitals.INP?.rating, 'needs-improvement');
  assert.equal(u.totalBlockingTimeMs?.max, 250);
  assert.equal(a.worst?.[0].name, 'INP');
  assert.equal(a.worst?.[0].step, 'Click');
});

test('locators: per selector splits, flags and tests', () => {
  const l = (selector: string, resolveMs: number, actionabilityMs: number, ok = true) => ({
    selector,
    action: 'click',
    startTime: 0,
    totalMs: resolveMs + actionabilityMs + 10,
    resolveMs,
    actionabilityMs,
    actionMs: 10,
    retries: 0,
    kind: 'role',
    ok,
  });
  const run = runOf([
    testRec('t1', [
      withPerf({
        locators: [
          l("getByRole('button', { name: 'Sign' })", 10, 5),
          l("locator('#slow')", SLOW_LOCATOR_WAIT_P95_MS, 1),
        ],
      }),
    ]),
    testRec('t2', [withPerf({ locators: [l("getByRole('button', { name: 'Sign' })", 30, 5, false)] })]),
  ]);
  const a = analyzeLocators(run)!;
  const sign = a.perLocator.find((p) => p.selector.includes('Sign'))!;
  assert.equal(sign.count, 2);
  assert.equal(sign.resolve.max, 30);
  assert.deepEqual(sign.flags, ['language-dependent-text', 'failed']);
  assert.deepEqual(sign.tests, ['t1', 't2']);
  assert.deepEqual(a.perLocator[0].flags, ['slow']);
});

test('actions: kinds from pw:api titles, setup steps excluded, expects counted once', () => {
  assert.equal(actionKind('Navigate to "/login"'), 'Navigate to');
  assert.equal(actionKind("Click getByRole('button')"), 'Click');
  assert.equal(actionKind('Screenshot'), 'Screenshot');
  assert.equal(actionKind('Expect "toBeVisible"'), 'Expect "toBeVisible"');
  const steps = [
    step({ title: 'Before Hooks', category: 'hook', steps: [step({ title: 'Create page', durationMs: 900 })] }),
    step({ title: 'Navigate to "/a"', durationMs: 300, params: { url: '/a' } }),
    step({ title: 'Navigate to "/b"', durationMs: 100 }),
    step({ title: 'Click', durationMs: 50 }),
    step({
      title: 'Expect "toBeVisible"',
      category: 'expect',
      durationMs: 70,
      steps: [step({ title: 'Query', durationMs: 60 })],
    }),
  ];
  const a = analyzeActions(runOf([testRec('t1', [result({ steps })])]))!;
  assert.deepEqual(
    a.perKind.map((k) => [k.kind, k.dist.count, k.dist.max]),
    [
      ['Navigate to', 2, 300],
      ['Expect "toBeVisible"', 1, 70],
      ['Click', 1, 50],
    ],
  );
  assert.deepEqual(a.slowest[0], { testId: 't1', title: 'Navigate to "/a"', params: 'url=/a', durationMs: 300 });
});

test('user timings per name and source; runtime per URL', () => {
  const run = runOf([
    testRec('t1', [
      withPerf({
        userTimings: [
          { name: 'login', type: 'measure', source: 'test', startTime: 0, durationMs: 120 },
          { name: 'login', type: 'measure', source: 'page', startTime: 0, durationMs: 40 },
          { name: 'x', type: 'mark', source: 'test', startTime: 0, durationMs: 0 },
        ],
        runtime: [{ url: 'http://h/a', time: 0, jsHeapUsedBytes: 1000, nodes: 50 }],
      }),
    ]),
  ]);
  assert.deepEqual(
    analyzeUserTimings(run)!.perName.map((p) => [p.name, p.source, p.dist.max]),
    [
      ['login', 'test', 120],
      ['login', 'page', 40],
    ],
  );
  const rt = analyzeRuntime(run)!;
  assert.equal(rt.perUrl[0].jsHeapUsedBytes.max, 1000);
  assert.equal(rt.perUrl[0].nodes?.max, 50);
});

test('analyzeRun wires the sections in and leaves them out when there is no data', () => {
  const empty = analyzeRun(runOf([testRec('t', [result()])]));
  assert.equal(empty.startup, undefined);
  assert.equal(empty.vitals, undefined);
  const full = analyzeRun(
    runOf([
      testRec('t', [
        withPerf(
          { runtime: [{ url: 'u', time: 0, jsHeapUsedBytes: 1 }] },
          { steps: [step({ title: 'Click', durationMs: 5 })] },
        ),
      ]),
    ]),
  );
  assert.ok(full.runtime && full.actions);
  assert.deepEqual(full.errors, []);
});
