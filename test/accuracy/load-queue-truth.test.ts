// Load measurements against a server whose behaviour under load is known: one FIFO worker with a
// fixed service time S (test/helpers/queue-server.ts). Truths: throughput = min(offered rate, 1/S);
// no request is served faster than S; at low load (deterministic arrivals, no queue) the latency is
// S plus the page's own time, measured alone against an endpoint with no service time (in the same
// run, so both see the same machine).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startQueueServer, type QueueServer } from '../helpers/queue-server';
import { runLoadTest } from '../../src/load/coordinator';
import { StopSignal } from '../../src/load/stop-signal';
import type { LoadReport } from '../../src/types/load';

const ROOT = join(__dirname, '..', '..');
const FILE = join('test', 'fixtures', 'load', 'queue.load.ts');

async function run(server: QueueServer, env: Record<string, string>): Promise<LoadReport> {
  Object.assign(process.env, { LOAD_TARGET: server.url, LOAD_WORKERS: '1', LOAD_CONTEXT: 'vu', ...env });
  return runLoadTest({ file: FILE, cwd: ROOT, stop: new StopSignal() });
}

/** For failure messages: a saturated generator explains inflated timings. */
function generatorNote(r: LoadReport): string {
  const cpu = r.raw.windows.map((w) => w.generator?.cpu ?? 0);
  return (
    ` [generator: machine CPU ${cpu.map((c) => Math.round(c * 100)).join('/')} % per window, ` +
    `event-loop p99 max ${r.generator.maxEventLoopP99Ms} ms]`
  );
}

/** Iterations per second over the full windows between the first and the last (ramp-up/drain excluded). */
function steadyThroughput(r: LoadReport): number {
  const ws = [...r.raw.windows].sort((a, b) => a.index - b.index).slice(1, -1);
  return ws.reduce((n, w) => n + w.iterations, 0) / ((ws.length * r.raw.windowMs) / 1000);
}

let fast: QueueServer;
let slow: QueueServer;
before(async () => {
  fast = await startQueueServer(50);
  slow = await startQueueServer(200);
});
after(async () => {
  await fast.close();
  await slow.close();
});

test('open model under capacity: throughput = offered rate, latency = S + page time alone', async () => {
  // The page alone (an endpoint with no service time) runs as a second scenario in the same test.
  const open = await run(fast, { LOAD_SHAPE: 'open', LOAD_RATE: '4', LOAD_DURATION: '5s' });
  assert.equal(open.totals.dropped, 0);
  assert.equal(open.totals.failed, 0);
  const tp = steadyThroughput(open) - 2;
  assert.ok(Math.abs(tp - 4) / 4 <= 0.1, `throughput ${tp}/s vs offered 4/s${generatorNote(open)}`);
  const work = open.metrics['flow.work'];
  const own = open.metrics['flow.alone'].p50;
  assert.ok(work.min >= 50, `no request faster than S: min ${work.min} ms`);
  const expected = 50 + own;
  const tolerance = Math.max(0.05 * expected, 15);
  assert.ok(
    Math.abs(work.p50 - expected) <= tolerance,
    `p50 ${work.p50} ms vs S + page alone = 50 + ${own} = ${expected} ms (± ${tolerance})${generatorNote(open)}`,
  );
});

test('closed model over capacity: throughput = 1/S and latency grows with the queue', async () => {
  const closed = await run(slow, { LOAD_SHAPE: 'closed', LOAD_VUS: '10', LOAD_DURATION: '5s' });
  const capacity = 1000 / 200;
  const tp = steadyThroughput(closed);
  assert.ok(
    Math.abs(tp - capacity) / capacity <= 0.1,
    `throughput ${tp}/s vs 1/S = ${capacity.toFixed(2)}/s${generatorNote(closed)}`,
  );
  const work = closed.metrics['flow.work'];
  assert.ok(work.min >= 200, `latency never below S: min ${work.min} ms`);
  // With 10 VUs queued on one worker, a request waits behind others: p50 well above S.
  assert.ok(work.p50 > 2 * 200, `p50 ${work.p50} ms should include queueing (S = 200 ms)`);
  assert.ok(
    slow.served.every((s) => s.endedAt - s.startedAt >= 199),
    'the server kept its service time',
  );
});
