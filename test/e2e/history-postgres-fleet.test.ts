// A fleet of runners on one Postgres history: 8 writer processes × 25 runs, plus shared runs whose
// shards arrive in any order and twice — every run part is stored exactly once and sealed once.
// And a real Playwright run whose database is down: reports written, the error printed once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { startPostgres, type PgServer } from '../helpers/postgres-server';
import { createProject, countMatches, REPO_ROOT, type InlineProject } from '../helpers/inline-project';
import { openHistoryStore } from '../../src/store/history-store';

let pg: PgServer;
before(async () => { pg = await startPostgres(); });
after(async () => { await pg?.stop(); });

const WRITERS = 8, PER_WRITER = 25, SHARED = 5, SHARDS = 3;

function writer(url: string, w: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/helpers/pg-writer.ts'), url,
      String(w), String(WRITERS), String(PER_WRITER), String(SHARED), String(SHARDS)], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
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
    assert.deepEqual(data.runs.filter((r) => r.runId === `ci-${k}`).map((r) => r.shard).sort(), ['1/3', '2/3', '3/3']);
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
