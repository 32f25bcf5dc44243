// Statistics behind the regression gate, on synthetic samples with known truth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mannWhitneyU,
  cliffsDelta,
  studentTTwoSidedP,
  normalUpperTail,
  minimumUTestP,
  predictionTestP,
  robustSigma,
} from '../../src/analyze/stats/mann-whitney';
import { median } from '../../src/analyze/stats/descriptive';
import { benjaminiHochberg } from '../../src/analyze/stats/multiple-comparisons';
import { compareSeries, DEFAULT_FDR, DEFAULT_MIN_CHANGE } from '../../src/analyze/history/regression';
import type { MetricSeries } from '../../src/types';
import { rng, noisy } from '../helpers/history-factories';

const SETTINGS = { minChange: DEFAULT_MIN_CHANGE, fdr: DEFAULT_FDR };
const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('Mann-Whitney exact p matches the enumerated distribution', () => {
  // Fully separated 5 vs 5: 2 / C(10,5) = 2/252.
  const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
  assert.equal(r.method, 'exact');
  assert.equal(r.u, 25);
  close(r.p, 2 / 252, 1e-12);
  // 3 vs 3 separated: 2/20; interleaved U = 4 of 9 → p = 1 (symmetric middle).
  close(mannWhitneyU([1, 2, 3], [4, 5, 6]).p, 0.1, 1e-12);
  close(mannWhitneyU([1, 3, 5], [2, 4, 6]).p, 0.7, 1e-12); // P(U ≥ 6) = 7/20 → two-sided 0.7
  close(minimumUTestP(10, 1), 2 / 11, 1e-12);
});

test('Mann-Whitney with ties uses midranks and the tie-corrected normal approximation', () => {
  const r = mannWhitneyU([100, 100, 100, 100, 100], [120, 120, 120]);
  assert.equal(r.method, 'normal');
  assert.equal(r.u, 15);
  // σ² = 15/12 · (9 − (120 + 24)/56) = 8.0357; z = (7.5 − 0.5)/2.8347 = 2.469 → p = 0.01354.
  close(r.p, 0.01354, 2e-4);
  assert.equal(mannWhitneyU([5, 5, 5], [5, 5]).p, 1);
});

test("normal tail, Student t and Cliff's delta agree with tables", () => {
  close(normalUpperTail(1.959964), 0.025, 1e-6);
  close(studentTTwoSidedP(2.262157, 9), 0.05, 1e-5);
  close(studentTTwoSidedP(12.7062, 1), 0.05, 1e-5);
  close(studentTTwoSidedP(4.302653, 2), 0.05, 1e-5);
  close(studentTTwoSidedP(2.570582, 5), 0.05, 1e-5);
  close(cliffsDelta([1, 2, 3], [2, 3, 4]), 5 / 9, 1e-12);
  assert.equal(cliffsDelta([1, 2], [3, 4]), 1);
  assert.equal(median([3, 1, 2, 10]), 2.5);
  close(robustSigma([1, 2, 3, 4, 100]), 1.4826, 1e-9);
});

test('Benjamini-Hochberg q-values (step-up, monotone)', () => {
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  // sorted p: .005 .01 .03 .04 → ·4/rank: .02 .02 .04 .04
  assert.deepEqual(
    q.map((v) => +v.toFixed(6)),
    [0.02, 0.04, 0.04, 0.02],
  );
});

test('a 10 % shift with 10 samples per side is detected at p < 0.05', () => {
  const r = rng(42);
  const base = noisy(r, 200, 0.04, 10);
  const cur = noisy(r, 220, 0.04, 10);
  const u = mannWhitneyU(base, cur);
  assert.ok(u.p < 0.05, `p = ${u.p}`);
  const res = compareSeries(
    [{ metric: 'nav.ttfb', subject: 'x/a', project: 'p', values: base }],
    [{ metric: 'nav.ttfb', subject: 'x/a', project: 'p', values: cur }],
    SETTINGS,
  );
  assert.equal(res.findings[0].verdict, 'regression');
  assert.ok(res.findings[0].qValue! < 0.05);
  // Power over many seeds, not one lucky draw: ≥ 90 % detected with 4 % noise.
  let detected = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const g = rng(seed);
    if (mannWhitneyU(noisy(g, 200, 0.04, 10), noisy(g, 220, 0.04, 10)).p < 0.05) detected++;
  }
  assert.ok(detected >= 90, `detected ${detected}/100`);
});

test('100 unchanged metrics with realistic noise give no alarm after correction', () => {
  let runsWithAlarm = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const r = rng(1000 + seed);
    const baseline: MetricSeries[] = [],
      current: MetricSeries[] = [];
    for (let i = 0; i < 100; i++) {
      const m = 50 + 20 * i;
      baseline.push({ metric: 'test.duration', subject: `t${i}`, project: 'p', values: noisy(r, m, 0.15, 10) });
      current.push({ metric: 'test.duration', subject: `t${i}`, project: 'p', values: noisy(r, m, 0.15, 10) });
    }
    const res = compareSeries(baseline, current, SETTINGS);
    assert.equal(res.summary.compared, 100);
    if (seed === 1) assert.equal(res.summary.regressions + res.summary.improvements, 0);
    if (res.summary.regressions + res.summary.improvements > 0) runsWithAlarm++;
  }
  // Under the global null BH controls the family-wise rate at the FDR (5 %).
  assert.ok(runsWithAlarm <= 4, `${runsWithAlarm}/40 suites had a false alarm`);
});

test('one current sample per test (10 baseline runs): unchanged suite stays quiet, a large shift is caught', () => {
  let falseAlarms = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const r = rng(5000 + seed);
    const baseline: MetricSeries[] = [],
      current: MetricSeries[] = [];
    for (let i = 0; i < 100; i++) {
      for (let run = 0; run < 10; run++)
        baseline.push({ metric: 'test.duration', subject: `t${i}`, values: noisy(r, 300, 0.08, 1) });
      current.push({ metric: 'test.duration', subject: `t${i}`, values: noisy(r, i === 7 ? 600 : 300, 0.08, 1) });
    }
    const res = compareSeries(baseline, current, SETTINGS);
    const regs = res.findings.filter((f) => f.verdict === 'regression');
    assert.ok(
      regs.some((f) => f.subject === 't7' && f.method === 'prediction'),
      `seed ${seed}: t7 not flagged`,
    );
    falseAlarms += regs.filter((f) => f.subject !== 't7').length;
  }
  assert.ok(falseAlarms <= 2, `${falseAlarms} false alarms in 20 × 99 unchanged tests`);
});

test('zero-variance samples with a real change are flagged; equal ones are not', () => {
  const s = (values: number[]): MetricSeries[] => [{ metric: 'step.duration', subject: 'Before Hooks', values }];
  const up = compareSeries(s([100, 100, 100, 100, 100]), s([120, 120, 120]), SETTINGS).findings[0];
  assert.equal(up.verdict, 'regression');
  assert.equal(up.method, 'deterministic');
  const same = compareSeries(s([100, 100, 100]), s([100, 100]), SETTINGS);
  assert.equal(same.summary.unchanged, 1);
  // One current sample against a constant baseline: the prediction test sees it too.
  const one = compareSeries(s(Array(10).fill(100)), s([150]), SETTINGS).findings[0];
  assert.equal(one.verdict, 'regression');
  // Zero variance, but below the practical threshold (2 %): not called.
  assert.equal(compareSeries(s([500, 500, 500]), s([510, 510]), SETTINGS).summary.unchanged, 1);
});

test('prediction test: outside the baseline spread vs inside it', () => {
  const base = [100, 104, 98, 101, 97, 103, 99, 102, 100, 96];
  assert.ok(predictionTestP(base, [130]) < 0.001);
  assert.ok(predictionTestP(base, [101]) > 0.5);
});

test('a run-wide slowdown (busy machine) is reported as a caveat; only series slower than the run as a whole are flagged', () => {
  const r = rng(99);
  const baseline: MetricSeries[] = [],
    current: MetricSeries[] = [];
  for (let i = 0; i < 8; i++) {
    for (let run = 0; run < 8; run++)
      baseline.push({ metric: 'test.duration', subject: `t${i}`, values: noisy(r, 400, 0.08, 1) });
    // Everything 2.2× slower; t3 another 3× on top.
    current.push({
      metric: 'test.duration',
      subject: `t${i}`,
      values: noisy(r, 400 * 2.2 * (i === 3 ? 3 : 1), 0.08, 2),
    });
  }
  // t8 did not slow down with the machine (not an "improvement" relative to the shift); t9 got faster outright.
  for (const [subject, now] of [
    ['t8', 400],
    ['t9', 200],
  ] as const) {
    for (let run = 0; run < 8; run++)
      baseline.push({ metric: 'test.duration', subject, values: noisy(r, 400, 0.08, 1) });
    current.push({ metric: 'test.duration', subject, values: noisy(r, now, 0.08, 2) });
  }
  const res = compareSeries(baseline, current, SETTINGS);
  assert.ok(res.runWide && Math.abs(res.runWide.factor - 2.2) < 0.3, JSON.stringify(res.runWide));
  assert.deepEqual(
    res.findings.filter((f) => f.verdict === 'improvement').map((f) => f.subject),
    ['t9'],
  );
  assert.deepEqual(
    res.findings.filter((f) => f.verdict === 'regression').map((f) => f.subject),
    ['t3'],
  );
  const shift = res.findings.find((f) => f.metric === 'run.shift')!;
  assert.equal(shift.verdict, 'not-enough-data');
  assert.match(shift.note!, /whole run was 2\.\d\d× slower/);
  assert.match(res.findings[0].note!, /judged beyond the run-wide ×2\.\d\d/);
  // Fewer than 4 timing series: no factor, judged raw.
  const few = compareSeries(
    baseline.filter((s) => s.subject < 't3'),
    current.filter((s) => s.subject < 't3'),
    SETTINGS,
  );
  assert.equal(few.runWide, undefined);
  assert.equal(few.summary.regressions, 3);
});
