// The two gate false failures seen on real suites, rebuilt from synthetic samples with known truth:
// (1) a run-wide shift turned a series that went DOWN into "slower"; (2) --repeat-each put most warm
// page creations at later positions in the worker, so an unchanged series looked 10 % slower. Plus
// the arming rule: the gate cannot fail before the baseline has enough earlier runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSeries,
  detectRegressions,
  DEFAULT_FDR,
  DEFAULT_MIN_CHANGE,
} from '../../src/analyze/history/regression';
import { compactRun, runSeries } from '../../src/analyze/history/compact-run';
import { evaluateGate } from '../../src/analyze/budgets/gate';
import { packHistory, unpackHistory } from '../../src/store/packed-format';
import type { HistoryComparison, MetricSeries, NavigationMetric, RunRecord, StartupMetric } from '../../src/types';
import { compact, compactTest, makeResult, makeRun, makeTest, noisy, rng } from '../helpers/history-factories';
import { emptyHistory } from '../../src/store/migrations';

const SETTINGS = { minChange: DEFAULT_MIN_CHANGE, fdr: DEFAULT_FDR };
const series = (metric: string, subject: string, values: number[]): MetricSeries => ({
  metric,
  subject,
  project: 'chromium',
  values,
});

test('a run-wide shift never turns a series that went down into "slower" (held-out case 1)', () => {
  // Three baseline runs; the machine is 6 % faster in this run, so eight CPU-bound series drop
  // 6 %. The server-bound TTFB of /p3 does not move with machine speed: 304 → 303.
  const r = rng(3);
  const baseline: MetricSeries[] = [],
    current: MetricSeries[] = [];
  for (let i = 0; i < 8; i++) {
    baseline.push(series('test.duration', `t${i}`, noisy(r, 200 + 40 * i, 0.005, 3)));
    current.push(series('test.duration', `t${i}`, [(200 + 40 * i) * 0.94]));
  }
  baseline.push(series('nav.ttfb', '127.0.0.1/p3', [304, 304.4, 303.7]));
  current.push(series('nav.ttfb', '127.0.0.1/p3', [303]));
  const res = compareSeries(baseline, current, SETTINGS);
  assert.ok(res.runWide && res.runWide.factor < 0.95, `run-wide shift expected: ${JSON.stringify(res.runWide)}`);
  const p3 = res.findings.find((f) => f.subject === '127.0.0.1/p3');
  assert.notEqual(p3?.verdict, 'regression', JSON.stringify(p3));
  assert.equal(res.summary.regressions, 0, JSON.stringify(res.findings));

  // Mirror image on a 1.3× slower run: a series 2 % slower is not "faster than the run".
  const base2: MetricSeries[] = [],
    cur2: MetricSeries[] = [];
  for (let i = 0; i < 8; i++) {
    base2.push(series('test.duration', `t${i}`, noisy(r, 300 + 40 * i, 0.005, 5)));
    cur2.push(series('test.duration', `t${i}`, [(300 + 40 * i) * 1.3]));
  }
  base2.push(series('nav.ttfb', '127.0.0.1/p1', [500, 501, 499.5, 500.2, 500.6]));
  cur2.push(series('nav.ttfb', '127.0.0.1/p1', [510]));
  const res2 = compareSeries(base2, cur2, SETTINGS);
  assert.ok(res2.runWide && res2.runWide.factor > 1.25);
  assert.equal(res2.summary.improvements, 0, JSON.stringify(res2.findings));

  // The shift still only raises the bar: a real slowdown beyond the run's is still found…
  const cur3 = cur2.map((s) => (s.subject === '127.0.0.1/p1' ? { ...s, values: [900] } : s));
  const res3 = compareSeries(base2, cur3, SETTINGS);
  assert.equal(res3.findings.find((f) => f.subject === '127.0.0.1/p1')?.verdict, 'regression');
  // …and a series that slowed LESS than the run is not an improvement (it did not get faster).
  const cur4 = cur2.map((s) => (s.subject === 't0' ? { ...s, values: [320] } : s));
  assert.equal(compareSeries(base2, cur4, SETTINGS).summary.improvements, 0);
});

// ---- held-out case 2: --repeat-each=5 and warm page creations ----

/** Warm page creation grows with the page's position in the worker (the browser accumulates state). */
function pageCreateAt(position: number, r: () => number): number {
  return 90 + 1.6 * position + (r() - 0.5);
}

function nav(url: string, ttfbMs: number): NavigationMetric {
  return {
    url,
    type: 'navigate',
    startTime: 0,
    redirectMs: 0,
    dnsMs: 0,
    connectMs: 0,
    tlsMs: 0,
    ttfbMs,
    responseMs: 1,
    domInteractiveMs: ttfbMs + 5,
    domContentLoadedMs: ttfbMs + 6,
    loadMs: ttfbMs + 8,
    durationMs: ttfbMs + 10,
    transferBytes: 100,
    encodedBodyBytes: 50,
    decodedBodyBytes: 50,
    resources: { count: 0, transferBytes: 0, byType: {} },
  };
}

/** Six tests (one page each) in one worker, each repeated `repeats` times in Playwright's order
 *  (the whole suite once per repeat index). /p3's server delay is `p3Delay`. */
function suiteRun(i: number, repeats: number, p3Delay: number, r: () => number): RunRecord {
  const tests = [];
  let position = 0;
  for (let rep = 0; rep < repeats; rep++) {
    for (let t = 1; t <= 6; t++) {
      position++;
      const startup: StartupMetric[] = [
        {
          phase: 'pageCreate',
          durationMs: pageCreateAt(position, r),
          temperature: position === 1 ? 'cold' : 'warm',
          workerIndex: 0,
          browserName: 'chromium',
          startTime: 0,
        },
      ];
      const delay = (t === 3 ? p3Delay : 50) * (1 + (r() - 0.5) * 0.01);
      const perf = { startup, navigations: [nav(`http://127.0.0.1:4000/p${t}`, delay)] };
      tests.push(
        makeTest({
          id: `id-p${t}-${rep}`,
          title: `page ${t}`,
          titlePath: [`page ${t}`],
          ...(rep ? { repeatEachIndex: rep } : {}),
          results: [makeResult({ durationMs: delay + 100 + (position === 1 ? 400 : 0), perf })],
        }),
      );
    }
  }
  return makeRun({ runId: `run-${i}`, startTime: 1_700_000_000_000 + i * 60_000, tests });
}

test('--repeat-each=5: position-dependent series compare repeat 0 only; the slowed page is still found (held-out case 2)', () => {
  const r = rng(8);
  const baseline = Array.from({ length: 8 }, (_, i) => compactRun(suiteRun(i, 1, 100, r)));
  const currentRecord = suiteRun(9, 5, 110, r);
  const res = detectRegressions(baseline, compactRun(currentRecord), SETTINGS);
  const warm = res.findings.find((f) => f.metric === 'startup.pageCreate' && f.subject === 'chromium:warm');
  assert.ok(!warm || warm.verdict !== 'regression', JSON.stringify(warm));
  const flagged = res.findings.filter((f) => f.verdict === 'regression' || f.verdict === 'improvement');
  // Only /p3's series: TTFB and load from all five repeats, and its test's duration (repeat 0).
  assert.deepEqual(flagged.map((f) => `${f.verdict} ${f.metric} ${f.subject}`).sort(), [
    'regression nav.load 127.0.0.1/p3',
    'regression nav.ttfb 127.0.0.1/p3',
    'regression test.duration tests/a.spec.ts › page 3',
  ]);
  const ttfb = flagged.find((f) => f.metric === 'nav.ttfb')!;
  assert.equal(ttfb.currentSamples, 5);
  assert.ok(ttfb.change! > 0.09 && ttfb.change! < 0.11, String(ttfb.change));
  // The first test of the worker carries the browser launch in its duration; its repeats do not,
  // so pooling them would have called it an improvement.
  assert.equal(
    res.findings.find((f) => f.metric === 'test.duration' && f.subject.endsWith('page 1'))?.verdict ?? 'unchanged',
    'unchanged',
  );
  // Budgets still see every repeat's samples.
  const all = runSeries(compactRun(currentRecord, { allRepeats: true }), { allRepeats: true });
  assert.equal(
    all.filter((s) => s.metric === 'startup.pageCreate').reduce((n, s) => n + s.values.length, 0),
    30,
  );
});

test('repeat marks survive the packed history format; legacy repeated runs lose only their position-dependent series', () => {
  const r = rng(5);
  const c = compactRun(suiteRun(1, 3, 100, r));
  assert.deepEqual(
    c.tests.map((t) => t.repeat ?? 0),
    [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
  );
  const data = { ...emptyHistory(), runs: [c] };
  const back = unpackHistory(JSON.parse(JSON.stringify(packHistory(data))));
  assert.deepEqual(back.runs[0], c);
  const unrepeated = packHistory({ ...emptyHistory(), runs: [compactRun(suiteRun(2, 1, 100, r))] });
  assert.equal('tr' in unrepeated.runs[0], false, 'no per-test repeat array when nothing repeats');
  // A run stored by an older version with --repeat-each=3: duplicate subjects, no marks.
  const legacy = compact(
    1,
    [compactTest('a', [500]), compactTest('a', [100]), compactTest('a', [100])],
    [series('startup.pageCreate', 'chromium:warm', [95, 100, 120]), series('nav.ttfb', 'x/a', [50, 51, 49])],
  );
  const got = runSeries(legacy);
  assert.deepEqual(
    got.map((s) => `${s.metric}:${s.values.join(',')}`),
    ['test.duration:500', 'nav.ttfb:50,51,49'],
  );
});

// ---- arming ----

function comparisonWith(baselineRuns: number): HistoryComparison {
  return {
    baseline: { kind: 'previous', runIds: Array.from({ length: baselineRuns }, (_, i) => `r${i}`), description: '' },
    caveats: [],
    findings: [
      {
        metric: 'nav.ttfb',
        subject: 'x/a',
        verdict: 'regression',
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
}

test('the regression gate is armed only from gate.minBaselineRuns (default 5) earlier runs', () => {
  const young = evaluateGate({ failOnRegression: true }, [], comparisonWith(4));
  assert.equal(young.failed, false);
  assert.deepEqual(young.regressionGate, {
    armed: false,
    regressionsSeen: 1,
    reason: 'the baseline has 4 earlier runs; regressions fail the run from 5 on (gate.minBaselineRuns)',
  });
  const none = evaluateGate({ failOnRegression: true }, [], undefined);
  assert.match(none.regressionGate!.reason!, /no history comparison/);
  const armed = evaluateGate({ failOnRegression: true }, [], comparisonWith(5));
  assert.equal(armed.failed, true);
  assert.deepEqual(armed.regressionGate, { armed: true, regressionsSeen: 1 });
  assert.equal(evaluateGate({ failOnRegression: true, minBaselineRuns: 1 }, [], comparisonWith(1)).failed, true);
  // Budgets need no baseline: an error-level breach fails an unarmed run.
  const breach = [
    { rule: 'r', subject: 's', severity: 'error' as const, limit: 1, actual: 2, ok: false, message: 'broken' },
  ];
  assert.equal(evaluateGate({ failOnRegression: true, failOnBudget: true }, breach, comparisonWith(1)).failed, true);
});
