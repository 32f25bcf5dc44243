// Load runs go to their own history file and are compared with the median of earlier runs of the
// same file on the same machine class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactLoadRun, compareLoadRun, recordLoadRun } from '../../src/load/history';
import { LoadRecorder } from '../../src/load/recorder';
import { buildLoadReport } from '../../src/load/build-report';

function report(runId: string, latency: number, file = 'a.load.ts') {
  const rec = new LoadRecorder(1000, 0.01);
  for (let i = 0; i < 20; i++) {
    rec.sample('flow.pay', latency, i * 100);
    rec.iteration({ scenario: 's', atMs: i * 100, durationMs: latency }, 'constant-vus');
  }
  rec.durationMs = 2000;
  return buildLoadReport(rec.snapshot(), {
    runId,
    startedAt: new Date(0).toISOString(),
    startTime: Number(runId.slice(1)) * 1000,
    file,
    segments: ['1/1'],
    workers: 1,
    remoteBrowsers: [],
    interrupted: false,
    thresholds: [],
    scalabilityMetric: 'iteration',
  });
}

test('a run is compared with the median of earlier comparable runs', () => {
  const earlier = [report('r1', 100), report('r2', 110), report('r3', 300), report('r4', 500, 'other.load.ts')].map(
    compactLoadRun,
  );
  const changes = compareLoadRun(compactLoadRun(report('r5', 220)), earlier);
  const pay = changes.find((c) => c.metric === 'load.p95' && c.subject === 'flow.pay');
  assert.ok(pay);
  assert.equal(pay.runs, 3, 'the other file is not comparable');
  assert.ok(Math.abs(pay.baseline - 110) / 110 < 0.011, `baseline ${pay.baseline}`);
  assert.ok(pay.change > 0.9, `change ${pay.change}`);
});

test('recordLoadRun stores runs in the history file and compares the next one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-perf-load-history-'));
  try {
    const file = join(dir, 'load-history.json');
    assert.deepEqual(await recordLoadRun(file, report('r1', 100)), []);
    const changes = await recordLoadRun(file, report('r2', 150));
    assert.ok(changes.some((c) => c.subject === 'flow.pay' && c.runs === 1 && c.change > 0.45));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
