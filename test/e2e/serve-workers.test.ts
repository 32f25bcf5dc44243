// `serve --workers 2` as a user starts it: two server processes behind one port, both answering;
// a worker that dies is replaced while the other keeps answering; writes through one are seen by
// the other; Ctrl-C stops every process with exit code 0. Loopback only, a bounded number of calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer } from 'node:net';
import { buildServeHistory } from '../helpers/serve-history';
import { startServeProcess } from '../helpers/serve-process';

const TOKEN = 'workers-test-token-0123456789';
const SETTLE_MS = 15_000;
/** Every call is bounded: a connection lost with a dead worker must fail the test, not hang it. */
const CALL_TIMEOUT_MS = 10_000;

/** Child processes of `pid` (Linux /proc). */
function children(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('serve --workers 2: both processes answer, a dead one is replaced, Ctrl-C stops all', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-serve-workers-'));
  try {
    const h = await buildServeHistory(dir, 8);
    const server = await startServeProcess(['--history', h.file, '--workers', '2'], { PLAYWRIGHT_PERF_TOKEN: TOKEN });
    const pid = server.child.pid!;
    try {
      assert.match(server.output(), /2 server processes listening/);
      assert.equal((server.output().match(/worker \d: history: 8 run\(s\) loaded/g) ?? []).length, 2);
      const workers = children(pid);
      assert.equal(workers.length, 2, `workers: ${workers}`);
      const api = (p: string, init?: RequestInit) =>
        fetch(new URL(`api/v1/${p}`, server.url), { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      // Connections are handed out in turn: 20 fresh connections reach both workers, and every answer is whole.
      for (let i = 0; i < 20; i++) {
        const res = await api('runs?limit=5', { headers: { connection: 'close' } });
        assert.equal(res.status, 200);
        assert.equal(((await res.json()) as { total: number }).total, 8);
      }
      // A write through one worker is seen through every worker once it re-reads the file.
      const alerts = (await (await api('alerts')).json()) as { items: Array<{ id: string; status: string }> };
      const open = alerts.items.find((a) => a.status === 'open');
      assert.ok(open, 'the history has an open alert');
      const ack = await api(`alerts/${encodeURIComponent(open.id)}/acknowledge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', connection: 'close' },
        body: '{}',
      });
      assert.equal(ack.status, 200, await ack.text());
      await until('both workers to show the acknowledgement', async () => {
        for (let i = 0; i < 6; i++) {
          const res = await api('alerts', { headers: { connection: 'close' } });
          const body = (await res.json()) as { items: Array<{ id: string; status: string }> };
          if (body.items.find((a) => a.id === open.id)?.status !== 'acknowledged') return undefined;
        }
        return true;
      });
      // A worker killed outright: once the primary has seen it go, the other one answers every
      // request while a new one takes its place. (A connection the primary handed to it just before
      // it died is held by node:cluster for a worker that never answers: that client waits for its
      // own timeout. docs/api.md says so.)
      process.kill(workers[0], 'SIGKILL');
      await until('the primary to notice', () =>
        /warning: server process \d exited \(signal SIGKILL\); starting a new one/.test(server.output())
          ? true
          : undefined,
      );
      for (let i = 0; i < 6; i++) assert.equal((await api('health', { headers: { connection: 'close' } })).status, 200);
      const replaced = await until('a replacement worker', () => {
        const now = children(pid);
        return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
      });
      await until('the replacement to load the history', () => {
        const m = /warning: server process (\d) exited \(signal SIGKILL\); starting a new one\n([\s\S]*)/.exec(
          server.output(),
        );
        return m && new RegExp(`worker ${m[1]}: history: 8 run\\(s\\) loaded`).test(m[2]) ? true : undefined;
      });
      for (let i = 0; i < 6; i++) assert.equal((await api('health', { headers: { connection: 'close' } })).status, 200);
      const { code, output } = await server.stop('SIGINT');
      assert.equal(code, 0, output);
      assert.match(output, /SIGINT: stopping[\s\S]*stopped/);
      for (const w of replaced) assert.throws(() => process.kill(w, 0), 'every worker has exited');
    } finally {
      server.child.kill('SIGKILL');
      for (const w of (() => {
        try {
          return children(pid);
        } catch {
          return [];
        }
      })()) {
        try {
          process.kill(w, 'SIGKILL');
        } catch {}
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --workers: a bad count is a usage error before anything starts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-serve-workers-'));
  try {
    await assert.rejects(
      startServeProcess(['--history', join(dir, 'h.json'), '--workers', '0']),
      /--workers must be an integer from 1 to 16, got "0"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --workers 2 on a port in use: the reason, exit code 1, no process left behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-serve-workers-'));
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  const port = (taken.address() as AddressInfo).port;
  try {
    const started = Date.now();
    await assert.rejects(
      startServeProcess(['--history', join(dir, 'h.json'), '--workers', '2', '--port', String(port)]),
      (e: Error) =>
        /serve exited with 1 before listening/.test(e.message) &&
        new RegExp(`EADDRINUSE 127\\.0\\.0\\.1:${port}`).test(e.message) &&
        /server process \d exited \(code 1\) before it was listening/.test(e.message),
    );
    assert.ok(Date.now() - started < SETTLE_MS, 'it gives up at once, not after a timeout');
  } finally {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
