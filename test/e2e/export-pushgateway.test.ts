// A real run pushed to a real Pushgateway, scraped by a real Prometheus, read back through
// Prometheus' query API; a second push of the same group replaces the first (no stale series).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProject, runCli, type InlineProject } from '../helpers/inline-project';
import { promtoolCheck, startPromStack, type PromStack } from '../helpers/prometheus-servers';
import type { JsonReport } from '../../src/types';

const sleepTest = (title: string, ms: number) =>
  `test(${JSON.stringify(title)}, async () => { await new Promise((r) => setTimeout(r, ${ms})); });\n`;
const header = `import { test } from '@playwright/test';\n`;

let stack: PromStack;
let p: InlineProject;

const config = (gatewayUrl: string) => `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests', workers: 1,
  reporter: [['list'], ['playwright-perf', {
    history: false, html: false,
    prometheus: { pushgateway: { url: '${gatewayUrl}', job: 'e2e-export', grouping: { suite: 'export' } }, perTest: { slowest: 2 } },
  }]],
});
`;

before(async () => {
  stack = await startPromStack();
  p = createProject('export-push', {
    'playwright.config.ts': config(stack.gatewayUrl),
    'tests/a.spec.ts': header + sleepTest('quick one', 50) + sleepTest('slow one', 700),
    'tests/b.spec.ts': header + sleepTest('middle one', 350) + sleepTest('short one', 100),
  });
});
after(async () => {
  p?.cleanup();
  await stack?.stop();
});

const SEL = '{job="e2e-export",suite="export"}';
const sum = (r: Array<{ value: number }>) => r.reduce((s, x) => s + x.value, 0);

test('pushed run is scraped by Prometheus with the values of report.json', async () => {
  const out = await p.run();
  assert.equal(out.exitCode, 0, out.stdout + out.stderr);
  assert.doesNotMatch(out.stderr, /warning/);
  const report: JsonReport = p.readReport();
  const wall = await stack.waitFor(`playwright_perf_run_duration_seconds${SEL}`, (r) => r.length === 1);
  assert.equal(wall[0].value, report.run.wallTimeMs / 1000);
  assert.equal(wall[0].metric.branch, 'unknown');
  assert.equal(wall[0].metric.shard, 'all');
  assert.equal(wall[0].metric.status, 'passed');
  assert.match(wall[0].metric.machine_class, /^linux-/);
  assert.equal(sum(await stack.query(`playwright_perf_tests${SEL}`)), 4);
  const count = await stack.query(`playwright_perf_test_duration_seconds_count${SEL}`);
  assert.deepEqual(
    new Map(count.map((r) => [r.metric.file, r.value])),
    new Map([
      ['tests/a.spec.ts', 2],
      ['tests/b.spec.ts', 2],
    ]),
  );
  const durSum = sum(await stack.query(`playwright_perf_test_duration_seconds_sum${SEL}`));
  const want = report.run.tests.reduce((s, t) => s + Math.round(t.results[0].durationMs), 0) / 1000;
  assert.ok(Math.abs(durSum - want) < 1e-6, `${durSum} vs ${want}`);
  // Known truth: the slow test sleeps 700 ms; its series is one of the two slowest kept.
  const slow = await stack.query(`playwright_perf_slow_test_duration_seconds${SEL}`);
  assert.deepEqual(slow.map((r) => r.metric.test).sort(), ['middle one', 'slow one']);
  const slowValue = slow.find((r) => r.metric.test === 'slow one')!.value;
  assert.ok(slowValue >= 0.7 && slowValue < 5, `slow one took ${slowValue} s`);
});

test('the next push of the same group replaces it: a removed test leaves no stale series', async () => {
  p.write('tests/a.spec.ts', header + sleepTest('quick one', 50));
  const out = await p.run();
  assert.equal(out.exitCode, 0, out.stdout + out.stderr);
  const report: JsonReport = p.readReport();
  await stack.waitFor(
    `playwright_perf_run_duration_seconds${SEL}`,
    (r) => r.length === 1 && r[0].value === report.run.wallTimeMs / 1000,
  );
  const text = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
  assert.doesNotMatch(text, /test="slow one"/, 'the gateway dropped the old group');
  const tests = await stack.waitFor(`playwright_perf_tests${SEL}`, (r) => sum(r) === 3);
  assert.equal(sum(tests), 3);
  await stack.waitFor(`playwright_perf_slow_test_duration_seconds{test="slow one"}`, (r) => r.length === 0);
});

test('CLI: `metrics` prints a promtool-clean exposition, `--push` pushes a saved report, bad flags exit 2', async () => {
  const report: JsonReport = p.readReport();
  const printed = await runCli(['metrics', 'perf-report/report.json', '--slowest', '1'], p.dir);
  assert.equal(printed.exitCode, 0, printed.stderr);
  assert.match(
    printed.stdout,
    /^playwright_perf_run_duration_seconds\{status="passed",machine_class="[^"]+"\} [\d.]+$/m,
  );
  const lint = promtoolCheck(printed.stdout);
  assert.ok(lint.ok && lint.output === '', lint.output);
  const pushed = await runCli(
    ['metrics', 'perf-report/report.json', '--push', stack.gatewayUrl, '--job', 'e2e-cli', '--grouping', 'suite=cli'],
    p.dir,
  );
  assert.equal(pushed.exitCode, 0, pushed.stderr);
  assert.match(
    pushed.stdout,
    /pushed to http:\/\/127\.0\.0\.1:\d+\/ \(job=e2e-cli, branch=unknown, shard=all, suite=cli\)/,
  );
  const wall = await stack.waitFor('playwright_perf_run_duration_seconds{job="e2e-cli"}', (r) => r.length === 1);
  assert.equal(wall[0].value, report.run.wallTimeMs / 1000);
  const bad = await runCli(
    ['metrics', 'perf-report/report.json', '--push', stack.gatewayUrl, '--grouping', 'oops'],
    p.dir,
  );
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /--grouping must be label=value, got "oops"/);
  const badUrl = await runCli(['metrics', 'perf-report/report.json', '--push', 'nope'], p.dir);
  assert.equal(badUrl.exitCode, 2);
  assert.match(badUrl.stderr, /"prometheus\.pushgateway\.url" must be an http\(s\) URL/);
  const down = await runCli(
    ['metrics', 'perf-report/report.json', '--push', 'http://127.0.0.1:9', '--timeout', '1000'],
    p.dir,
  );
  assert.equal(down.exitCode, 1);
  assert.match(down.stderr, /push to Pushgateway http:\/\/127\.0\.0\.1:9\/ failed/);
});
