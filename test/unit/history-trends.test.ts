// Which series get a trend in the report: every flagged finding first, then the run's other series
// round-robin over metrics (so a big suite's test durations cannot crowd out Web Vitals), bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithHistory, MAX_TREND_SERIES, TREND_RUNS, trendKeys } from '../../src/store/record-run';
import { defaultHistoryOptions } from '../../src/store/options';
import { emptyHistory } from '../../src/store/migrations';
import type { RegressionFinding } from '../../src/types';
import { compact, compactTest } from '../helpers/history-factories';

const finding = (subject: string, verdict: RegressionFinding['verdict']): RegressionFinding => ({
  metric: 'test.duration',
  subject,
  project: 'chromium',
  verdict,
  baselineMedian: 1,
  currentMedian: 2,
  change: 1,
  pValue: 0.01,
  qValue: 0.01,
  effectSize: 1,
  baselineSamples: 5,
  currentSamples: 5,
});

test('trend keys: flagged findings first, then every metric in turn, largest first, capped', () => {
  const tests = Array.from({ length: 50 }, (_, i) => compactTest(`t${i}`, [100 + i]));
  const lcp = ['/a', '/b', '/c'].map((u, i) => ({ metric: 'vital.LCP', subject: u, values: [1000 + i] }));
  const run = compact(1, tests, [...lcp, { metric: 'flow.duration', subject: 'checkout', values: [900] }]);
  const keys = trendKeys([finding('t3', 'regression'), finding('t9', 'not-enough-data')], run, 8);
  assert.deepEqual(
    keys.map((k) => `${k.metric} ${k.subject}`),
    [
      'test.duration t3', // the regression
      'test.duration t49',
      'vital.LCP /c',
      'flow.duration checkout', // round 1: the largest of each metric
      'test.duration t48',
      'vital.LCP /b', // round 2 (flow.duration has no more)
      'test.duration t47',
      'vital.LCP /a',
    ],
  );
  assert.equal(keys[0].project, 'chromium');
  assert.equal(trendKeys([], run).length, 54, 'under the cap every series with values gets one');
  assert.equal(
    trendKeys(
      [],
      compact(
        2,
        Array.from({ length: 900 }, (_, i) => compactTest(`x${i}`, [i])),
      ),
    ).length,
    MAX_TREND_SERIES,
  );
});

test('from the second run every series has a trend of at most TREND_RUNS points; none without points', () => {
  const opts = defaultHistoryOptions();
  const data = emptyHistory();
  const first = compact(
    0,
    [compactTest('a', [100]), compactTest('b', [200])],
    [{ metric: 'nav.ttfb', subject: '/x', values: [50] }],
  );
  assert.equal(compareWithHistory(data, first, opts).comparison, undefined, 'first run: nothing to compare');
  for (let i = 0; i < 30; i++)
    data.runs.push(
      compact(
        i,
        [compactTest('a', [100 + i]), compactTest('b', [200])],
        [{ metric: 'nav.ttfb', subject: '/x', values: [50] }],
      ),
    );
  const failedB = compactTest('b', [], { outcome: 'unexpected', attempts: [['failed', 300]] });
  const cur = compact(30, [compactTest('a', [140]), failedB], [{ metric: 'nav.ttfb', subject: '/x', values: [52] }]);
  const trends = compareWithHistory(data, cur, opts).comparison!.trends!;
  // b failed this run (no passed duration): no series now, so no trend for it.
  assert.deepEqual(trends.map((t) => `${t.metric} ${t.subject}`).sort(), ['nav.ttfb /x', 'test.duration a']);
  for (const t of trends) {
    assert.equal(t.points.length, TREND_RUNS);
    assert.equal(t.points[t.points.length - 1].runId, 'r30', 'ends with this run');
  }
});
