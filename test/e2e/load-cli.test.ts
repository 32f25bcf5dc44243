// `playwright-perf load` end to end with real Chromium against a loopback queue server: bad input
// fails before any browser with the key named; every error kind is an error sample; Ctrl-C writes
// a partial result marked interrupted; two segments — one on a remote browser server with two
// worker processes, one launching its own browser — merge into one exact report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from '@playwright/test';
import { startQueueServer, type QueueServer } from '../helpers/queue-server';
import { REPO_ROOT, CLI_MAIN } from '../helpers/inline-project';
import { chromiumLaunchOptions } from '../../src/browser/resolve-chromium';
import { runLoadTest } from '../../src/load/coordinator';
import { StopSignal } from '../../src/load/stop-signal';
import type { LoadReport } from '../../src/types/load';
import { loadReportValidator } from '../helpers/load-schema';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  env: Record<string, string>,
  onSpawn?: (kill: (s: NodeJS.Signals) => void) => void,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, 'load', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    onSpawn?.((s) => child.kill(s));
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'pw-perf-load-'));
const read = (dir: string): LoadReport => JSON.parse(readFileSync(join(dir, 'load.json'), 'utf8'));
let server: QueueServer;
let browserServer: BrowserServer;

before(async () => {
  server = await startQueueServer(30);
  browserServer = await chromium.launchServer({ ...chromiumLaunchOptions(), host: '127.0.0.1', port: 0 });
});
after(async () => {
  await browserServer.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('--help, bad arguments and an invalid definition fail before any browser starts', async () => {
  const help = await cli(['--help'], {});
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--segment <i\/n>/);
  const bad = join(tmp, 'bad.load.ts');
  writeFileSync(
    bad,
    `export default { scenarios: { s: { executor: 'constant-arrival-rate', rate: -2, duration: '1s',
    preAllocatedVUs: 1, exec: async () => {} } }, thresholds: { errors: ['rate is low'] } };\n`,
  );
  const out = join(tmp, 'bad-out');
  const r = await cli([bad, '--out', out, '--no-history'], {});
  assert.equal(r.code, 2);
  assert.match(r.stderr, /scenarios\.s\.rate must be > 0, got -2/);
  assert.match(r.stderr, /thresholds\["errors"\]\[0\]: "rate is low" does not parse/);
  assert.equal(existsSync(out), false);
  const seg = await cli([bad, '--segment', '3/2'], {});
  assert.equal(seg.code, 2);
  assert.match(seg.stderr, /--segment must be i\/n with 1 <= i <= n/);
});

test('every error kind becomes an error sample; the run goes on and the threshold fails', async () => {
  process.env.LOAD_TARGET = server.url;
  const r = await runLoadTest({ file: 'test/fixtures/load/errors.load.ts', cwd: REPO_ROOT, stop: new StopSignal() });
  assert.equal(r.totals.iterations, 6);
  assert.equal(r.totals.failed, 5);
  assert.deepEqual(r.totals.errors, { other: 1, http: 1, assertion: 1, crash: 1, timeout: 1 });
  assert.equal(r.totals.flows, 6);
  assert.equal(r.status, 'failed');
  assert.match(r.thresholds[0].reason, /errors rate < 0\.01: measured 0\.8333 — fails/);
  assert.ok(r.raw.errorSamples.some((e) => e.kind === 'other' && e.message === 'VU code bug'));
});

test('an abortOnFail threshold stops the test early, marked aborted', async () => {
  const r = await runLoadTest({ file: 'test/fixtures/load/abort.load.ts', cwd: REPO_ROOT, stop: new StopSignal() });
  assert.equal(r.status, 'aborted');
  assert.equal(r.interruptReason, 'abort-on-fail');
  assert.ok(r.raw.durationMs < 30_000, `stopped after ${r.raw.durationMs} ms of a 60 s test`);
  assert.equal(r.thresholds[0].ok, false);
  assert.deepEqual(r.totals.errors, { other: r.totals.iterations });
});

test('Ctrl-C stops gracefully and writes the partial result marked interrupted', async () => {
  const out = join(tmp, 'interrupted');
  const servedBefore = server.served.length;
  const r = await cli(
    ['test/fixtures/load/long.load.ts', '--out', out, '--no-history'],
    { LOAD_TARGET: server.url },
    (kill) => {
      const poll = setInterval(() => {
        if (server.served.length - servedBefore >= 3) {
          clearInterval(poll);
          kill('SIGINT');
        }
      }, 50);
    },
  );
  assert.equal(r.code, 130, r.stderr);
  const report = read(out);
  assert.equal(report.interrupted, true);
  assert.equal(report.status, 'interrupted');
  assert.equal(report.interruptReason, 'sigint');
  assert.ok(report.totals.iterations >= 3, `iterations ${report.totals.iterations}`);
  assert.equal(report.totals.failed, 0);
  assert.ok(report.raw.durationMs < 30_000, 'stopped long before the 60 s duration');
  assert.match(r.stdout, /INTERRUPTED \(partial result\)/);
});

test('two segments (remote browser server + 2 workers, local browser) merge into one exact report', async () => {
  const env = { LOAD_TARGET: server.url };
  const [a, b] = ['seg1', 'seg2'].map((n) => join(tmp, n));
  const servedBefore = server.served.length;
  const [r1, r2] = await Promise.all([
    cli(
      [
        'test/fixtures/load/segments.load.ts',
        '--segment',
        '1/2',
        '--workers',
        '2',
        '--connect',
        browserServer.wsEndpoint(),
        '--out',
        a,
        '--no-history',
        '--quiet',
      ],
      env,
    ),
    cli(['test/fixtures/load/segments.load.ts', '--segment', '2/2', '--out', b, '--no-history', '--quiet'], env),
  ]);
  // Each segment alone fails `iterations: count == 12` (it ran 6); the merge passes it.
  assert.equal(r1.code, 99, r1.stderr);
  assert.equal(r2.code, 99, r2.stderr);
  const s1 = read(a);
  const s2 = read(b);
  assert.deepEqual([s1.totals.iterations, s2.totals.iterations], [6, 6]);
  assert.deepEqual(s1.remoteBrowsers, [browserServer.wsEndpoint()]);
  assert.equal(s1.workers, 2);
  const merged = join(tmp, 'merged');
  const m = await cli(['merge', join(a, 'load.json'), join(b, 'load.json'), '--out', merged, '--no-history'], {});
  assert.equal(m.code, 0, m.stdout + m.stderr);
  const report = read(merged);
  assert.deepEqual(report.segments, ['1/2', '2/2']);
  assert.equal(report.totals.iterations, 12);
  assert.equal(server.served.length - servedBefore, 12);
  // Every sample is in the merged windows (the summaries may leave out windows where the generator was saturated).
  const samples = (r: LoadReport) => r.raw.windows.reduce((n, w) => n + (w.sketches['flow.visit']?.count ?? 0), 0);
  assert.deepEqual([samples(s1), samples(s2), samples(report), report.totals.flows], [6, 6, 12, 12]);
  assert.ok(report.thresholds.every((t) => t.ok));
  const valid = loadReportValidator()(report);
  assert.ok(valid.ok, valid.errors);
  // The load view renders in a browser: verdicts, the charts over time, the metrics table.
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    await page.goto('file://' + join(merged, 'index.html'));
    await page.locator('table.thresholds tbody tr').first().waitFor();
    assert.equal(await page.locator('table.thresholds tbody tr').count(), 2);
    assert.ok((await page.locator('svg[aria-label="vus chart"] .mark').count()) > 0);
    assert.ok((await page.locator('svg[aria-label="latency chart"] .mark').count()) > 0);
    assert.match(await page.locator('table.metrics').innerText(), /flow\.visit/);
    assert.deepEqual(cspErrors, []);
  } finally {
    await browser.close();
  }
});
