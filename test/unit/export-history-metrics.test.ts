// History-level gauges (`/metrics` of `playwright-perf serve`) against a history built by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHistoryRegistry } from '../../src/export/history-metrics';
import { compact, compactTest } from '../helpers/history-factories';
import { promtoolCheck } from '../helpers/prometheus-servers';
import { HISTORY_KIND, type HistoryData } from '../../src/types';

function history(): HistoryData {
  const runs = [
    compact(0, [compactTest('a › x', [100]), compactTest('a › y', [200])], [], { branch: 'main', wallTimeMs: 5000 }),
    compact(
      1,
      [compactTest('a › x', [100], { outcome: 'flaky' }), compactTest('a › y', [200], { outcome: 'unexpected' })],
      [],
      { branch: 'main', wallTimeMs: 7000 },
    ),
    compact(2, [compactTest('a › x', [100])], [], { branch: 'feature', wallTimeMs: 3000 }),
  ];
  const alert = (kind: 'budget' | 'regression', severity: 'warn' | 'error', status?: string) => ({
    id: `a-${kind}-${status}`,
    runId: runs[1].runId,
    time: runs[1].startTime,
    kind,
    severity,
    metric: 'm',
    subject: 's',
    message: 'x',
    ...(status ? { status } : {}),
  });
  return {
    kind: HISTORY_KIND,
    schemaVersion: 1,
    runs,
    pins: {},
    optimizations: [],
    alerts: [
      alert('regression', 'error'),
      alert('regression', 'error', 'acknowledged'),
      alert('budget', 'warn', 'resolved'),
    ],
  } as HistoryData;
}

test('latest run per branch, flaky count and open alerts', async () => {
  const json = await buildHistoryRegistry(history()).getMetricsAsJSON();
  const get = (name: string) => json.find((m) => m.name === name)!.values;
  const wall = get('playwright_perf_last_run_duration_seconds');
  assert.deepEqual(
    new Map(wall.map((v) => [v.labels.branch, v.value])),
    new Map([
      ['main', 7],
      ['feature', 3],
    ]),
  );
  assert.deepEqual(
    new Map(get('playwright_perf_history_runs').map((v) => [v.labels.branch, v.value])),
    new Map([
      ['main', 2],
      ['feature', 1],
    ]),
  );
  assert.equal(get('playwright_perf_last_run_flaky_tests').find((v) => v.labels.branch === 'main')!.value, 1);
  const failed = get('playwright_perf_last_run_tests').find(
    (v) => v.labels.branch === 'main' && v.labels.outcome === 'failed',
  );
  assert.equal(failed!.value, 1);
  const open = get('playwright_perf_open_alerts');
  assert.equal(open.find((v) => v.labels.kind === 'regression' && v.labels.severity === 'error')!.value, 2);
  assert.equal(open.find((v) => v.labels.kind === 'budget' && v.labels.severity === 'warn')!.value, 0);
});

test('the history exposition passes promtool check metrics', async () => {
  const r = promtoolCheck(await buildHistoryRegistry(history()).metrics());
  assert.ok(r.ok && r.output === '', r.output);
});
