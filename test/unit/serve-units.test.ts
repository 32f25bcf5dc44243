// The serve building blocks on their own: CLI option rules (loopback, token, --db), the token
// check, body limits and JSON errors, ids, the router, the alert migration, the history cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { resolveServeOptions, isLoopbackHost } from '../../src/serve/serve-options';
import { requireWriteAccess, tokenMatches } from '../../src/serve/auth';
import { readJsonBody } from '../../src/serve/body';
import { checkId } from '../../src/serve/ids';
import { Router } from '../../src/serve/router';
import type { ApiError } from '../../src/serve/api-error';
import { HistoryCache } from '../../src/serve/history-cache';
import { migrateHistory, emptyHistory } from '../../src/store/migrations';
import { openHistoryStore } from '../../src/store/history-store';
import { UsageError } from '../../src/cli/command';
import { compact, compactTest } from '../helpers/history-factories';
import { HistoryIndex } from '../../src/serve/history-index';
import { compareRuns } from '../../src/serve/handlers/compare';
import type { RequestContext } from '../../src/serve/context';
import type { CompareResponse } from '../../src/types';
import {
  DEFAULT_FDR,
  DEFAULT_MIN_ABS_CHANGE_MS,
  DEFAULT_MIN_CHANGE,
  detectRegressions,
} from '../../src/analyze/history/regression';

const TOKEN = 'a-long-enough-token-123';

test('serve options: loopback by default, a public host needs a token, --db selects Postgres', () => {
  const ok = resolveServeOptions({}, {}, '/p');
  assert.deepEqual(
    [ok.host, ok.port, ok.historyFile, ok.token],
    ['127.0.0.1', 7400, '/p/.playwright-perf/history.json', undefined],
  );
  assert.throws(
    () => resolveServeOptions({ host: '0.0.0.0' }, {}, '/p'),
    (e: Error) => e instanceof UsageError && /--token/.test(e.message),
  );
  const pub = resolveServeOptions({ host: '0.0.0.0' }, { PLAYWRIGHT_PERF_TOKEN: TOKEN }, '/p');
  assert.deepEqual([pub.token, pub.tokenSource], [TOKEN, 'PLAYWRIGHT_PERF_TOKEN']);
  assert.equal(
    resolveServeOptions({ token: TOKEN }, { PLAYWRIGHT_PERF_TOKEN: 'other-token-value-xyz' }, '/p').tokenSource,
    '--token',
  );
  assert.throws(() => resolveServeOptions({ token: 'short' }, {}, '/p'), /at least 16 characters/);
  assert.equal(ok.workers, 1);
  assert.equal(resolveServeOptions({ workers: '2' }, {}, '/p').workers, 2);
  for (const bad of ['0', '-1', '1.5', 'two', '17'])
    assert.throws(
      () => resolveServeOptions({ workers: bad }, {}, '/p'),
      (e: Error) => e instanceof UsageError && e.message === `--workers must be an integer from 1 to 16, got "${bad}"`,
      bad,
    );
  assert.throws(() => resolveServeOptions({ port: '70000' }, {}, '/p'), /--port must be an integer/);
  assert.throws(() => resolveServeOptions({ port: '12ab' }, {}, '/p'), /--port/);
  assert.equal(
    resolveServeOptions({ db: 'postgres://u:secret@h/db' }, {}, '/p').historyFile,
    'postgres://u:secret@h/db',
  );
  const fromEnv = resolveServeOptions({}, { PLAYWRIGHT_PERF_HISTORY_URL: 'postgres://ci@h/perf' }, '/p');
  assert.equal(fromEnv.historyFile, 'postgres://ci@h/perf');
  assert.equal(
    resolveServeOptions({ history: 'h.json' }, { PLAYWRIGHT_PERF_HISTORY_URL: 'postgres://ci@h/perf' }, '/p')
      .historyFile,
    '/p/h.json',
  );
  assert.throws(
    () => resolveServeOptions({ db: 'mysql://u:secret@h/db' }, {}, '/p'),
    (e: Error) => /postgres:\/\//.test(e.message) && !e.message.includes('secret'),
  );
  assert.throws(() => resolveServeOptions({ db: 'postgres://h/db', history: 'x' }, {}, '/p'), /not both/);
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['0.0.0.0', '192.168.1.2', '::', 'example.com']) assert.ok(!isLoopbackHost(h), h);
});

const req = (headers: Record<string, string>, body?: string | Buffer) =>
  Object.assign(Readable.from(body === undefined ? [] : [Buffer.from(body)]), {
    headers,
  }) as unknown as IncomingMessage;

test('write access: off without a token, 401 for a missing or wrong one', () => {
  assert.ok(tokenMatches(TOKEN, TOKEN));
  assert.ok(!tokenMatches(TOKEN, TOKEN + 'x'));
  assert.ok(!tokenMatches(TOKEN, ''));
  const status = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (e) {
      return (e as ApiError).status;
    }
  };
  assert.equal(
    status(() => requireWriteAccess(req({ authorization: `Bearer ${TOKEN}` }), undefined)),
    403,
  );
  assert.equal(
    status(() => requireWriteAccess(req({}), TOKEN)),
    401,
  );
  assert.equal(
    status(() => requireWriteAccess(req({ authorization: `Basic ${TOKEN}` }), TOKEN)),
    401,
  );
  assert.equal(
    status(() => requireWriteAccess(req({ authorization: 'Bearer nope' }), TOKEN)),
    401,
  );
  assert.equal(
    status(() => requireWriteAccess(req({ authorization: `Bearer ${TOKEN}` }), TOKEN)),
    200,
  );
});

test('bodies: JSON objects within the limit; anything else is a 4xx naming the field', async () => {
  const json = { 'content-type': 'application/json' };
  assert.deepEqual(await readJsonBody(req(json, '{"note":"x"}')), { note: 'x' });
  assert.deepEqual(await readJsonBody(req(json, '')), {});
  const fails = async (r: IncomingMessage, status: number, field: string, limit?: number) => {
    await assert.rejects(readJsonBody(r, limit), (e: ApiError) => e.status === status && e.field === field);
  };
  await fails(req(json, '{"note":'), 400, 'body');
  await fails(req(json, '"text"'), 400, 'body');
  await fails(req(json, 'null'), 400, 'body');
  await fails(req({ 'content-type': 'text/plain' }, '{}'), 415, 'content-type');
  await fails(req(json, '{"note":"' + 'x'.repeat(200) + '"}'), 413, 'body', 100);
  await fails(req({ ...json, 'content-length': '5000000' }, '{}'), 413, 'body');
});

test('ids: plain ids pass, traversal and separators do not', () => {
  for (const ok of [
    'r1',
    'run-001-abc',
    '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    'a-0123456789abcdef',
    '2026-12-01T20-42-29-825Z-5d9c4b',
  ])
    assert.equal(checkId('id', ok), ok);
  for (const bad of [
    '..',
    '../x',
    'a/b',
    'a\\b',
    '.hidden',
    'a..b',
    '',
    'x'.repeat(201),
    'a b',
    'a\u0000b',
    '<script>',
  ]) {
    assert.throws(
      () => checkId('runId', bad),
      (e: ApiError) => e.status === 400 && e.field === 'runId',
      JSON.stringify(bad),
    );
  }
});

test('router: params decoded, 405 lists the allowed methods, bad encoding is a 400', () => {
  const r = new Router<string>();
  r.add('GET', '/api/v1/runs', 'list');
  r.add('GET', '/api/v1/runs/:runId', 'one');
  r.add('POST', '/api/v1/alerts/:alertId/resolve', 'resolve');
  assert.deepEqual(r.match('GET', '/api/v1/runs/a%20b'), {
    kind: 'match',
    match: { route: 'one', params: { runId: 'a b' } },
  });
  assert.deepEqual(r.match('HEAD', '/api/v1/runs'), { kind: 'match', match: { route: 'list', params: {} } });
  assert.deepEqual(r.match('GET', '/api/v1/alerts/x/resolve'), { kind: 'method', allowed: ['POST'] });
  assert.deepEqual(r.match('GET', '/api/v1/runs/a/b'), { kind: 'none' });
  assert.throws(
    () => r.match('GET', '/api/v1/runs/%E0%A4%A'),
    (e: ApiError) => e.status === 400 && e.field === 'runId',
  );
});

test('history schema 1 → 2: alerts get stable ids and status open; everything else kept', () => {
  const v1 = {
    kind: 'playwright-perf-history',
    schemaVersion: 1,
    runs: [],
    pins: {},
    optimizations: [],
    alerts: [
      { runId: 'r1', time: 1, kind: 'budget', severity: 'warn', metric: 'm', subject: 's', message: 'a' },
      { runId: 'r1', time: 1, kind: 'regression', severity: 'error', metric: 'm', subject: 's', message: 'b' },
      { runId: 'r2', time: 2, kind: 'budget', severity: 'warn', metric: 'm', subject: 's', message: 'c' },
    ],
  };
  const once = migrateHistory(structuredClone(v1), 'f');
  const again = migrateHistory(structuredClone(v1), 'f');
  assert.equal(once.migratedFrom, 1);
  assert.equal(once.data.schemaVersion, 2);
  assert.deepEqual(
    once.data.alerts.map((a) => a.id),
    again.data.alerts.map((a) => a.id),
    'the same file gives the same ids',
  );
  assert.equal(new Set(once.data.alerts.map((a) => a.id)).size, 3);
  assert.ok(once.data.alerts.every((a) => a.status === 'open' && /^a-[0-9a-f]{16}$/.test(a.id)));
  assert.deepEqual(
    once.data.alerts.map((a) => a.message),
    ['a', 'b', 'c'],
  );
});

test('history cache: re-reads only when the store changed; a corrupt file keeps the last good snapshot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-serve-cache-'));
  try {
    const file = join(dir, 'h.json');
    const store = openHistoryStore(file);
    await store.update((d) => {
      d.runs.push(compact(1, [compactTest('a', [1])]));
    });
    let loads = 0;
    const cache = new HistoryCache(store, () => {
      loads++;
    });
    assert.equal((await cache.get()).runs.length, 1);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await cache.get()).runs.length, 1);
    assert.equal(loads, 1, 'unchanged file: not read again');
    await store.update((d) => {
      d.runs.push(compact(2, [compactTest('a', [1])]));
    });
    await new Promise((r) => setTimeout(r, 250));
    await cache.get(); // starts the re-read, answers from the old snapshot meanwhile
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await cache.reload()).runs.length, 2);
    writeFileSync(file, '{ not json');
    assert.equal((await cache.reload()).runs.length, 2, 'the last good snapshot is served');
    assert.match(cache.lastError ?? '', /corrupt/);
    const empty = new HistoryCache(openHistoryStore(join(dir, 'missing.json')));
    assert.deepEqual((await empty.get()).runs, emptyHistory().runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compare: tests matched by project and subject, counts of tests on one side only, engine verdicts', async () => {
  const series = (values: number[]) => ({ metric: 'nav.ttfb', subject: 'app/p', project: 'chromium', values });
  const base = compact(
    1,
    [
      compactTest('a', [100]),
      compactTest('b', [200]),
      compactTest('c', [300]),
      compactTest('a', [90], { project: 'ff' }),
    ],
    [series([80, 81, 82, 83, 84, 85])],
  );
  const head = compact(
    2,
    [
      compactTest('a', [110]),
      compactTest('a', [120]), // a repeat of a test already diffed: counted once
      compactTest('d', [50]),
      compactTest('b', [400], { outcome: 'flaky' }),
    ],
    [series([160, 161, 162, 163, 164, 165])],
  );
  const data = { ...emptyHistory(), runs: [base, head] };
  const index = new HistoryIndex(data, Date.now());
  const ctx = {
    query: new URLSearchParams({ base: 'r1', head: 'r2' }),
    params: {},
    history: async () => index,
  } as unknown as RequestContext;
  const body = (await compareRuns(ctx)) as CompareResponse;
  assert.equal(body.onlyInHead, 1); // d
  assert.equal(body.onlyInBase, 2); // c, and a in project ff
  assert.equal(body.outcomeChanges, 1); // b
  assert.deepEqual(
    body.tests.map((t) => [t.project, t.subject, t.baseMs, t.headMs]),
    [
      ['chromium', 'b', 200, 400],
      ['chromium', 'a', 100, 110],
    ],
  );
  const engine = detectRegressions([base], head, {
    minChange: DEFAULT_MIN_CHANGE,
    fdr: DEFAULT_FDR,
    minAbsChangeMs: DEFAULT_MIN_ABS_CHANGE_MS,
  });
  assert.deepEqual(body.metrics, engine.findings);
  assert.deepEqual(body.metricSummary, engine.summary);
  assert.ok(body.metrics.some((f) => f.metric === 'nav.ttfb' && f.verdict === 'regression'));
});
