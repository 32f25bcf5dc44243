// One realistic run (2 workers, retries, passing/failing/flaky/skipped/timed-out tests, a perf
// attachment and a corrupt one) asserted in depth, plus the same suite without us (outcomes and
// exit code must match), with bad options + an unwritable output folder, and with injected faults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import {
  createProject,
  LAUNCH_OPTIONS_SNIPPET,
  countMatches,
  type InlineProject,
  type RunOutput,
} from '../helpers/inline-project';
import { reportValidator } from '../helpers/report-schema';
import type { RunRecord, JsonReport, StepRecord } from '../../src/types';

const SPEC_A = `import { test, expect, attachPerfData } from 'playwright-perf';
test.beforeEach(async () => { await new Promise((r) => setTimeout(r, 20)); });
test('navigates', async ({ page, perf }) => {
  await page.goto('data:text/html,<button id="b">go</button>');
  await page.locator('#b').click();
  await expect(page.locator('#b')).toHaveText('go');
  await test.step('my step', async () => { await page.locator('#b').hover(); });
  await attachPerfData(test.info(), { userTimings: [{ name: 'known', type: 'measure', source: 'test', startTime: 1, durationMs: 42 }] });
});
test('fails', async () => { expect(1).toBe(2); });
test('flaky', async ({}, info) => { expect(info.retry).toBe(1); });
test.skip('skipped', async () => {});
test('times out', async () => { test.setTimeout(400); await new Promise((r) => setTimeout(r, 5000)); });
`;
const SPEC_B = `import { test } from 'playwright-perf';
test('b1', async () => { await new Promise((r) => setTimeout(r, 300)); });
test('b2 corrupt attachment', async ({}, info) => {
  await info.attach('playwright-perf.metrics', { body: '{not json', contentType: 'application/json' });
});
`;

const config = (reporter: string) => `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests', workers: 2, retries: 1,
  reporter: ${reporter},
  use: { ${LAUNCH_OPTIONS_SNIPPET} },
});
`;

let p: InlineProject;
let main: RunOutput;
let run: RunRecord;
let report: JsonReport;

before(async () => {
  p = createProject('foundation-run', {
    'playwright.config.ts': config(
      `[['list'], ['playwright-perf', { sampleIntervalMs: 100, labels: { suite: 'e2e' } }]]`,
    ),
    'bad.config.ts': config(`[['playwright-perf', { outputDir: 'blocker/out', sampleIntervalMs: -1, bogus: 1 }]]`),
    blocker: 'a file where the output folder should go\n',
    'tests/a.spec.ts': SPEC_A,
    'tests/b.spec.ts': SPEC_B,
  });
  main = await p.run();
  run = p.readRun();
  report = p.readReport();
});
after(() => p?.cleanup());

const byTitle = (r: RunRecord) => Object.fromEntries(r.tests.map((t) => [t.title, t]));
const flat = (steps: StepRecord[]): StepRecord[] => steps.flatMap((s) => [s, ...flat(s.steps)]);

test('run record: tests, outcomes, attempts, steps, params, perf data, indices', () => {
  assert.equal(main.exitCode, 1, main.stderr);
  assert.equal(run.tests.length, 7);
  assert.equal(run.plannedTests, 7);
  assert.equal(run.interrupted, false);
  const t = byTitle(run);
  assert.deepEqual(
    Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, [v.outcome, v.results.map((r) => `${r.retry}:${r.status}`).join(',')]]),
    ),
    {
      navigates: ['expected', '0:passed'],
      fails: ['unexpected', '0:failed,1:failed'],
      flaky: ['flaky', '0:failed,1:passed'],
      skipped: ['skipped', '0:skipped'],
      'times out': ['unexpected', '0:timedOut,1:timedOut'],
      b1: ['expected', '0:passed'],
      'b2 corrupt attachment': ['expected', '0:passed'],
    },
  );
  const nav = t['navigates'];
  assert.equal(nav.file, 'tests/a.spec.ts');
  assert.equal(nav.project, '');
  assert.deepEqual(nav.titlePath, ['navigates']);
  const r = nav.results[0];
  assert.ok(r.workerIndex >= 0 && [0, 1].includes(r.parallelIndex));
  assert.ok(r.durationMs > 0 && r.startTime >= run.startTime);
  const steps = flat(r.steps);
  const cats = new Set(steps.map((s) => s.category));
  for (const c of ['hook', 'fixture', 'pw:api', 'expect', 'test.step'])
    assert.ok(cats.has(c), `step category ${c} in ${[...cats]}`);
  const goto = steps.find((s) => s.category === 'pw:api' && s.params?.url?.startsWith('data:text/html'));
  assert.ok(goto, 'navigation step with its url param');
  assert.ok(
    steps.some((s) => s.category === 'pw:api' && s.params?.locator?.includes('#b')),
    'click with its locator param',
  );
  assert.ok(steps.some((s) => s.category === 'fixture' && s.title === 'Fixture "page"'));
  assert.ok(steps.some((s) => s.title === 'my step' && s.steps.length > 0));
  assert.deepEqual(r.perf?.userTimings, [
    { name: 'known', type: 'measure', source: 'test', startTime: 1, durationMs: 42 },
  ]);
  assert.ok(!r.attachments.some((a) => a.name === 'playwright-perf.metrics'), 'our attachment is decoded, not listed');
  // A statically skipped test may still be reported by the worker that ran its file.
  assert.equal(t['skipped'].results[0].status, 'skipped');
  // Both lanes were used (2 files, 2 workers); retries after failures restart workers.
  const lanes = new Set(
    run.tests.flatMap((x) => x.results.filter((y) => y.workerIndex >= 0).map((y) => y.parallelIndex)),
  );
  assert.deepEqual([...lanes].sort(), [0, 1]);
  assert.equal(run.config.workers, 2);
  assert.equal(run.config.projects[0].retries, 1);
});

test('run record: meta, system samples, contained attachment error', () => {
  assert.match(run.meta.playwrightVersion, /^1\.\d+/);
  assert.ok(run.meta.machine.cpus > 0 && run.meta.machine.memoryBytes > 0);
  assert.deepEqual(run.meta.labels, { suite: 'e2e' });
  assert.equal(run.meta.nodeVersion, process.version);
  assert.ok(run.system.length >= 2, `samples: ${run.system.length}`);
  for (const s of run.system) {
    assert.ok(s.cpu >= 0 && s.cpu <= 1);
    assert.ok(s.memUsedBytes > 0 && s.memUsedBytes <= s.memTotalBytes);
  }
  if (process.platform === 'linux')
    assert.ok(report.analysis.system!.chromiumProcessesMax >= 1, 'Chromium processes seen');
  // The corrupt attachment: one entry, one warning line, no effect on the test.
  const decode = run.errors.filter((e) => e.where === 'reporter.decodeAttachment');
  assert.equal(decode.length, 1);
  assert.equal(decode[0].testId, byTitle(run)['b2 corrupt attachment'].id);
  assert.equal(countMatches(main.stderr, /\[playwright-perf\] warning \(reporter\.decodeAttachment\)/), 1);
});

test('analysis: efficiency, lanes, critical path, breakdown, flaky, retries', () => {
  const a = report.analysis;
  assert.ok(a.summary.parallelEfficiency > 0 && a.summary.parallelEfficiency <= 1);
  assert.equal(a.summary.tests, 7);
  assert.equal(a.summary.flaky, 1);
  assert.equal(a.summary.failed, 2);
  assert.equal(a.summary.skipped, 1);
  assert.equal(a.summary.timedOut, 2);
  assert.equal(a.workers.length, 2);
  for (const w of a.workers)
    assert.ok(w.utilisation > 0 && w.utilisation <= 1 && w.busyMs + w.idleMs >= run.wallTimeMs - 1);
  assert.ok(a.criticalPath && a.criticalPath.reason.length > 0);
  const b = a.breakdown;
  assert.equal(b.fixturesMs + b.hooksMs + b.actionsMs + b.expectsMs + b.stepsMs + b.otherMs, b.totalMs);
  assert.ok(b.fixturesMs > 0 && b.hooksMs > 0 && b.actionsMs > 0 && b.expectsMs >= 0);
  assert.deepEqual(
    a.flaky.map((f) => [f.title, f.statuses]),
    [['flaky', ['failed', 'passed']]],
  );
  assert.equal(a.retries.attempts, 3);
  assert.ok(a.slowest.tests[0].durationMs >= a.slowest.tests[a.slowest.tests.length - 1].durationMs);
  assert.ok(a.slowest.steps.some((s) => s.category === 'pw:api'));
});

test('report.json validates against docs/report.schema.json', () => {
  const result = reportValidator()(report);
  assert.ok(result.ok, result.errors);
  assert.deepEqual(JSON.parse(readFileSync(p.file('perf-report/run.json'), 'utf8')), report.run);
  assert.ok(existsSync(p.file('perf-report/index.html')));
});

test('terminal: list output and our summary coexist', () => {
  assert.match(main.stdout, /✓|ok \d/); // list reporter lines
  assert.match(
    main.stdout,
    /playwright-perf: wall [\d.]+ (s|ms) · 7 tests \(2 failed, 1 flaky, 1 skipped\) · 2 workers · parallel efficiency \d+ %/,
  );
  assert.match(main.stdout, /slowest tests:\n\s+[\d.]+ (s|ms)\s+\S/);
  assert.match(main.stdout, /critical path: /);
  assert.match(main.stdout, /reports: perf-report\/index\.html {2}perf-report\/report\.json/);
});

test('outcomes and exit code are the same without playwright-perf', async () => {
  const without = await p.run(['--reporter=json'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'pw.json' } });
  assert.equal(without.exitCode, main.exitCode);
  const json = JSON.parse(readFileSync(p.file('pw.json'), 'utf8'));
  const statuses: Record<string, string> = {};
  const walk = (suite: {
    specs?: Array<{ title: string; tests: Array<{ results: Array<{ status: string }> }> }>;
    suites?: unknown[];
  }) => {
    for (const spec of suite.specs ?? []) statuses[spec.title] = spec.tests[0].results.map((r) => r.status).join(',');
    for (const s of (suite.suites ?? []) as (typeof suite)[]) walk(s);
  };
  for (const s of json.suites) walk(s);
  const ours = Object.fromEntries(run.tests.map((t) => [t.title, t.results.map((r) => r.status).join(',')]));
  assert.deepEqual(ours, statuses);
});

test('bad options and an unwritable output folder: one clear warning each, tests run, same exit code', async () => {
  writeFileSync(p.file('blocker'), 'still a file\n');
  const out = await p.run(['-c', 'bad.config.ts']);
  assert.equal(out.exitCode, main.exitCode, out.stderr);
  // We are the only reporter and do not claim stdio: Playwright adds its default reporter.
  assert.match(out.stdout, /Running 7 tests using 2 workers/);
  assert.equal(countMatches(out.stderr, /unknown option "bogus"/), 1);
  assert.equal(
    countMatches(
      out.stderr,
      /option "sampleIntervalMs" must be a number of milliseconds from 100 to 60000, or false to turn sampling off, got -1; using 500/,
    ),
    1,
  );
  assert.equal(countMatches(out.stderr, /option "outputDir": cannot write to .*blocker\/out .*the tests still run/), 1);
  // Three option problems + the suite's corrupt attachment.
  assert.equal(countMatches(out.stderr, /\[playwright-perf\] warning/), 4, out.stderr);
  assert.match(out.stdout, /no reports written/);
});

test('faults inside the reporter and an analyzer: contained, recorded once, same exit code', async () => {
  const out = await p.run(['--reporter=line,playwright-perf'], {
    env: { PLAYWRIGHT_PERF_FAULT: 'reporter.onTestEnd,analyze.breakdown' },
  });
  assert.equal(out.exitCode, main.exitCode, out.stderr);
  const faulty = p.readRun();
  assert.equal(faulty.tests.length, 0); // every onTestEnd threw
  assert.deepEqual(faulty.errors.filter((e) => e.where === 'reporter.onTestEnd').length, 1);
  assert.deepEqual(faulty.errors.filter((e) => e.where === 'analyze.breakdown').length, 1);
  assert.equal(countMatches(out.stderr, /warning \(reporter\.onTestEnd\): injected fault/), 1);
  assert.equal(countMatches(out.stderr, /warning \(analyze\.breakdown\): injected fault/), 1);
  assert.match(out.stdout, /playwright-perf: wall/);
});
