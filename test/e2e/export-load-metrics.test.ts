// The live /metrics endpoint of a running load test, scraped by a real Prometheus every second:
// VUs are seen while it runs, and the last scrape's counters and histogram counts equal load.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_MAIN, REPO_ROOT } from '../helpers/inline-project';
import { startQueueServer, type QueueServer } from '../helpers/queue-server';
import { freePort, promtoolCheck, startPromStack, type PromStack } from '../helpers/prometheus-servers';
import { mergeSketches } from '../../src/load/sketch';
import { countAtMost } from '../../src/export/load-metrics';
import type { LoadReport } from '../../src/types';

let server: QueueServer;
let stack: PromStack;
let port: number;
const out = mkdtempSync(join(tmpdir(), 'pwperf-load-metrics-'));

before(async () => {
  server = await startQueueServer(40);
  port = await freePort();
  stack = await startPromStack([`127.0.0.1:${port}`]);
});
after(async () => {
  await stack?.stop();
  server?.close();
  rmSync(out, { recursive: true, force: true });
});

const sum = (r: Array<{ value: number }>) => r.reduce((s, x) => s + x.value, 0);

test('a running load test is scraped live; its final counters match the load report', async () => {
  const child = spawn(
    process.execPath,
    [
      CLI_MAIN,
      'load',
      'test/fixtures/load/queue.load.ts',
      '--metrics-port',
      String(port),
      '--metrics-linger',
      '4',
      '--out',
      out,
      '--no-history',
      '--quiet',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LOAD_TARGET: server.url,
        LOAD_SHAPE: 'closed',
        LOAD_VUS: '2',
        LOAD_DURATION: '5s',
        LOAD_CONTEXT: 'vu',
        LOAD_WORKERS: '1',
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((r) => child.on('close', r));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  // While it runs: Prometheus sees the VUs and iterations climbing.
  const vus = await stack.waitFor('playwright_perf_load_vus{job="playwright-perf"}', (r) => r[0]?.value > 0, 60_000);
  assert.ok(vus[0].value > 0 && vus[0].value <= 2.01, `VUs ${vus[0].value}`);
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const lint = promtoolCheck(text);
  assert.ok(lint.ok && lint.output === '', lint.output);
  const code = await exited;
  clearTimeout(killer);
  assert.equal(code, 0, stderr);
  assert.match(stderr, new RegExp(`live metrics: http://127\\.0\\.0\\.1:${port}/metrics`));
  const report: LoadReport = JSON.parse(readFileSync(join(out, 'load.json'), 'utf8'));
  assert.ok(report.totals.iterations > 0);
  // The linger kept the final snapshot up for several scrapes. The endpoint is gone now, so the
  // series are marked stale: read the highest value of the last minutes (counters only grow).
  const last = (sel: string) => `max_over_time(${sel}[5m])`;
  const iterations = await stack.query(`sum(${last('playwright_perf_load_iterations_total{job="playwright-perf"}')})`);
  assert.equal(iterations[0].value, report.totals.iterations);
  const flows = await stack.query(last('playwright_perf_load_flows_total{job="playwright-perf"}'));
  assert.equal(flows[0].value, report.totals.flows);
  const failed = await stack.query(
    `sum(${last('playwright_perf_load_failed_iterations_total{job="playwright-perf"}')})`,
  );
  assert.equal(failed[0].value, report.totals.failed);
  const parts = report.raw.windows.map((w) => w.sketches['flow.work']).filter(Boolean);
  const sketch = mergeSketches(parts, report.raw.relativeAccuracy);
  const count = await stack.query(
    last('playwright_perf_load_latency_seconds_count{job="playwright-perf",metric="flow.work"}'),
  );
  assert.equal(count[0].value, sketch.count);
  // Known truth: every flow waits for the 40 ms service time, so no flow is at or below 25 ms.
  const le = await stack.query(
    last('playwright_perf_load_latency_seconds_bucket{job="playwright-perf",metric="flow.work",le="0.025"}'),
  );
  assert.equal(le[0].value, 0);
  assert.equal(countAtMost(sketch, 25), 0);
  assert.equal(
    sum(
      await stack.query(
        last('playwright_perf_load_latency_seconds_bucket{job="playwright-perf",metric="flow.work",le="+Inf"}'),
      ),
    ),
    sketch.count,
  );
});

test('bad --metrics-port / --metrics-linger values are usage errors before anything starts', async () => {
  for (const args of [
    ['--metrics-port', 'x'],
    ['--metrics-port', '70000'],
    ['--metrics-linger', '3'],
  ]) {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [CLI_MAIN, 'load', 'test/fixtures/load/queue.load.ts', ...args], {
        cwd: REPO_ROOT,
      });
      let stderr = '';
      c.stderr.on('data', (d) => {
        stderr += d;
      });
      c.on('close', (code) => resolve({ code, stderr }));
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--metrics-(port|linger)/);
  }
});
