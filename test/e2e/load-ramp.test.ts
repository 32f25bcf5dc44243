// A ramping-vus run (1 → 4 → 0 VUs) against the queue server: VUs over time follow the stages,
// ramped-down VUs finish their iteration (graceful ramp-down: nothing interrupted), and the
// scalability analysis sees every load level.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startQueueServer, type QueueServer } from '../helpers/queue-server';
import { REPO_ROOT } from '../helpers/inline-project';
import { runLoadTest } from '../../src/load/coordinator';
import { StopSignal } from '../../src/load/stop-signal';

let server: QueueServer;
before(async () => {
  server = await startQueueServer(30);
});
after(() => server.close());

test('ramping VUs follow the stages, ramp down gracefully and give a scalability curve', async () => {
  Object.assign(process.env, {
    LOAD_TARGET: server.url,
    LOAD_SHAPE: 'ramp',
    LOAD_CONTEXT: 'vu',
    LOAD_WORKERS: '1',
    LOAD_TRUST_ALL: '1',
  });
  const r = await runLoadTest({ file: 'test/fixtures/load/queue.load.ts', cwd: REPO_ROOT, stop: new StopSignal() });
  assert.equal(r.totals.failed, 0, JSON.stringify(r.raw.errorSamples));
  assert.equal(r.totals.interrupted, 0, 'ramped-down VUs finished their iterations');
  const vus = r.raw.windows.map((w) => w.activeVUs);
  // Window 1 lies inside the 1-VU stage, windows 3 and 4 inside the 4-VU hold (time-averaged VUs).
  // A VU counts once its browser context is up: on a busy machine the ramp's last VUs start late, so
  // window 3 may average a little under 4 (never over); by window 4 all four are running.
  assert.ok(Math.abs(vus[1] - 1) < 0.05, `window 1: ${vus[1]} VUs`);
  assert.ok(vus[3] >= 3.5 && vus[3] <= 4.05, `window 3: ${vus[3]} VUs`);
  assert.ok(Math.abs(vus[4] - 4) < 0.1, `window 4: ${vus[4]} VUs`);
  assert.ok(
    r.raw.windows.slice(5).every((w) => w.activeVUs < 4),
    'ramped down',
  );
  delete process.env.LOAD_TRUST_ALL;
  const levels = r.scalability.points.map((p) => p.vus);
  assert.ok(levels.includes(1) && levels.includes(4), `levels ${levels}`);
});
