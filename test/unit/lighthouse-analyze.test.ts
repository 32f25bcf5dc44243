// Lighthouse analyzer and the standalone runner's run record (pure, factory-built inputs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLighthouse } from '../../src/analyze/run/lighthouse';
import { analyzeRun } from '../../src/analyze/run';
import { buildStandaloneRecord, standaloneTestId } from '../../src/lighthouse/standalone-record';
import { urlSlug, parseStorageState } from '../../src/lighthouse/standalone';
import { toCdpCookie, hasStorage } from '../../src/lighthouse/share-storage';
import { makeMeta, makeResult, makeRun, makeTest, at } from '../helpers/factories';
import type { LighthouseResult } from '../../src/types';

const lh = (over: Partial<LighthouseResult> = {}): LighthouseResult => ({
  url: 'http://app/account',
  mode: 'navigation',
  formFactor: 'mobile',
  lighthouseVersion: '12.8.2',
  scores: { performance: 90 },
  metrics: { lcpMs: 1200 },
  failingAudits: [],
  durationMs: 10_000,
  startTime: at(0),
  ...over,
});

test('analyzeLighthouse: none → undefined; results carry their test, sorted by start; summary', () => {
  assert.equal(analyzeLighthouse(makeRun({ tests: [makeTest()] })), undefined);
  const run = makeRun({
    tests: [
      makeTest({
        id: 't1',
        title: 'one',
        results: [
          makeResult({
            retry: 0,
            perf: { lighthouse: [lh({ startTime: at(5000), scores: { performance: 70, seo: 100 } })] },
          }),
        ],
      }),
      makeTest({
        id: 't2',
        title: 'two',
        results: [
          makeResult({
            perf: {
              lighthouse: [
                lh({
                  url: 'http://app/b',
                  startTime: at(1000),
                  thresholds: [
                    { key: 'performance', limit: 95, actual: 90, ok: false },
                    { key: 'lcpMs', limit: 2500, actual: 1200, ok: true },
                  ],
                }),
              ],
            },
          }),
        ],
      }),
    ],
  });
  const a = analyzeLighthouse(run)!;
  assert.deepEqual(
    a.results.map((r) => [r.testId, r.title, r.url]),
    [
      ['t2', 'two', 'http://app/b'],
      ['t1', 'one', 'http://app/account'],
    ],
  );
  assert.deepEqual(a.summary, {
    audits: 2,
    urls: 2,
    thresholdBreaches: 1,
    auditTimeMs: 20_000,
    minScores: { performance: 70, seo: 100 },
  });
  assert.equal(analyzeRun(run).lighthouse?.results.length, 2);
  assert.equal(analyzeRun(makeRun({ tests: [makeTest()] })).lighthouse, undefined);
});

test('standalone record: one test per URL, median in perf.lighthouse, errors fail the URL', () => {
  const run = buildStandaloneRecord({
    runId: 'r1',
    startTime: at(0),
    endTime: at(60_000),
    timeoutMs: 90_000,
    meta: makeMeta(),
    urls: [
      {
        url: 'http://a/',
        median: lh({ url: 'http://a/', runs: 3, artifacts: { html: '/o/a.html', json: '/o/a.json' } }),
        errors: [],
        startTime: at(0),
        durationMs: 30_000,
      },
      { url: 'http://b/', errors: ['run 1: boom'], startTime: at(30_000), durationMs: 1_000 },
    ],
  });
  assert.equal(run.kind, 'playwright-perf-run');
  assert.equal(run.status, 'failed');
  assert.equal(run.wallTimeMs, 60_000);
  assert.deepEqual(
    run.tests.map((t) => [t.id, t.title, t.project, t.outcome]),
    [
      [standaloneTestId('http://a/'), 'http://a/', 'lighthouse', 'expected'],
      [standaloneTestId('http://b/'), 'http://b/', 'lighthouse', 'unexpected'],
    ],
  );
  assert.equal(run.tests[0].results[0].perf?.lighthouse?.[0].runs, 3);
  assert.deepEqual(
    run.tests[0].results[0].attachments.map((x) => x.path),
    ['/o/a.html', '/o/a.json'],
  );
  assert.deepEqual(run.tests[1].results[0].errors, [{ message: 'run 1: boom' }]);
  assert.equal(run.tests[1].results[0].perf, undefined);
  // The ordinary analysis reads it like a Playwright run.
  const a = analyzeRun(run);
  assert.equal(a.summary.tests, 2);
  assert.equal(a.lighthouse?.results.length, 1);
});

test('urlSlug: file-name safe, bounded', () => {
  assert.equal(urlSlug('http://127.0.0.1:3000/account?x=1'), '127-0-0-1-3000-account-x-1');
  assert.equal(urlSlug('https://'), 'page');
  assert.ok(urlSlug('http://x/' + 'a'.repeat(200)).length <= 60);
});

test('storage state: parsed and checked; Playwright cookies → CDP cookies (session cookies stay session)', () => {
  assert.throws(() => parseStorageState('{', 'a.json'), /a\.json is not valid JSON/);
  assert.throws(() => parseStorageState('{"cookies":1}', 'a.json'), /a\.json is not a Playwright storage state/);
  assert.throws(
    () => parseStorageState('{"cookies":[{"name":1}]}', 'a.json'),
    /every cookie needs a string name and value/,
  );
  const s = parseStorageState(
    '{"cookies":[{"name":"sid","value":"x","domain":"h","path":"/","expires":-1,"httpOnly":true,"secure":false,"sameSite":"Lax"}]}',
    'a.json',
  );
  assert.deepEqual(s.origins, []);
  assert.ok(hasStorage(s));
  assert.ok(!hasStorage({ cookies: [], origins: [{ origin: 'http://h', localStorage: [] }] }));
  assert.deepEqual(toCdpCookie(s.cookies[0]), {
    name: 'sid',
    value: 'x',
    domain: 'h',
    path: '/',
    secure: false,
    httpOnly: true,
    sameSite: 'Lax',
  });
  assert.equal(toCdpCookie({ ...s.cookies[0], expires: 1_900_000_000 }).expires, 1_900_000_000);
});
