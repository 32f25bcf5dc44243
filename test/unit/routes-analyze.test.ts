// Route changes, the pure parts: in-page records → RouteChangeMetric (malformed and still-settling
// records dropped), per-route distributions with step attribution, and the history series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routesFromSnapshot } from '../../src/collectors/route-snapshot';
import { analyzeRoutes } from '../../src/analyze/run/routes';
import { compactRun, routeSubject } from '../../src/analyze/history/compact-run';
import type { RouteChangeMetric } from '../../src/types';
import { at, makeResult, makeRun, makeStep, makeTest } from '../helpers/factories';

function route(overrides: Partial<RouteChangeMetric> = {}): RouteChangeMetric {
  return {
    route: '/documents/:id',
    from: '/',
    url: 'http://localhost:4000/documents/42',
    trigger: 'push',
    cause: 'input',
    startTime: at(100),
    durationMs: 600,
    complete: true,
    endReason: 'quiet',
    cls: 0,
    layoutShifts: 0,
    longTasks: { count: 0, totalMs: 0, maxMs: 0, totalBlockingTimeMs: 0 },
    interactions: 1,
    sources: { detect: 'navigation-api', start: 'input', end: 'frames' },
    ...overrides,
  };
}

test('page records: rounded, long-task names mapped, malformed and unsettled ones dropped', () => {
  const page = {
    ...route({ durationMs: 600.4567 }),
    endReason: 'quiet',
    longTasks: { count: 1, totalMs: 80.123, maxMs: 80.123, tbtMs: 30.123 },
  };
  const out = routesFromSnapshot([page, { ...page, endReason: null }, { route: 5 }, null, { ...page, trigger: 'x' }]);
  assert.equal(out.length, 1);
  assert.equal(out[0].durationMs, 600.46);
  assert.deepEqual(out[0].longTasks, { count: 1, totalMs: 80.12, maxMs: 80.12, totalBlockingTimeMs: 30.12 });
  assert.deepEqual(routesFromSnapshot('nope'), []);
});

test('per route: complete changes only in the distributions; steps from the step tree; slowest first', () => {
  const click = makeStep({ title: 'Click', category: 'pw:api', startTime: at(90), durationMs: 30 });
  const run = makeRun({
    tests: [
      makeTest({
        results: [
          makeResult({
            startTime: at(0),
            durationMs: 5000,
            steps: [click],
            perf: {
              routes: [
                route(),
                route({
                  startTime: at(1000),
                  durationMs: 800,
                  cause: 'call',
                  sources: { detect: 'navigation-api', start: 'call', end: 'frames' },
                }),
                route({ startTime: at(2000), durationMs: 50, complete: false, endReason: 'test-end' }),
                route({ route: '/templates/:id', startTime: at(3000), durationMs: 900, inpMs: 220, cls: 0.05 }),
              ],
            },
          }),
        ],
      }),
    ],
  });
  const a = analyzeRoutes(run)!;
  assert.deepEqual(
    a.perRoute.map((p) => [p.route, p.count, p.incomplete]),
    [
      ['/templates/:id', 1, 0],
      ['/documents/:id', 2, 1],
    ],
  );
  const doc = a.perRoute[1];
  assert.equal(doc.duration.max, 800);
  assert.deepEqual(doc.causes, { input: 2, call: 1 });
  assert.deepEqual(doc.startSources, { input: 2, call: 1 });
  assert.equal(a.perRoute[0].inp?.max, 220);
  assert.equal(doc.inp, undefined);
  assert.deepEqual(
    a.slowest!.map((s) => s.durationMs),
    [900, 800, 600],
  );
  assert.equal(a.slowest!.find((s) => s.durationMs === 600)!.step, 'Click');
  assert.equal(analyzeRoutes(makeRun({ tests: [makeTest()] })), undefined);
  // History: one series per host + pattern, complete changes only.
  const series = compactRun(run).metrics.filter((m) => m.metric === 'route.duration');
  assert.deepEqual(
    series.map((s) => [s.subject, s.values]),
    [
      ['localhost/documents/:id', [600, 800]],
      ['localhost/templates/:id', [900]],
    ],
  );
  assert.equal(routeSubject('not a url', '/x/:id'), '/x/:id');
});
