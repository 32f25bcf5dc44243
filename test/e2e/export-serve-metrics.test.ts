// `/metrics` of `playwright-perf serve`, scraped by a real Prometheus: the history-level gauges
// equal what the history holds, and resolving an alert through the API moves the open-alert gauge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServeHistory } from '../helpers/serve-history';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { promtoolCheck, startPromStack, type PromStack } from '../helpers/prometheus-servers';
import { openHistoryStore } from '../../src/store/history-store';
import type { HistoryData } from '../../src/types';

const TOKEN = 'metrics-test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'pwperf-serve-metrics-'));
let server: ServeProcess;
let stack: PromStack;
let history: HistoryData;

before(async () => {
  const h = await buildServeHistory(dir, 14);
  history = await openHistoryStore(h.file).read();
  server = await startServeProcess(['--history', h.file], { PLAYWRIGHT_PERF_TOKEN: TOKEN });
  stack = await startPromStack([new URL(server.url).host]);
});
after(async () => {
  await server?.stop();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (r: Array<{ value: number }>) => r.reduce((s, x) => s + x.value, 0);
const openAlerts = (d: HistoryData) => d.alerts.filter((a) => a.status !== 'resolved');

test('serve /metrics: lint-clean, scraped by Prometheus, equal to the history', async () => {
  const res = await fetch(new URL('/metrics', server.url));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const lint = promtoolCheck(await res.text());
  assert.ok(lint.ok && lint.output === '', lint.output);
  const runs = await stack.waitFor('playwright_perf_history_runs{job="playwright-perf"}', (r) => r.length > 0);
  assert.equal(sum(runs), history.runs.length);
  const last = await stack.query('playwright_perf_last_run_duration_seconds{job="playwright-perf"}');
  for (const series of last) {
    const mine = history.runs.filter(
      (r) => (r.branch ?? 'unknown') === series.metric.branch && r.machineClass === series.metric.machine_class,
    );
    const latest = mine.reduce((a, b) => (b.startTime >= a.startTime ? b : a));
    assert.equal(series.value, latest.wallTimeMs / 1000, `${series.metric.branch} ${series.metric.machine_class}`);
  }
  assert.ok(openAlerts(history).length > 0, 'the history has open alerts to count');
  const open = await stack.query('sum(playwright_perf_open_alerts{job="playwright-perf"})');
  assert.equal(open[0].value, openAlerts(history).length);
  const bad = await fetch(new URL('/metrics', server.url), { method: 'POST' });
  assert.equal(bad.status, 405);
});

test('resolving an alert through the API lowers the open-alert gauge Prometheus sees', async () => {
  const alert = openAlerts(history)[0];
  const res = await fetch(new URL(`/api/v1/alerts/${alert.id}/resolve`, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(res.status, 200, await res.text());
  const want = openAlerts(history).length - 1;
  const open = await stack.waitFor(
    'sum(playwright_perf_open_alerts{job="playwright-perf"})',
    (r) => r[0]?.value === want,
  );
  assert.equal(open[0].value, want);
});
