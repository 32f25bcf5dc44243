// Reads while the reporter appends: 3 writer processes record 10 runs each through the real
// recorder (dist/, as the reporter runs it) while 4 clients read the API of a running server. Every
// response must be whole and valid (no torn reads), the run count a client sees never goes down,
// and when the writers are done the server shows every run (none lost).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../helpers/inline-project';
import { buildServeHistory } from '../helpers/serve-history';
import { openApiValidator } from '../helpers/openapi-validator';
import { startServeProcess } from '../helpers/serve-process';

const WRITERS = 3;
const RUNS_PER_WRITER = 10;
const READERS = 4;
const SETTLE_TIMEOUT_MS = 15_000;

const WRITER = `
const { openHistoryStore } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/history-store.js'))});
const { recordRun } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/record-run.js'))});
const { defaultHistoryOptions } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/options.js'))});
const [file, writer, count] = process.argv.slice(1);
(async () => {
  const store = openHistoryStore(file);
  const opts = { ...defaultHistoryOptions(), keepDays: 100000 };
  for (let i = 0; i < Number(count); i++) {
    const tests = Array.from({ length: 300 }, (_, t) => ({ subject: 'tests/t' + t + '.spec.ts › case', project: 'chromium', outcome: 'expected', attempts: [['passed', 100 + t]], timeoutMs: 30000 }));
    await recordRun(store, {
      runId: 'w' + writer + '-' + i, startTime: Date.UTC(2026, 10, 3) + Number(writer) * 1e6 + i * 1000, wallTimeMs: 1000, status: 'passed', interrupted: false,
      branch: 'main', machineClass: 'linux-x64-2cpu-8g', env: { playwrightVersion: '1', perfVersion: '1', nodeVersion: '1', cpuModel: 'c', ci: false, workers: 1 },
      tests, metrics: [],
    }, opts);
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

function runWriter(file: string, i: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', WRITER, file, String(i), String(RUNS_PER_WRITER)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test(`${READERS} readers while ${WRITERS} writers append ${WRITERS * RUNS_PER_WRITER} runs: no torn reads, no lost runs`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-serve-conc-'));
  const validator = openApiValidator();
  const server = await (async () => {
    const h = await buildServeHistory(dir, 30);
    return { h, p: await startServeProcess(['--history', h.file]) };
  })();
  try {
    const base = server.h.runIds.length;
    let writing = true;
    let reads = 0;
    const reader = async () => {
      let seen = 0;
      while (writing) {
        const res = await fetch(new URL('api/v1/runs?limit=500', server.p.url));
        const text = await res.text();
        const body = JSON.parse(text); // a torn read would not parse
        validator.check('listRuns', res.status, body);
        assert.equal(body.items.length, body.total, 'a page is one consistent snapshot');
        assert.ok(body.total >= seen, `run count went down: ${seen} → ${body.total}`);
        seen = body.total;
        const sum = await fetch(new URL('api/v1/summary', server.p.url));
        validator.check('summary', sum.status, await sum.json());
        reads++;
      }
    };
    const readers = Array.from({ length: READERS }, reader);
    const results = await Promise.all(Array.from({ length: WRITERS }, (_, i) => runWriter(server.h.file, i)));
    writing = false;
    await Promise.all(readers);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    assert.ok(reads > 0);
    // The server notices the last write within its check interval.
    const want = base + WRITERS * RUNS_PER_WRITER;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let ids: string[] = [];
    while (Date.now() < deadline) {
      const body = await (await fetch(new URL('api/v1/runs?limit=500', server.p.url))).json();
      ids = body.items.map((r: { runId: string }) => r.runId);
      if (ids.length === want) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ids.length, want);
    for (let w = 0; w < WRITERS; w++)
      for (let i = 0; i < RUNS_PER_WRITER; i++) assert.ok(ids.includes(`w${w}-${i}`), `w${w}-${i} missing`);
  } finally {
    await server.p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
