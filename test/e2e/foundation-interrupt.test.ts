// Interrupted runs still leave a run record marked interrupted: Ctrl+C (SIGINT), --max-failures
// (1 worker: also the single-lane case), and a runner that exits before our onEnd finishes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProject, configTs, type InlineProject } from '../helpers/inline-project';

const projects: InlineProject[] = [];
after(() => {
  for (const p of projects) p.cleanup();
});

test('SIGINT: run record written, interrupted, reason sigint', async () => {
  const p = createProject('interrupt-sigint', {
    'playwright.config.ts': configTs({ extra: 'workers: 1,' }),
    'tests/a.spec.ts': `import { test } from '@playwright/test';
test('quick', async () => {});
test('hangs', async () => { console.log('HANGING'); await new Promise((r) => setTimeout(r, 60_000)); });
test('never starts', async () => {});
`,
  });
  projects.push(p);
  const out = await p.run([], { signal: { name: 'SIGINT', whenStdoutMatches: /HANGING/ } });
  assert.notEqual(out.exitCode, 0);
  const run = p.readRun();
  assert.equal(run.interrupted, true);
  assert.equal(run.interruptReason, 'sigint');
  assert.equal(run.status, 'interrupted');
  assert.equal(run.plannedTests, 3);
  const byTitle = Object.fromEntries(run.tests.map((t) => [t.title, t.results.map((r) => r.status)]));
  assert.deepEqual(byTitle['quick'], ['passed']);
  assert.ok(['interrupted', 'skipped'].includes(byTitle['hangs']?.[0] ?? 'interrupted'));
  assert.match(out.stdout, /interrupted \(sigint\)/);
});

test('--max-failures: interrupted with reason, planned vs run counts; one worker lane', async () => {
  const p = createProject('interrupt-maxfail', {
    'playwright.config.ts': configTs({ extra: 'workers: 1,' }),
    'tests/a.spec.ts': `import { test, expect } from '@playwright/test';
test('passes', async () => {});
test('fails', async () => { expect(1).toBe(2); });
test('never runs 1', async () => {});
test('never runs 2', async () => {});
`,
  });
  projects.push(p);
  const out = await p.run(['--max-failures=1']);
  assert.equal(out.exitCode, 1);
  const run = p.readRun();
  assert.equal(run.interrupted, true);
  assert.equal(run.interruptReason, 'max-failures');
  assert.equal(run.plannedTests, 4);
  assert.deepEqual(
    run.tests.map((t) => t.title),
    ['passes', 'fails'],
  );
  const report = p.readReport();
  assert.equal(report.analysis.workers.length, 1);
  assert.match(report.analysis.criticalPath!.reason, /^a single worker lane ran all 2 attempts serially/);
  assert.match(out.stdout, /interrupted \(max-failures\): 2 of 4 tests never ran/);
});

test('runner exits before our onEnd: partial record written by the exit handler', async () => {
  const p = createProject('interrupt-exit', {
    // A reporter listed before ours that ends the process in its onEnd.
    'exiter.ts': `export default class Exiter { onEnd() { process.exit(3); } }\n`,
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: './tests', workers: 1, reporter: [['./exiter.ts'], ['playwright-perf', {}]] });
`,
    'tests/a.spec.ts': `import { test } from '@playwright/test';
test('one', async () => {});
test('two', async () => {});
`,
  });
  projects.push(p);
  const out = await p.run();
  assert.equal(out.exitCode, 3);
  const run = p.readRun();
  assert.equal(run.interrupted, true);
  assert.equal(run.interruptReason, 'process-exit');
  assert.equal(run.tests.length, 2);
  assert.match(out.stderr, /run ended before the reporter finished; partial run record: .*run\.json/);
});
