// Executor maths: segments partition VUs and arrival-rate iterations exactly; arrival times
// follow the (ramping) rate; thresholds and the scalability knee on known inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrivalTime, ownedVUs, owns, stageValue, subSegment } from '../../src/load/schedule';
import { findKnee } from '../../src/load/scalability';
import { evaluateThreshold } from '../../src/load/thresholds';
import { aggregate } from '../../src/load/aggregate';
import { LoadRecorder } from '../../src/load/recorder';
import { resolveLoadTest } from '../../src/load/validate';

test('segments and worker sub-segments partition the VUs exactly', () => {
  const seen: number[] = [];
  for (let k = 0; k < 3; k++) {
    for (let w = 0; w < 2; w++) seen.push(...ownedVUs(subSegment({ index: k, count: 3 }, w, 2), 20));
  }
  assert.deepEqual(
    seen.sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i),
  );
  // A sub-segment's VUs belong to its segment.
  for (const v of ownedVUs(subSegment({ index: 1, count: 3 }, 1, 2), 50)) assert.ok(owns({ index: 1, count: 3 }, v));
});

test('constant arrival rate: iteration j starts at j / rate; the schedule ends with the duration', () => {
  const stages = [{ durationMs: 2000, target: 0.005 }];
  assert.equal(arrivalTime(0.005, stages, 0), 0);
  assert.equal(arrivalTime(0.005, stages, 3), 600);
  assert.equal(arrivalTime(0.005, stages, 9), 1800);
  assert.equal(arrivalTime(0.005, stages, 10), null);
});

test('ramping arrival rate: iterations started match the integral of the rate', () => {
  // 0 → 10/s over 2 s, then 10/s for 1 s: 10 + 10 = 20 iterations.
  const stages = [
    { durationMs: 2000, target: 0.01 },
    { durationMs: 1000, target: 0.01 },
  ];
  let n = 0;
  while (arrivalTime(0, stages, n) !== null) n++;
  assert.equal(n, 20);
  // During the ramp the count by t is t²·r/(2D): the 5th iteration (j = 5) at sqrt(2·5·2000/0.01) ms.
  assert.ok(Math.abs((arrivalTime(0, stages, 5) as number) - Math.sqrt((2 * 5 * 2000) / 0.01)) < 1e-6);
  assert.ok(Math.abs((arrivalTime(0, stages, 15) as number) - 2500) < 1e-6);
});

test('ramping VUs interpolate linearly between stage targets', () => {
  const stages = [
    { durationMs: 1000, target: 10 },
    { durationMs: 1000, target: 10 },
    { durationMs: 1000, target: 0 },
  ];
  assert.equal(stageValue(0, stages, 0), 0);
  assert.equal(stageValue(0, stages, 500), 5);
  assert.equal(stageValue(0, stages, 1500), 10);
  assert.equal(stageValue(0, stages, 2750), 2.5);
  assert.equal(stageValue(0, stages, 5000), 0);
});

test('thresholds evaluate percentiles, error rates and counters with readable reasons', () => {
  const rec = new LoadRecorder(1000, 0.01);
  for (let i = 1; i <= 100; i++) {
    rec.sample('flow.login', i * 10, i * 20);
    rec.iteration(
      {
        scenario: 's',
        atMs: i * 20,
        durationMs: i,
        ...(i <= 2 ? { error: { kind: 'http' as const, message: 'HTTP 500' } } : {}),
      },
      'constant-vus',
    );
  }
  const a = aggregate(rec.snapshot().windows, 1000, 0.01);
  const th = resolveLoadTest({
    scenarios: { s: { executor: 'constant-vus', vus: 1, duration: '1s', exec: () => {} } },
    thresholds: {
      'flow.login': ['p95 < 900', 'max <= 1000'],
      errors: ['rate < 0.01'],
      'errors.http': ['count == 2'],
      'flow.logn': ['p95 < 1'],
    },
  }).thresholds;
  const v = th.map((t) => evaluateThreshold(t, a));
  assert.equal(v[0].ok, false);
  assert.ok(Math.abs((v[0].actual as number) - 950) / 950 <= 0.011);
  assert.match(v[0].reason, /^flow\.login p95 < 900: measured 9\d\d(\.\d+)? ms — fails \(needs < 900\)$/);
  assert.equal(v[1].ok, true);
  assert.deepEqual([v[2].ok, v[2].actual], [false, 0.02]);
  assert.equal(v[3].ok, true);
  assert.equal(v[4].ok, false);
  assert.match(
    v[4].reason,
    /no samples of flow\.logn were recorded \(metrics seen: flow\.login, iteration, scenario\.s\)/,
  );
});

test('the knee of a latency curve is where it bends upward', () => {
  const flat = [1, 2, 4, 8, 12, 16].map((x) => ({ x, y: 100 + x }));
  assert.equal(findKnee(flat), undefined, 'no real rise: no knee');
  const hockey = [1, 2, 4, 6, 8, 10, 12].map((x) => ({ x, y: x <= 6 ? 100 : 100 + (x - 6) * 200 }));
  assert.equal(findKnee(hockey), 6);
});
