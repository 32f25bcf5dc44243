// A fleet of runners on one Postgres history: 8 writer processes × 25 runs, plus shared runs whose
// shards arrive in any order and twice — every run part is stored exactly once and sealed once.
// And a real Playwright run whose database is down: reports written, the error printed once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { startPostgres, type PgServer } from '../helpers/postgres-server';
import { createProject, countMatches, REPO_ROOT, runCli, type InlineProject } from '../helpers/inline-project';
import { compact, compactTest } from '../helpers/history-factories';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openHistoryStore } from '../../src/store/history-store';

let pg: PgServer;
before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
});

const WRITERS = 8,
  PER_WRITER = 25,
  SHARED = 5,
  SHARDS = 3;

function writer(url: string, w: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'test/helpers/pg-writer.ts'),
        url,
        String(w),
        String(WRITERS),
        String(PER_WRITER),
        String(SHARED),
        String(SHARDS),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test(`${WRITERS} writer processes × ${PER_WRITER} runs and duplicated shards: every part exactly once`, async () => {
  const url = await pg.createDatabase();
  const results = await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(url, w)));
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const store = openHistoryStore(url);
  const data = await store.read();
  await store.close?.();
  const keys = data.runs.map((r) => `${r.runId}#${r.shard ?? ''}`);
  assert.equal(new Set(keys).size, keys.length, 'no duplicates');
  assert.equal(keys.length, WRITERS * PER_WRITER + SHARED * SHARDS);
  for (let k = 0; k < SHARED; k++) {
    assert.deepEqual(
      data.runs
        .filter((r) => r.runId === `ci-${k}`)
        .map((r) => r.shard)
        .sort(),
      ['1/3', '2/3', '3/3'],
    );
  }
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const sealed = await c.query(`SELECT count(*)::int AS n FROM playwright_perf.runs WHERE sealed_at IS NOT NULL`);
    assert.equal(sealed.rows[0].n, WRITERS * PER_WRITER + SHARED, 'every run sealed once its parts are in');
    const tests = await c.query(`SELECT count(*)::int AS n FROM playwright_perf.tests`);
    assert.equal(tests.rows[0].n, WRITERS * PER_WRITER + SHARED * SHARDS);
  } finally {
    await c.end();
  }
});

let p: InlineProject;
after(() => p?.cleanup());

test('a real run writes to Postgres; with the database down the reports are still written and the error printed once', async () => {
  const url = await pg.createDatabase();
  const config = (history: object) => `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: './tests', reporter: [['playwright-perf', ${JSON.stringify({ html: false, history })}]] });
`;
  p = createProject('pg-history', {
    'playwright.config.ts': config({ url }),
    'down.config.ts': config({ url: 'postgres://perf:hunter2@127.0.0.1:9/history' }),
    'off.config.ts': config(false as unknown as object),
    'tests/a.spec.ts': `import { test, expect } from '@playwright/test';
test('passes', async () => { expect(1).toBe(1); });
test('fails', async () => { expect(1).toBe(2); });
`,
  });
  const up = await p.run();
  assert.equal(up.exitCode, 1);
  assert.doesNotMatch(up.stderr, /warning/, up.stderr);
  const stored = openHistoryStore(url);
  const data = await stored.read();
  await stored.close?.();
  assert.equal(data.runs.length, 1);
  assert.equal(data.runs[0].runId, p.readRun().runId);
  const off = await p.run(['--config', 'off.config.ts']);
  const down = await p.run(['--config', 'down.config.ts']);
  assert.equal(down.exitCode, off.exitCode);
  assert.equal(countMatches(down.stderr, /\[playwright-perf\] warning \(store\.history\)/), 1, down.stderr);
  assert.match(down.stderr, /history database postgres:\/\/perf:\*\*\*@127\.0\.0\.1:9\/history/);
  assert.doesNotMatch(down.stderr + down.stdout, /hunter2/);
  const report = p.readReport();
  assert.equal(report.run.tests.length, 2, 'report.json written');
  assert.equal(report.run.errors.filter((e) => e.where === 'store.history').length, 1);
});

test('CLI: history import copies a JSON history into Postgres, export copies it back unchanged', async () => {
  const url = await pg.createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'pwperf-cli-pg-'));
  try {
    const file = join(dir, 'history.json');
    const json = openHistoryStore(file);
    const runs = Array.from({ length: 12 }, (_, i) => compact(i, [compactTest('c.spec.ts › t', [100 + i])]));
    await json.update((d) => {
      d.runs.push(...runs);
      d.pins.release = [runs[3].runId];
      d.alerts.push({
        id: 'a1',
        runId: runs[5].runId,
        time: 1,
        kind: 'regression',
        severity: 'error',
        metric: 'test.duration',
        subject: 'x',
        message: 'm',
      });
    });
    const imported = await runCli(['history', 'import', file, '--db', url], dir);
    assert.equal(imported.exitCode, 0, imported.stderr);
    assert.match(
      imported.stdout,
      /imported 12 run\(s\) into postgres:\/\/postgres@127\.0\.0\.1:\d+\/\w+ \(0 already there\), 1 alert\(s\), 1 pin\(s\)/,
    );
    const again = await runCli(['history', 'import', file, '--db', url], dir);
    assert.match(again.stdout, /imported 0 run\(s\) .* \(12 already there\)/);
    const listed = await runCli(['history', 'list', '--db', url, '--json', '--limit', '100'], dir);
    assert.equal(JSON.parse(listed.stdout).length, 12);
    const exported = await runCli(['history', 'export', '--db', url, '--out', join(dir, 'back.json')], dir);
    assert.equal(exported.exitCode, 0, exported.stderr);
    const back = await openHistoryStore(join(dir, 'back.json')).read();
    assert.deepEqual(back, await json.read());
    const bad = await runCli(['history', 'list', '--db', 'mysql://x'], dir);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /--db must be a postgres:\/\/ or postgresql:\/\/ URL/);
    const down = await runCli(['history', 'list', '--db', 'postgres://u:pw@127.0.0.1:9/x'], dir);
    assert.equal(down.exitCode, 1);
    assert.match(down.stderr, /history database postgres:\/\/u:\*\*\*@127\.0\.0\.1:9\/x: read failed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
