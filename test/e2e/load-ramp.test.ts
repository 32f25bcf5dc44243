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
  // Ramp-down (5–6 s) only takes VUs away, each after its current iteration (graceful: how long that
  // takes depends on the machine), and none is left once the grace of 2 s after the last stage is over.
  const shown = vus.map((v) => v.toFixed(2)).join(' ');
  const down = vus.slice(4);
  assert.ok(
    down.every((v, i) => i === 0 || v <= down[i - 1] + 0.05),
    `ramp-down never adds VUs: ${shown}`,
  );
  assert.ok(
    vus.slice(9).every((v) => v === 0),
    `no VU after 6 s + 2 s grace: ${shown}`,
  );
  // VU k (3, 2, 1) is asked to stop (5 + (4 − k) / 4) s in and stops within one iteration (the longest
  // measured), a ramp tick and the event-loop delay the generator measured (its p99 over the test);
  // VU 0 runs to the end of the window.
  const lagMs = r.generator.maxEventLoopP99Ms;
  const tailMs = r.metrics.iteration.max + 50 + lagMs;
  const bound = 1 + [1, 2, 3].reduce((sum, k) => sum + Math.min(1, (250 * k + tailMs) / 1000), 0);
  assert.ok(
    vus[5] <= bound + 0.02,
    `window 5: ${vus[5]} VUs > ${bound} (longest iteration ${r.metrics.iteration.max} ms, loop delay ${lagMs} ms)`,
  );
  delete process.env.LOAD_TRUST_ALL;
  const levels = r.scalability.points.map((p) => p.vus);
  assert.ok(levels.includes(1) && levels.includes(4), `levels ${levels}`);
});
