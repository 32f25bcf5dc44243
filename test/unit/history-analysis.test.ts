// Compaction, baselines, regression verdicts, budgets, quality and the gate — pure functions on
// factory-built runs, exact values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactRun, urlSubject, testSubject } from '../../src/analyze/history/compact-run';
import { selectBaseline } from '../../src/analyze/history/baseline';
import { detectRegressions, compareSeries } from '../../src/analyze/history/regression';
import { parseBudget, evaluateBudgets, globToRegExp } from '../../src/analyze/budgets/budgets';
import { summarizeQuality, risingTrendP, performanceReason } from '../../src/analyze/history/quality';
import { evaluateGate } from '../../src/analyze/budgets/gate';
import { makeRun, makeTest, compact, compactTest } from '../helpers/history-factories';

const SETTINGS = { minChange: 0.05, fdr: 0.05 };

test('compactRun keeps outcomes and per-key samples from passed attempts only', () => {
  const run = makeRun({
    tests: [
      makeTest({
        title: 'home',
        titlePath: ['suite', 'home'],
        durations: [900, 400],
        outcome: 'flaky',
        perf: {
          navigations: [
            {
              url: 'http://127.0.0.1:4567/home?x=1',
              type: 'navigate',
              startTime: 0,
              redirectMs: 0,
              dnsMs: 0,
              connectMs: 0,
              tlsMs: 0,
              ttfbMs: 12,
              responseMs: 1,
              domInteractiveMs: 20,
              domContentLoadedMs: 22,
              loadMs: 1,
              durationMs: 30,
              transferBytes: 0,
              encodedBodyBytes: 0,
              decodedBodyBytes: 0,
              resources: { count: 0, transferBytes: 0, byType: {} },
            },
          ],
          vitals: [{ name: 'LCP', value: 120, rating: 'good', url: 'http://127.0.0.1:4567/home', time: 0 }],
          locators: [
            {
              selector: "getByRole('button')",
              action: 'click',
              startTime: 0,
              totalMs: 10,
              resolveMs: 4,
              actionabilityMs: 3,
              actionMs: 3,
              retries: 0,
              kind: 'role',
              ok: true,
            },
          ],
          flows: [{ name: 'switch', parents: [], direction: 'he→en', startTime: 0, durationMs: 50, ok: true }],
          startup: [
            {
              phase: 'browserLaunch',
              durationMs: 300,
              temperature: 'cold',
              workerIndex: 0,
              browserName: 'chromium',
              startTime: 0,
            },
          ],
          lighthouse: [
            {
              url: 'http://127.0.0.1:4567/home',
              mode: 'navigation',
              formFactor: 'desktop',
              lighthouseVersion: '12',
              scores: { performance: 97, seo: null },
              metrics: {},
              failingAudits: [],
              durationMs: 1,
              startTime: 0,
            },
          ],
        },
      }),
    ],
  });
  run.tests[0].results[0].status = 'failed';
  run.tests[0].results[1].steps = [
    { title: 'login', category: 'test.step', startTime: 0, durationMs: 80, steps: [] },
    { title: 'Click', category: 'pw:api', startTime: 0, durationMs: 5, steps: [] },
  ];
  const c = compactRun(run);
  assert.deepEqual(c.tests[0], {
    subject: 'tests/a.spec.ts › suite › home',
    project: 'chromium',
    outcome: 'flaky',
    attempts: [
      ['failed', 900],
      ['passed', 400],
    ],
    timeoutMs: 30000,
  });
  const m = Object.fromEntries(c.metrics.map((s) => [`${s.metric}|${s.subject}`, s.values]));
  assert.deepEqual(m, {
    'step.duration|login': [80],
    'nav.ttfb|127.0.0.1/home': [12],
    'nav.load|127.0.0.1/home': [30],
    'vital.LCP|127.0.0.1/home': [120],
    "locator.resolve|getByRole('button')": [4],
    'flow.duration|switch (he→en)': [50],
    'startup.browserLaunch|chromium:cold': [300],
    'lighthouse.performance|127.0.0.1/home': [97],
  });
  assert.equal(c.machineClass, 'linux-x64-2cpu-8g');
  assert.equal(urlSubject('not a url?q'), 'not a url');
  assert.equal(testSubject({ file: 'f.ts', titlePath: [], title: 't' }), 'f.ts › t');
});

test('baseline: previous N of the same branch and machine class, with caveats', () => {
  const runs = [
    compact(1, [], [], { branch: 'feat' }),
    compact(2, [], [], { machineClass: 'darwin-arm64-8cpu-16g' }),
    compact(3, [], [], { interrupted: true }),
    compact(31, [], [], { shard: '1/2', startTime: 1_700_000_000_000 + 3 * 60_000 }),
    ...[4, 5, 6].map((i) =>
      compact(i, [], [], { env: { ...compact(0, []).env, playwrightVersion: i === 6 ? '1.64.0' : '1.65.1' } }),
    ),
  ];
  const cur = compact(9, []);
  const sel = selectBaseline({ runs, pins: {} }, cur, { previous: 2 });
  assert.deepEqual(
    sel.runs.map((r) => r.runId),
    ['r5', 'r6'],
  );
  assert.match(sel.caveats.join('\n'), /2 earlier run\(s\) from other machine classes or shards/);
  assert.match(sel.caveats.join('\n'), /Playwright version differs: this run 1.65.1, baseline 1.64.0/);
  const other = selectBaseline({ runs, pins: {} }, compact(9, [], [], { branch: 'nope' }), {});
  assert.equal(other.runs.length, 4);
  assert.match(other.caveats.join('\n'), /no earlier runs on branch nope/);
  assert.deepEqual(
    selectBaseline({ runs, pins: { rel: ['r1', 'r4'] } }, cur, { pinned: 'rel' }).runs.map((r) => r.runId),
    ['r1', 'r4'],
  );
  assert.match(selectBaseline({ runs, pins: {} }, cur, { pinned: 'x' }).problem!, /no pinned baseline named "x"/);
  assert.deepEqual(
    selectBaseline({ runs, pins: {} }, cur, { runId: 'r5' }).runs.map((r) => r.runId),
    ['r5'],
  );
});

test('regressions per test, step and metric; improvements; higher-is-better scores; not-enough-data', () => {
  const base = [1, 2, 3, 4, 5, 6].map((i) =>
    compact(
      i,
      [compactTest('a', [100 + i]), compactTest('b', [200 + i])],
      [
        { metric: 'lighthouse.performance', subject: 'x/', values: [95, 96, 95] },
        { metric: 'nav.ttfb', subject: 'x/slow', values: [20 + (i % 3), 21, 22] },
      ],
    ),
  );
  const cur = compact(
    7,
    [compactTest('a', [160]), compactTest('b', [150]), compactTest('new', [5])],
    [
      { metric: 'lighthouse.performance', subject: 'x/', values: [80, 81, 80] },
      { metric: 'nav.ttfb', subject: 'x/slow', values: [520, 530, 525] },
    ],
  );
  const res = detectRegressions(base, cur, SETTINGS);
  const v = Object.fromEntries(res.findings.map((f) => [`${f.metric}|${f.subject}`, f.verdict]));
  assert.equal(v['test.duration|a'], 'regression');
  assert.equal(v['test.duration|b'], 'improvement');
  assert.equal(v['lighthouse.performance|x/'], 'regression');
  assert.equal(v['nav.ttfb|x/slow'], 'regression');
  assert.equal(res.summary.compared, 4); // 'new' has no baseline
  const lh = res.findings.find((f) => f.metric === 'lighthouse.performance')!;
  assert.equal(lh.better, 'higher');
  // Two baseline samples: never a verdict, but a large change is listed as not-enough-data.
  const few = compareSeries(
    [{ metric: 'test.duration', subject: 'a', values: [100, 101] }],
    [{ metric: 'test.duration', subject: 'a', values: [300] }],
    SETTINGS,
  );
  assert.equal(few.findings[0].verdict, 'not-enough-data');
  assert.match(few.findings[0].note!, /baseline has 2 sample/);
  // Tiny absolute change (2 ms on 10 ms = 20 %) is below the practical floor.
  const tiny = compareSeries(
    [{ metric: 'test.duration', subject: 'a', values: [10, 10, 10, 10] }],
    [{ metric: 'test.duration', subject: 'a', values: [12, 12] }],
    SETTINGS,
  );
  assert.equal(tiny.summary.unchanged, 1);
});

test('budget rules parse with aggregates, units and aliases; bad rules get clear errors', () => {
  assert.deepEqual(parseBudget({ rule: 'p95(vital.LCP) < 2500' }), {
    rule: 'p95(vital.LCP) < 2500',
    metric: 'vital.LCP',
    op: '<',
    limit: 2500,
    aggregate: 'p95',
    severity: 'error',
  });
  assert.equal(parseBudget({ rule: 'test.duration < 30s' }).limit, 30000);
  assert.equal(parseBudget({ rule: 'p95(LCP) <= 2.5s', severity: 'warn' }).metric, 'vital.LCP');
  assert.equal(parseBudget({ rule: 'browserStartup < 3000' }).metric, 'startup.browserLaunch');
  assert.equal(parseBudget({ rule: 'lighthouse.performance >= 90' }).op, '>=');
  assert.throws(() => parseBudget({ rule: 'LCP is fast' }), /cannot parse; expected/);
  assert.throws(() => parseBudget({ rule: 'p42(vital.LCP) < 1' }), /unknown aggregate "p42"/);
  assert.throws(() => parseBudget({ rule: 'foo < 1' }), /unknown metric "foo"/);
  assert.throws(
    () => parseBudget({ rule: 'test.duration < 1', severity: 'fatal' as never }),
    /severity must be "warn" or "error"/,
  );
  assert.ok(globToRegExp('tests/*login*').test('tests/auth/login.spec.ts › logs in'));
  assert.ok(!globToRegExp('a?c').test('abbc'));
});

test('budgets evaluate per subject with the worst sample by default', () => {
  const run = compact(
    1,
    [compactTest('tests/a.spec.ts › slow', [31000]), compactTest('tests/a.spec.ts › fast', [100])],
    [
      { metric: 'vital.LCP', subject: 'x/home', values: [1000, 2000, 3000, 1500] },
      { metric: 'lighthouse.performance', subject: 'x/home', values: [85] },
    ],
  );
  const ev = evaluateBudgets(
    [
      { rule: 'test.duration < 30s' },
      { rule: 'p50(vital.LCP) < 2500', match: 'x/*' },
      { rule: 'lighthouse.performance >= 90', severity: 'warn' },
      { rule: 'vital.CLS < 0.1' },
      { rule: 'run.wallTime < 10s' },
      { rule: 'garbage' },
    ],
    run,
  );
  const failed = ev.results.filter((r) => !r.ok).map((r) => `${r.severity}:${r.subject}:${r.actual}`);
  assert.deepEqual(failed, ['error:tests/a.spec.ts › slow [chromium]:31000', 'warn:x/home:85']);
  assert.equal(ev.results.filter((r) => r.ok).length, 3);
  assert.deepEqual(ev.unmatched, ['vital.CLS < 0.1']);
  assert.match(ev.invalid[0], /cannot parse/);
});

test('quality: flakiness, flip rate, stability; a timeout after drifting durations is likely-performance', () => {
  const runs = [100, 110, 125, 140, 160, 185].map((d, i) =>
    compact(i, [
      compactTest('drifts', [d * 10]),
      compactTest(
        'flaky',
        [50],
        i % 2
          ? {
              outcome: 'flaky',
              attempts: [
                ['failed', 50],
                ['passed', 50],
              ],
            }
          : {},
      ),
    ]),
  );
  const cur = compact(9, [
    compactTest('drifts', [], { outcome: 'unexpected', attempts: [['timedOut', 2000]], timeoutMs: 2000 }),
    compactTest('flaky', [], { outcome: 'unexpected', attempts: [['failed', 50]] }),
  ]);
  const q = summarizeQuality(runs, cur);
  const by = Object.fromEntries(q.perTest.map((t) => [t.title, t]));
  assert.equal(by.drifts.failureKind, 'likely-performance');
  assert.match(by.drifts.reason!, /passing durations rose \d+ % over 6 runs/);
  assert.equal(by.flaky.failureKind, 'likely-flaky');
  assert.equal(by.flaky.flakinessIndex, 0.429); // 3 flaky runs of 7
  assert.equal(by.flaky.errorRate, 0.143);
  assert.equal(by.flaky.stability, 0.429); // first-try passes: runs 0, 2, 4
  assert.equal(q.runs, 7);
  // A steady test that times out for the first time: plain failure, not "performance".
  const steady = [1, 2, 3, 4, 5].map((i) => compact(i, [compactTest('s', [100])]));
  const q2 = summarizeQuality(
    steady,
    compact(9, [compactTest('s', [], { outcome: 'unexpected', attempts: [['timedOut', 30000]] })]),
  );
  assert.equal(q2.perTest[0].failureKind, 'failure');
  assert.ok(risingTrendP([1, 2, 3, 4, 5, 6]) < 0.01);
  assert.equal(risingTrendP([6, 5, 4, 3]), 1);
  assert.match(performanceReason([compactTest('x', [900])], 1000)!, /already took up to 900 ms of the 1000 ms timeout/);
});

test('gate fails on error-level budget breaches and regressions only when asked', () => {
  const budgets = [
    { rule: 'r', subject: 's', severity: 'warn' as const, limit: 1, actual: 2, ok: false, message: 'warned' },
    { rule: 'r', subject: 's', severity: 'error' as const, limit: 1, actual: 2, ok: false, message: 'broken' },
  ];
  const runIds = ['r1', 'r2', 'r3', 'r4', 'r5'];
  const cmp = {
    baseline: { kind: 'previous' as const, runIds, description: '' },
    caveats: [],
    findings: [
      {
        metric: 'test.duration',
        subject: 'a',
        verdict: 'regression' as const,
        baselineMedian: 1,
        currentMedian: 2,
        change: 1,
        pValue: 0,
        qValue: 0,
        effectSize: 1,
        baselineSamples: 5,
        currentSamples: 5,
        note: '+100 %',
      },
    ],
  };
  assert.deepEqual(evaluateGate({}, budgets, cmp), { failed: false, reasons: [] });
  assert.deepEqual(evaluateGate({ failOnBudget: true }, budgets, cmp), { failed: true, reasons: ['budget: broken'] });
  // Fewer than gate.minSamples (5) samples on a side: listed, but it does not fail the run.
  const few = { ...cmp, findings: [{ ...cmp.findings[0], currentSamples: 1 }] };
  assert.deepEqual(evaluateGate({ failOnRegression: true }, [], few), {
    failed: false,
    reasons: [],
    regressionGate: { armed: true, regressionsSeen: 1, unconfirmed: 1, minSamples: 5 },
  });
  assert.equal(evaluateGate({ failOnRegression: true, minSamples: 1 }, [], few).failed, true);
  assert.deepEqual(evaluateGate({ failOnRegression: true }, budgets, cmp).reasons, [
    'regression: test.duration a — +100 %',
  ]);
});

test('quality: repeats of a test in one run (--repeat-each) count as one run, worst outcome wins', () => {
  const runs = [1, 2].map((i) => compact(i, [compactTest('r', [10]), compactTest('r', [11])]));
  const cur = compact(3, [
    compactTest('r', [10]),
    compactTest('r', [], { outcome: 'unexpected', attempts: [['failed', 5]] }),
  ]);
  const q = summarizeQuality(runs, cur);
  assert.equal(q.perTest.length, 1);
  assert.equal(q.perTest[0].runs, 3);
  assert.equal(q.perTest[0].errorRate, 0.333);
  assert.equal(q.perTest[0].failureKind, 'failure');
});
