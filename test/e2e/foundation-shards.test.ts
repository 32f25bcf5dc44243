// Sharded run (2 shards, blob reporter) merged with `merge-reports --config merge.config.ts` and
// our reporter gives the same run record content as an unsharded run; merged lanes are per shard.
// The merged run.json is then re-rendered with the built CLI (`report`) without a browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProject,
  LAUNCH_OPTIONS_SNIPPET,
  PLAYWRIGHT_CLI,
  runCli,
  type InlineProject,
} from '../helpers/inline-project';
import { reportValidator } from '../helpers/report-schema';
import { unpackHistory, type PackedHistory } from '../../src/store/packed-format';
import type { RunRecord, StepRecord, TestRecord } from '../../src/types';

const spec = (name: string) => `import { test, expect, attachPerfData } from 'playwright-perf';
test('${name} navigates', async ({ page, perf }) => {
  await page.goto('data:text/html,<p>${name}</p>');
  await expect(page.locator('p')).toHaveText('${name}');
  await attachPerfData(test.info(), { userTimings: [{ name: '${name}', type: 'mark', source: 'test', startTime: 1, durationMs: 0 }] });
});
test('${name} flaky', async ({}, info) => { expect(info.retry).toBe(1); });
test('${name} plain', async () => { await test.step('inner', async () => {}); });
`;

let p: InlineProject;
let unsharded: RunRecord;
let merged: RunRecord;

before(async () => {
  p = createProject('foundation-shards', {
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests', workers: 1, retries: 1,
  reporter: [['playwright-perf', { outputDir: process.env.PERF_OUT || 'perf-report', html: false }]],
  use: { ${LAUNCH_OPTIONS_SNIPPET} },
});
`,
    'merge.config.ts': `export default { testDir: './tests', reporter: [['playwright-perf', { outputDir: 'merged-report', html: false }]] };\n`,
    'tests/a.spec.ts': spec('a'),
    'tests/b.spec.ts': spec('b'),
  });
  const ref = await p.run([], { env: { PERF_OUT: 'unsharded' } });
  assert.equal(ref.exitCode, 0, ref.stdout + ref.stderr);
  unsharded = p.readRun('unsharded');
  // A second local shard run wipes blob-report/: move each shard's zip out first.
  mkdirSync(p.file('all-blobs'));
  for (const i of [1, 2]) {
    const out = await p.run([`--shard=${i}/2`, '--reporter=blob']);
    assert.equal(out.exitCode, 0, out.stdout + out.stderr);
    for (const f of readdirSync(p.file('blob-report')))
      if (f.endsWith('.zip')) renameSync(p.file(join('blob-report', f)), p.file(join('all-blobs', f)));
  }
  const m = await p.exec(process.execPath, [
    PLAYWRIGHT_CLI,
    'merge-reports',
    '--config',
    'merge.config.ts',
    'all-blobs',
  ]);
  assert.equal(m.exitCode, 0, m.stdout + m.stderr);
  merged = p.readRun('merged-report');
});
after(() => p?.cleanup());

/** What must be equal between a sharded+merged and an unsharded run (times and worker ids differ). */
function content(run: RunRecord) {
  const step = (s: StepRecord): unknown => ({
    title: s.title,
    category: s.category,
    params: s.params,
    steps: s.steps.map(step),
  });
  const test = (t: TestRecord) => ({
    id: t.id,
    file: t.file,
    titlePath: t.titlePath,
    project: t.project,
    outcome: t.outcome,
    expectedStatus: t.expectedStatus,
    results: t.results.map((r) => ({
      retry: r.retry,
      status: r.status,
      errors: r.errors.map((e) => e.message),
      steps: r.steps.map(step),
      // Measured values differ run to run; which metrics arrived, and the test's own marks, must not.
      perfKeys: Object.keys(r.perf ?? {}).sort(),
      userTimings: r.perf?.userTimings,
    })),
  });
  return run.tests.map(test).sort((a, b) => a.id.localeCompare(b.id));
}

test('merged shards = unsharded run in content', () => {
  assert.equal(merged.tests.length, 6);
  assert.deepEqual(content(merged), content(unsharded));
  assert.equal(merged.status, unsharded.status);
  assert.ok(
    merged.tests.some((t) => t.results.some((r) => r.perf?.userTimings?.length)),
    'perf attachments decoded after merge',
  );
});

test('merged meta marks the shards; results carry their shard; lanes per shard', async () => {
  assert.equal(merged.meta.merged?.shards, 2);
  assert.deepEqual(
    merged.meta.merged?.shardRuns?.map((s) => [s.shardIndex, s.totalShards, s.status]),
    [
      [1, 2, 'passed'],
      [2, 2, 'passed'],
    ],
  );
  assert.deepEqual([...new Set(merged.tests.flatMap((t) => t.results.map((r) => r.shardIndex)))].sort(), [1, 2]);
  assert.equal(merged.system.length, 0, 'no system samples from the merge process');
  const report = JSON.parse((await import('node:fs')).readFileSync(p.file('merged-report/report.json'), 'utf8'));
  assert.deepEqual(
    report.analysis.workers.map((w: { shardIndex?: number }) => w.shardIndex),
    [1, 2],
  );
  assert.equal(unsharded.meta.merged, undefined);
});

test('CLI `report` re-renders the merged run.json without a browser', async () => {
  const out = await runCli(['report', 'merged-report/run.json', '--out', 're-rendered'], p.dir);
  assert.equal(out.exitCode, 0, out.stderr);
  assert.match(out.stdout, /wrote re-rendered\/index\.html/);
  const fs = await import('node:fs');
  const original = JSON.parse(fs.readFileSync(p.file('merged-report/report.json'), 'utf8'));
  const again = JSON.parse(fs.readFileSync(p.file('re-rendered/report.json'), 'utf8'));
  assert.deepEqual(again.run, original.run);
  assert.deepEqual(again.analysis, original.analysis);
  const valid = reportValidator()(again);
  assert.ok(valid.ok, valid.errors);
  assert.ok(fs.existsSync(p.file('re-rendered/index.html')));
});

test('merge-reports records the merged run once, as one baseline run (the --reporter=blob shard runs add nothing)', async () => {
  const history = unpackHistory(
    JSON.parse(readFileSync(p.file('.playwright-perf/history.json'), 'utf8')) as PackedHistory,
  );
  assert.deepEqual(history.runs.map((r) => r.runId).sort(), [unsharded.runId, merged.runId].sort());
  assert.equal(merged.notBaseline, undefined);
});
