// The two definitions of the middle of a sample, each with one implementation: nearest-rank
// percentiles (p50 is an observed sample) and the interpolated median.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distribution, median, percentile } from '../../src/analyze/stats/descriptive';
import { aggregate } from '../../src/analyze/budgets/budgets';
import { round } from '../../src/util/round';

test('percentiles are nearest-rank, the median is interpolated', () => {
  const even = [40, 10, 30, 20];
  assert.equal(percentile([10, 20, 30, 40], 50), 20);
  assert.equal(percentile([10, 20, 30, 40], 95), 40);
  assert.equal(median(even), 25);
  assert.equal(median([3, 1, 2]), 2);
  assert.ok(Number.isNaN(median([])));
  assert.deepEqual(distribution(even), { count: 4, p50: 20, p95: 40, max: 40, mean: 25 });
});

test('budget aggregates: p50 is the nearest-rank percentile, median the interpolated one', () => {
  assert.equal(aggregate([10, 20, 30, 40], 'p50'), 20);
  assert.equal(aggregate([10, 20, 30, 40], 'median'), 25);
  assert.equal(aggregate([10, 20, 30], 'median'), 20);
});

test('round: to the given decimals, halves upward', () => {
  assert.equal(round(1234.5678), 1235);
  assert.equal(round(1234.5678, 2), 1234.57);
  assert.equal(round(0.12345, 3), 0.123);
  assert.equal(round(2.5), 3);
  assert.equal(round(-1.26, 1), -1.3);
});
