// `playwright-perf lighthouse <urls>` end to end: real Chromium, real Lighthouse, N runs + median,
// a budget breach on a page with a known 800 ms main-thread block → exit 1 and a readable message;
// the output is a run record the rest of the tool reads. Bad flags → exit 2 without auditing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../helpers/inline-project';
import { startLoginServer, HEAVY_BLOCK_MS } from '../helpers/login-server';
import type { RunRecord, JsonReport } from '../../src/types';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'lighthouse', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('lighthouse CLI: bad arguments exit 2 with the reason, before any audit', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'pwperf-lhcli-'));
  try {
    const unknown = await cli(['http://127.0.0.1:1/', '--bogus'], cwd);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--bogus'/);
    const noUrl = await cli([], cwd);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /give at least one URL/);
    const badKey = await cli(['http://127.0.0.1:1/', '--threshold', 'speed=3'], cwd);
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /unknown --threshold key "speed"/);
    writeFileSync(join(cwd, 'bad-state.json'), '{"cookies": "nope"}');
    const badState = await cli(['http://127.0.0.1:1/', '--storage-state', 'bad-state.json'], cwd);
    assert.equal(badState.code, 2);
    assert.match(badState.stderr, /bad-state\.json is not a Playwright storage state/);
    rmSync(join(cwd, 'bad-state.json'));
    const badFf = await cli(['http://127.0.0.1:1/', '--form-factor', 'tablet'], cwd);
    assert.equal(badFf.code, 2);
    assert.match(badFf.stderr, /--form-factor must be one of "mobile", "desktop", got "tablet"/);
    assert.deepEqual(readdirSync(cwd), []); // nothing written
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('lighthouse CLI: logged in via --storage-state, 2 runs, median run, TBT budget breach → exit 1, run record + reports', {
  timeout: 240_000,
}, async () => {
  const server = await startLoginServer();
  const cwd = mkdtempSync(join(tmpdir(), 'pwperf-lhcli-'));
  try {
    // A Playwright storage state file holding a real session of the app.
    const login = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: 'user=cli',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    const sid = /sid=([a-f0-9]+)/.exec(login.headers.get('set-cookie') ?? '')![1];
    writeFileSync(
      join(cwd, 'state.json'),
      JSON.stringify({
        cookies: [
          {
            name: 'sid',
            value: sid,
            domain: '127.0.0.1',
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: 'Lax',
          },
        ],
        origins: [],
      }),
    );
    const url = `${server.url}/heavy`;
    const out = await cli(
      [
        url,
        '--runs',
        '2',
        '--throttling',
        'provided',
        '--form-factor',
        'desktop',
        '--storage-state',
        'state.json',
        '--threshold',
        'tbtMs=200',
        '--threshold',
        'performance=1',
        '--out',
        'lh',
      ],
      cwd,
    );
    const log = out.stdout + out.stderr;
    assert.equal(out.code, 1, log);
    assert.match(out.stdout, new RegExp(`✗ ${url.replace(/[.:/]/g, '\\$&')}: performance \\d+ \\(runs: \\d+, \\d+\\)`));
    assert.match(
      out.stdout,
      /Lighthouse budget not met for .*\/heavy \(navigation, desktop\):\n\s+- TBT \d+ ms > 200 ms/,
    );
    assert.match(out.stderr, /run 1\/2…[\s\S]*run 2\/2…/); // progress
    const run = JSON.parse(readFileSync(join(cwd, 'lh', 'run.json'), 'utf8')) as RunRecord;
    assert.equal(run.kind, 'playwright-perf-run');
    assert.equal(run.tests.length, 1);
    const r = run.tests[0].results[0].perf!.lighthouse![0];
    assert.equal(r.runs, 2);
    assert.equal(r.runScores?.length, 2);
    assert.ok((r.metrics.tbtMs ?? 0) >= HEAVY_BLOCK_MS * 0.6, `TBT ${r.metrics.tbtMs}`);
    assert.deepEqual(
      r.thresholds?.map((t) => [t.key, t.ok]),
      [
        ['tbtMs', false],
        ['performance', true],
      ],
    );
    assert.ok(r.artifacts?.html && existsSync(r.artifacts.html));
    assert.equal(readdirSync(join(cwd, 'lh', 'lighthouse')).length, 4); // html + json per run
    const report = JSON.parse(readFileSync(join(cwd, 'lh', 'report.json'), 'utf8')) as JsonReport;
    assert.equal(report.analysis.lighthouse?.results.length, 1);
    assert.ok(existsSync(join(cwd, 'lh', 'index.html')));
    assert.equal(r.finalUrl, undefined); // not redirected to /login
    // Exactly 2 page loads of the audited URL (one per run), both logged in; never sent to /login.
    assert.deepEqual(
      server.hits.filter((h) => h.path === '/heavy').map((h) => h.user),
      ['cli', 'cli'],
    );
    assert.equal(server.hits.filter((h) => h.path === '/login' && h.method === 'GET').length, 0);
    assert.equal(readdirSync(join(cwd, 'lh', 'lighthouse')).length, 4);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    await server.close();
  }
});
