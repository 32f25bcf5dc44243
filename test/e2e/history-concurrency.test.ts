// Several processes record runs into one history file at the same time (shards / parallel CI jobs on
// one machine): with the lock, every run must be there and the file must stay valid JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../helpers/inline-project';
import type { HistoryData } from '../../src/types';

const WRITERS = 6;
const RUNS_PER_WRITER = 5;

// Uses the built package (dist/), as a reporter process would.
const WRITER = `
const { openHistoryStore } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/history-store.js'))});
const { recordRun } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/record-run.js'))});
const { defaultHistoryOptions } = require(${JSON.stringify(join(REPO_ROOT, 'dist/store/options.js'))});
const [file, writer, count] = process.argv.slice(1);
(async () => {
  const store = openHistoryStore(file);
  for (let i = 0; i < Number(count); i++) {
    const tests = Array.from({ length: 200 }, (_, t) => ({ subject: 'tests/t' + t + '.spec.ts › case', project: 'p', outcome: 'expected', attempts: [['passed', 100 + t]], timeoutMs: 30000 }));
    await recordRun(store, {
      runId: 'w' + writer + '-' + i, startTime: Date.now(), wallTimeMs: 1, status: 'passed', interrupted: false,
      machineClass: 'm', env: { playwrightVersion: '1', perfVersion: '1', nodeVersion: '1', cpuModel: 'c', ci: false, workers: 1 },
      tests, metrics: [],
    }, defaultHistoryOptions());
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

test(`${WRITERS} processes × ${RUNS_PER_WRITER} runs written at once: all ${WRITERS * RUNS_PER_WRITER} runs present`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-concurrent-'));
  try {
    const file = join(dir, '.playwright-perf', 'history.json');
    const results = await Promise.all(Array.from({ length: WRITERS }, (_, i) => runWriter(file, i)));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(readFileSync(file, 'utf8')) as HistoryData;
    const ids = new Set(data.runs.map((r) => r.runId));
    assert.equal(ids.size, WRITERS * RUNS_PER_WRITER);
    for (let w = 0; w < WRITERS; w++)
      for (let i = 0; i < RUNS_PER_WRITER; i++) assert.ok(ids.has(`w${w}-${i}`), `w${w}-${i} missing`);
    const leftovers = readdirSync(join(dir, '.playwright-perf')).filter(
      (n) => n.endsWith('.tmp') || n.endsWith('.lock'),
    );
    assert.deepEqual(leftovers, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
