// perf.flow outside a Playwright test (no test.step): timing, nesting, failure + rethrow, handles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFlowApi } from '../../src/fixtures/flow';
import { PerfCollector } from '../../src/fixtures/perf-collector';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('times a flow and returns its value', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  const v = await flow('login', async () => {
    await sleep(60);
    return 7;
  });
  assert.equal(v, 7);
  const [r] = c.data.flows!;
  assert.equal(r.name, 'login');
  assert.equal(r.ok, true);
  assert.deepEqual(r.parents, []);
  assert.ok(r.durationMs >= 55 && r.durationMs < 1_000, `duration ${r.durationMs}`);
});

test('nested flows record their parents, also across parallel branches', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  await flow('checkout', async () => {
    await Promise.all([
      flow('sign', async () => {
        await sleep(5);
        await flow('draw', () => sleep(5));
      }),
      flow('pay', () => sleep(8)),
    ]);
  });
  const byName = Object.fromEntries(c.data.flows!.map((f) => [f.name, f.parents]));
  assert.deepEqual(byName, { draw: ['checkout', 'sign'], sign: ['checkout'], pay: ['checkout'], checkout: [] });
  assert.deepEqual(flow.results.map((f) => f.name).sort(), ['checkout', 'draw', 'pay', 'sign']);
  assert.equal(flow.results.at(-1)!.name, 'checkout', 'the outer flow ends last');
});

test('a throwing flow is recorded failed with its duration and the same error is rethrown', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  const boom = new Error('payment declined');
  await assert.rejects(
    flow('pay', async () => {
      await sleep(30);
      throw boom;
    }),
    (e) => e === boom,
  );
  const [r] = c.data.flows!;
  assert.equal(r.ok, false);
  assert.equal(r.error, 'payment declined');
  assert.ok(r.durationMs >= 25, `duration ${r.durationMs}`);
});

test('synchronous throws are recorded too', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  await assert.rejects(
    flow('x', () => {
      throw new TypeError('bad');
    }),
    TypeError,
  );
  assert.equal(c.data.flows![0].ok, false);
});

test('start/end handle form; end is idempotent; fail records the error', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  const h = flow.start('upload', { preset: 'custom', details: { bytes: 10 } });
  await sleep(20);
  const r1 = h.end({ pages: 2 });
  const r2 = h.end();
  assert.equal(r1, r2);
  assert.deepEqual(r1.details, { bytes: 10, pages: 2 });
  assert.equal(r1.preset, 'custom');
  const f = flow.start('render').fail(new Error('no pages'));
  assert.equal(f.ok, false);
  assert.equal(c.data.flows!.length, 2);
});

test('record() stores a measured flow under the current parents', async () => {
  const c = new PerfCollector();
  const flow = createFlowApi(c);
  await flow('outer', async () => {
    flow.record({ name: 'hebrew rendering', preset: 'hebrewRendering', startTime: 5, durationMs: 12.5, ok: true });
  });
  assert.deepEqual(c.data.flows![0].parents, ['outer']);
  assert.equal(c.data.flows![0].durationMs, 12.5);
});

test('empty names are a clear error', async () => {
  const flow = createFlowApi(new PerfCollector());
  await assert.rejects(
    flow('', async () => 1),
    /non-empty string/,
  );
  assert.throws(() => flow.start('  '), /non-empty string/);
});
