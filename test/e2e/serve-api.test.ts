// `playwright-perf serve` as a user starts it (the built CLI, port 0) over a history of 36 runs
// recorded through the real recorder: every route of docs/openapi.json is called and every response
// (errors included) is validated against the document; then bad and hostile input; then Ctrl-C.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildServeHistory, type ServeHistory } from '../helpers/serve-history';
import { openApiValidator } from '../helpers/openapi-validator';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

const TOKEN = 'test-token-0123456789abcdef';
const validator = openApiValidator();
const called = new Set<string>();
let dir: string;
let history: ServeHistory;
let server: ServeProcess;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pp-serve-api-'));
  history = await buildServeHistory(dir, 36);
  server = await startServeProcess(['--history', history.file], { PLAYWRIGHT_PERF_TOKEN: TOKEN });
});
after(async () => {
  if (server && server.child.exitCode === null) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  op: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(new URL(`api/v1/${path}`, server.url), init);
  const body = await res.json();
  validator.check(op, res.status, body);
  called.add(op);
  return { status: res.status, body, headers: res.headers };
}

const write = (body: unknown, token = TOKEN): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

test('read routes: runs, one run, regressions, compare, series, trends, tests, flaky, slowest, gate, summary', async () => {
  const ids = history.runIds;
  const latest = ids[ids.length - 1];
  const health = await call('health', 'health');
  assert.deepEqual([health.body.status, health.body.runs], ['ok', 36]);
  assert.equal((await call('version', 'version')).body.apiVersion, 1);

  const runs = await call('listRuns', 'runs?limit=10');
  assert.equal(runs.body.total, 36);
  assert.equal(runs.body.items[0].runId, latest, 'newest first');
  const page2 = await call('listRuns', 'runs?limit=10&offset=30');
  assert.equal(page2.body.items.length, 6);
  const feature = await call('listRuns', 'runs?branch=feature%2Fx&limit=500');
  assert.ok(feature.body.total > 0 && feature.body.items.every((r: any) => r.branch === 'feature/x'));
  const big = await call('listRuns', 'runs?machineClass=linux-x64-8cpu-32g');
  assert.ok(big.body.total > 0 && big.body.items.every((r: any) => r.machineClass === 'linux-x64-8cpu-32g'));
  const failed = await call('listRuns', 'runs?status=failed');
  assert.ok(failed.body.total > 0 && failed.body.items.every((r: any) => r.status === 'failed'));
  const dated = await call('listRuns', `runs?from=${new Date(runs.body.items[4].startTime).toISOString()}`);
  assert.equal(dated.body.total, 5);

  const run = await call('getRun', `runs/${latest}`);
  assert.equal(run.body.run.runId, latest);
  assert.equal(run.body.run.tests.length, 13);
  assert.ok(run.body.analysis.quality.perTest.some((t: any) => t.testId === history.flakySubject));
  assert.equal(run.body.analysis.regressions, `/api/v1/runs/${latest}/regressions`);

  // Run 30 is the first with feature 5 at 2.5×: the regression engine must say so.
  const reg = await call('runRegressions', `runs/${ids[30]}/regressions`);
  const f5 = reg.body.comparison.findings.find((f: any) => f.subject === history.regressedSubject);
  assert.equal(f5?.verdict, 'regression');
  const vsRun = await call('runRegressions', `runs/${ids[31]}/regressions?baseline=${ids[2]}`);
  assert.deepEqual(vsRun.body.comparison.baseline.runIds, [ids[2]]);
  const first = await call('runRegressions', `runs/${ids[0]}/regressions`);
  assert.equal(first.body.comparison, null);

  const cmp = await call('compareRuns', `compare?base=${ids[28]}&head=${ids[31]}`);
  const d5 = cmp.body.tests.find((t: any) => t.subject === history.regressedSubject);
  assert.ok(d5.change > 1, `feature 5 is 2.5× slower: ${JSON.stringify(d5)}`);
  assert.ok(cmp.body.metrics.some((m: any) => m.metric === 'vital.LCP'));

  const metrics = await call('listMetrics', 'metrics');
  assert.deepEqual(
    metrics.body.items.map((m: any) => m.metric),
    ['nav.ttfb', 'step.duration', 'test.duration', 'vital.LCP'],
  );
  const series = await call(
    'getSeries',
    `series?metric=test.duration&subject=${encodeURIComponent(history.regressedSubject)}&last=10`,
  );
  assert.equal(series.body.points.length, 10);
  assert.ok(
    series.body.points[9].value > 2 * series.body.points[0].value - 1 ||
      series.body.points[0].time < series.body.points[9].time,
  );
  const trends = await call('getTrends', 'trends?metric=test.duration&last=8&limit=3');
  assert.equal(trends.body.total, 13);
  assert.equal(trends.body.items.length, 3);
  assert.ok(trends.body.items.every((t: any) => t.points.length <= 8));
  const lcp = await call('getTrends', 'trends?metric=vital.LCP&last=36');
  assert.ok(lcp.body.items[0].change > 0.2, 'LCP rose by ~400 ms at run 30');

  const search = await call('searchTests', 'tests?search=feature%201');
  assert.deepEqual(
    search.body.items.map((t: any) => t.subject.split(' › ')[1]),
    ['feature 1', 'feature 10', 'feature 11'],
  );
  const th = await call('testHistory', `test?subject=${encodeURIComponent(history.flakySubject)}&last=36`);
  assert.equal(th.body.points.length, 36);
  assert.equal(th.body.flakyRuns, 9, 'runs 1, 5, 9 … 33');
  const flaky = await call('flaky', 'flaky?window=36');
  assert.equal(flaky.body.items[0].subject, history.flakySubject);
  const slowest = await call('slowest', 'slowest?window=5&limit=1');
  assert.equal(slowest.body.items[0].subject, history.regressedSubject, 'feature 5 at 2.5× is now the slowest');
  const gate = await call('gateHistory', 'gate?window=36');
  assert.equal(gate.body.items.length, 36);
  assert.ok(gate.body.items.some((g: any) => !g.passed) && gate.body.items.some((g: any) => g.passed));
  const sum = await call('summary', 'summary');
  assert.equal(sum.body.runs, 36);
  assert.deepEqual(sum.body.branches, ['feature/x', 'main']);
  assert.equal((await call('loadTests', 'load-tests')).body.items.length, 0, 'no load tests recorded: an empty list');
});

test('alerts: list, acknowledge, resolve (token needed), persisted in the history file', async () => {
  const open = await call('listAlerts', 'alerts?status=open&limit=500');
  assert.ok(open.body.total > 0);
  const regression = (await call('listAlerts', 'alerts?kind=regression')).body.items[0];
  assert.ok(regression);
  const id = regression.id;
  const ack = await call('acknowledgeAlert', `alerts/${id}/acknowledge`, write({ note: 'looking' }));
  assert.equal(ack.body.alert.status, 'acknowledged');
  const res = await call('resolveAlert', `alerts/${id}/resolve`, write({}));
  assert.equal(res.body.alert.status, 'resolved');
  const again = await call('acknowledgeAlert', `alerts/${id}/acknowledge`, write({}));
  assert.equal(again.status, 409);
  const resolved = await call('listAlerts', 'alerts?status=resolved');
  assert.deepEqual(
    resolved.body.items.map((a: any) => a.id),
    [id],
  );
  const onDisk = JSON.parse(readFileSync(history.file, 'utf8'));
  assert.equal(onDisk.schemaVersion, 2);
  assert.equal(onDisk.alerts.find((a: any) => a.id === id).statusNote, 'looking');
  assert.equal(
    (await call('listAlerts', `alerts?runId=${regression.runId}`)).body.items.every(
      (a: any) => a.runId === regression.runId,
    ),
    true,
  );
});

test('optimizations: measured effect, rollback restores the config byte for byte', async () => {
  const list = await call('listOptimizations', 'optimizations');
  assert.equal(list.body.items.length, 1);
  const o = list.body.items[0];
  assert.deepEqual([o.effect.runsBefore, o.effect.runsAfter], [10, 10]);
  assert.equal(readFileSync(history.configPath, 'utf8'), 'export default { workers: 2 };\n');
  const rb = await call('rollbackOptimization', `optimizations/${o.id}/rollback`, write({}));
  assert.equal(rb.status, 200);
  assert.equal(readFileSync(history.configPath, 'utf8'), 'export default { workers: 1 };\n');
  const twice = await call('rollbackOptimization', `optimizations/${o.id}/rollback`, write({}));
  assert.equal(twice.status, 409);
  assert.match(twice.body.error.message, /already rolled back/);
  assert.ok((await call('listOptimizations', 'optimizations')).body.items[0].rolledBackAt > 0);
});

test('bad and hostile input: 4xx JSON naming the field, nothing changed', async () => {
  const before = readFileSync(history.file, 'utf8');
  const alertId = (await call('listAlerts', 'alerts?status=open')).body.items[0].id;
  const expectError = async (
    op: string,
    path: string,
    status: number,
    field: string | undefined,
    init?: RequestInit,
  ) => {
    const r = await call(op, path, init);
    assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.field, field, `${path}: ${JSON.stringify(r.body)}`);
  };
  await expectError('listRuns', 'runs?limit=0', 400, 'limit');
  await expectError('listRuns', 'runs?limit=abc', 400, 'limit');
  await expectError('listRuns', 'runs?status=weird', 400, 'status');
  await expectError('listRuns', 'runs?from=yesterday', 400, 'from');
  await expectError('getSeries', 'series?metric=test.duration', 400, 'subject');
  await expectError('getSeries', 'series?metric=test.duration&subject=nope', 404, 'subject');
  await expectError('compareRuns', `compare?base=${history.runIds[1]}&head=${history.runIds[1]}`, 400, 'head');
  // Path traversal in ids, encoded so that it survives URL normalisation.
  await expectError('getRun', 'runs/..%2F..%2F..%2Fetc%2Fpasswd', 400, 'runId');
  await expectError('getRun', 'runs/no-such-run', 404, 'runId');
  await expectError('acknowledgeAlert', 'alerts/..%5C..%5Cwin.ini/acknowledge', 400, 'alertId', write({}));
  // Malformed JSON, wrong type, unknown property, not JSON, huge body, wrong / missing token.
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 400, 'body', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '{"note": ',
  });
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 400, 'body', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '[1,2]',
  });
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 400, 'note', write({ note: 42 }));
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 400, 'status', write({ status: 'resolved' }));
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 415, 'content-type', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
    body: 'note=x',
  });
  await expectError(
    'acknowledgeAlert',
    `alerts/${alertId}/acknowledge`,
    413,
    'body',
    write({ note: 'x'.repeat(2 * 1024 * 1024) }),
  );
  await expectError(
    'acknowledgeAlert',
    `alerts/${alertId}/acknowledge`,
    401,
    'authorization',
    write({}, TOKEN.slice(0, -1) + 'X'),
  );
  await expectError('acknowledgeAlert', `alerts/${alertId}/acknowledge`, 401, 'authorization', { method: 'POST' });
  await expectError('rollbackOptimization', 'optimizations/x/rollback', 400, 'force', write({ force: 'yes' }));
  assert.equal(readFileSync(history.file, 'utf8'), before, 'no rejected request changed the history');
  // Unknown routes and methods.
  const none = await fetch(new URL('api/v1/nothing/here', server.url));
  assert.equal(none.status, 404);
  assert.equal((await none.json()).error.code, 'not_found');
  const wrongMethod = await fetch(new URL('api/v1/runs', server.url), { method: 'DELETE' });
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'GET');
  assert.equal((await fetch(new URL('etc/passwd', server.url))).status, 404);
  assert.equal((await fetch(new URL('/%2e%2e/%2e%2e/package.json', server.url))).status, 404);
  assert.ok(!server.output().includes(TOKEN), 'the token is never printed');
});

test('every route in docs/openapi.json was called and validated', () => {
  assert.deepEqual(
    [...validator.operations].filter((op) => !called.has(op)),
    [],
  );
});

test('Ctrl-C stops the server cleanly', async () => {
  const { code, output } = await server.stop('SIGINT');
  assert.equal(code, 0, output);
  assert.match(output, /SIGINT: stopping\nstopped\n/);
  assert.ok(!output.includes(TOKEN));
});
