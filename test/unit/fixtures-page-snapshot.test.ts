// In-page snapshots → metrics and Missing reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSnapshot,
  snapshotsToFindings,
  urlForReport,
  type PageSnapshot,
} from '../../src/collectors/page-snapshot';

const ALL = { navigation: true, webVitals: true, longTasks: true, userTimings: true };

function snap(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    v: 1,
    id: 'd1',
    url: 'http://h/p',
    timeOrigin: 1000,
    final: true,
    nav: {
      type: 'navigate',
      redirectMs: 0,
      dnsMs: 0,
      connectMs: 1,
      tlsMs: 0,
      ttfbMs: 300.123,
      responseMs: 2,
      domInteractiveMs: 320,
      domContentLoadedMs: 330,
      loadMs: 400,
      durationMs: 400,
      transferBytes: 900,
      encodedBodyBytes: 600,
      decodedBodyBytes: 600,
      httpStatus: 200,
    },
    vitals: {
      TTFB: { name: 'TTFB', value: 305, rating: 'good', time: 1305 },
      FCP: { name: 'FCP', value: 350, rating: 'good', time: 1350 },
      LCP: { name: 'LCP', value: 350, rating: 'good', time: 1350, attribution: 'h1#t' },
      CLS: { name: 'CLS', value: 0.105468751, rating: 'needs-improvement', time: 1900 },
    },
    longTasks: { count: 1, totalMs: 120, maxMs: 120, tbtMs: 70 },
    measures: [{ name: 'hydrate', startTime: 1100, durationMs: 50 }],
    resources: {
      count: 1,
      transferBytes: 300,
      byType: { script: { count: 1, transferBytes: 300, durationMs: 150.456 } },
    },
    errors: [],
    selfMs: 1.234,
    ...over,
  };
}

test('a complete document becomes navigation, vitals, long tasks and measures', () => {
  const f = snapshotsToFindings([snap()], [{ url: 'http://h/p?q=1', time: 1340 }], ALL);
  assert.equal(f.navigations.length, 1);
  assert.equal(f.navigations[0].ttfbMs, 300.12);
  assert.equal(f.navigations[0].startTime, 1000);
  assert.equal(f.navigations[0].resources.byType.script.durationMs, 150.46);
  assert.deepEqual(
    f.vitals.map((v) => v.name),
    ['TTFB', 'FCP', 'LCP', 'CLS'],
  );
  assert.equal(f.vitals.find((v) => v.name === 'CLS')?.value, 0.10547);
  assert.deepEqual(f.longTasks, [{ url: 'http://h/p', count: 1, totalMs: 120, maxMs: 120, totalBlockingTimeMs: 70 }]);
  assert.deepEqual(f.userTimings, [
    { name: 'hydrate', type: 'measure', source: 'page', startTime: 1100, durationMs: 50, url: 'http://h/p' },
  ]);
  assert.deepEqual(f.missing, []);
  assert.equal(f.pageSelfMs, 1.23);
});

test('missing vitals get a reason that says why', () => {
  const f = snapshotsToFindings([snap({ vitals: {}, final: false, nav: null })], [], ALL);
  assert.deepEqual(
    f.missing.map((m) => m.metric),
    ['navigation', 'TTFB', 'FCP', 'LCP', 'CLS'],
  );
  assert.match(f.missing[1].reason, /closed or navigated away before the final flush/);
  const closed = snapshotsToFindings([snap({ vitals: {} })], [], ALL, new Set(['d1']));
  assert.match(closed.missing[0].reason, /closed by the test/);
  const painted = snapshotsToFindings([snap({ vitals: {} })], [], ALL);
  assert.match(painted.missing[0].reason, /not reported by web-vitals/);
});

test('a document without any snapshot: the collector never ran', () => {
  const f = snapshotsToFindings(
    [],
    [
      { url: 'http://h/x', time: 5 },
      { url: 'about:blank', time: 6 },
    ],
    ALL,
  );
  assert.deepEqual(
    f.missing.map((m) => [m.metric, m.url]),
    [['page', 'http://h/x']],
  );
});

test('switched-off collectors produce nothing', () => {
  const f = snapshotsToFindings([snap()], [], {
    navigation: false,
    webVitals: false,
    longTasks: false,
    userTimings: false,
  });
  assert.deepEqual(f, {
    navigations: [],
    vitals: [],
    longTasks: [],
    userTimings: [],
    routes: [],
    missing: [],
    errors: [],
    pageSelfMs: 1.23,
  });
});

test('urls lose query and fragment; malformed snapshots are ignored', () => {
  assert.equal(urlForReport('https://a.b/c/d?token=x#y'), 'https://a.b/c/d');
  assert.equal(urlForReport('file:///tmp/x.html?q=1'), 'file:///tmp/x.html');
  // Opaque origins print as "null"; the scheme is kept and a long document is cut.
  assert.equal(urlForReport('data:text/html,<p>a</p>'), 'data:text/html,<p>a</p>');
  assert.equal(urlForReport('data:text/html,' + 'x'.repeat(200)).length, 'data:'.length + 60);
  assert.equal(parseSnapshot('{'), null);
  assert.equal(parseSnapshot('{"id":1}'), null);
  assert.equal(parseSnapshot(JSON.stringify(snap()))?.id, 'd1');
});
