// Merging is exact: two segments (or worker processes, or drained parts) merged give the same
// counts and the same sketch as one recorder that saw every sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../helpers/random';
import { LoadRecorder } from '../../src/load/recorder';
import { buildLoadReport, type LoadReportMeta } from '../../src/load/build-report';
import { mergeLoadReports } from '../../src/load/merge';
import { deserializeSketch, mergeSketches } from '../../src/load/sketch';
import { resolveLoadTest } from '../../src/load/validate';
import type { LoadRawData } from '../../src/types/load';

const QS = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

interface Sample {
  metric: string;
  value: number;
  at: number;
  failed: boolean;
}

function samples(n: number, seed: number): Sample[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    metric: i % 3 === 0 ? 'flow.login' : 'flow.pay',
    value: Math.exp(3 + 2 * r()) + (r() < 0.05 ? 5000 * r() : 0),
    at: r() * 9_000,
    failed: r() < 0.03,
  }));
}

function record(rec: LoadRecorder, list: Sample[]): void {
  for (const s of list) {
    rec.sample(s.metric, s.value, s.at);
    rec.iteration(
      {
        scenario: 'main',
        atMs: s.at,
        durationMs: s.value * 1.1,
        ...(s.failed ? { error: { kind: 'timeout' as const, message: 'x' } } : {}),
      },
      'constant-vus',
    );
  }
  rec.durationMs = 9_000;
}

function meta(segments: string[]): LoadReportMeta {
  const t = resolveLoadTest({
    scenarios: { main: { executor: 'constant-vus', vus: 1, duration: '9s', exec: () => {} } },
    thresholds: { 'flow.login': ['p95 < 200'], errors: ['rate < 0.05'] },
  });
  return {
    runId: 'r',
    startedAt: '2026-12-01T00:00:00.000Z',
    startTime: 0,
    file: 'x.ts',
    segments,
    workers: 1,
    remoteBrowsers: [],
    interrupted: false,
    thresholds: t.thresholds,
    scalabilityMetric: 'iteration',
  };
}

function assertSameData(a: LoadRawData, b: LoadRawData): void {
  assert.deepEqual(a.scenarios, b.scenarios);
  assert.equal(a.windows.length, b.windows.length);
  for (let i = 0; i < a.windows.length; i++) {
    const wa = a.windows[i];
    const wb = b.windows[i];
    assert.deepEqual({ ...wa, sketches: undefined }, { ...wb, sketches: undefined });
    assert.deepEqual(Object.keys(wa.sketches).sort(), Object.keys(wb.sketches).sort());
    for (const k of Object.keys(wa.sketches)) {
      const sa = deserializeSketch(wa.sketches[k]);
      const sb = deserializeSketch(wb.sketches[k]);
      assert.equal(sa.count, sb.count);
      assert.equal(sa.min, sb.min);
      assert.equal(sa.max, sb.max);
      assert.ok(Math.abs(sa.sum - sb.sum) < 1e-6);
      for (const q of QS) assert.equal(sa.getValueAtQuantile(q), sb.getValueAtQuantile(q), `${k} q${q}`);
    }
  }
}

test('two segments merged equal one combined run of the same samples', () => {
  const all = samples(3000, 7);
  const combined = new LoadRecorder(1000, 0.01);
  record(combined, all);
  const seg1 = new LoadRecorder(1000, 0.01);
  const seg2 = new LoadRecorder(1000, 0.01);
  record(
    seg1,
    all.filter((_, i) => i % 2 === 0),
  );
  record(
    seg2,
    all.filter((_, i) => i % 2 === 1),
  );

  const merged = new LoadRecorder(1000, 0.01);
  merged.absorb(seg1.snapshot());
  merged.absorb(seg2.snapshot());
  assertSameData(merged.snapshot(), combined.snapshot());

  // And through the reports, as `playwright-perf load merge` does.
  const r = mergeLoadReports([
    buildLoadReport(seg1.snapshot(), meta(['1/2'])),
    buildLoadReport(seg2.snapshot(), meta(['2/2'])),
  ]);
  const one = buildLoadReport(combined.snapshot(), meta(['1/1']));
  assert.deepEqual(r.metrics, one.metrics);
  assert.deepEqual(r.totals, one.totals);
  assert.deepEqual(r.thresholds, one.thresholds);
  assert.deepEqual(r.segments, ['1/2', '2/2']);
});

test('drained parts absorbed one by one equal the undrained recorder', () => {
  const all = samples(600, 11).sort((a, b) => a.at - b.at);
  const whole = new LoadRecorder(500, 0.02);
  record(whole, all);
  const live = new LoadRecorder(500, 0.02);
  const coordinator = new LoadRecorder(500, 0.02);
  for (let i = 0; i < all.length; i += 50) {
    record(live, all.slice(i, i + 50));
    coordinator.absorb(live.drain(9_000));
  }
  assertSameData(coordinator.snapshot(), whole.snapshot());
});

test('sketch quantiles stay within the relative accuracy of the exact quantile', () => {
  const values = samples(5000, 3)
    .map((s) => s.value)
    .sort((a, b) => a - b);
  const rec = new LoadRecorder(60_000, 0.01);
  for (const v of values) rec.sample('m', v, 0);
  const s = mergeSketches([rec.snapshot().windows[0].sketches.m], 0.01);
  for (const q of [0.5, 0.9, 0.95, 0.99]) {
    const exact = values[Math.floor(q * (values.length - 1))];
    const got = s.getValueAtQuantile(q);
    assert.ok(Math.abs(got - exact) / exact <= 0.0101, `q${q}: ${got} vs ${exact}`);
  }
});

test('merging refuses duplicate segments and different windows', () => {
  const a = new LoadRecorder(1000, 0.01);
  record(a, samples(10, 1));
  const r = buildLoadReport(a.snapshot(), meta(['1/2']));
  assert.throws(() => mergeLoadReports([r, r]), /segment 1\/2 appears twice/);
  const b = new LoadRecorder(2000, 0.01);
  assert.throws(() => b.absorb(a.snapshot()), /window 1000 ms/);
});
