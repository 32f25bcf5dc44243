// System sampler (bounded, never throws) and the terminal summary text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SystemSampler,
  compactSamples,
  countChromiumDescendants,
  MAX_SAMPLES,
} from '../../src/reporter/system-sampler';
import { formatSummary, displayPath } from '../../src/reporter/terminal-summary';
import { makeSample, makeRun, makeTest, makeResult, makeConfig, at } from '../helpers/factories';
import { analyzeRun } from '../../src/analyze/run';
import { JSON_REPORT_KIND, type JsonReport } from '../../src/types';

test('compactSamples: neighbours merged — CPU averaged, the rest maxed, odd tail kept', () => {
  const s = [
    makeSample({ time: 1, cpu: 0.2, memUsedBytes: 10, load1: 1, chromiumProcesses: 2 }),
    makeSample({ time: 2, cpu: 0.4, memUsedBytes: 30, load1: 3, chromiumProcesses: 1 }),
    makeSample({ time: 3, cpu: 0.9, memUsedBytes: 5, load1: 0, chromiumProcesses: -1 }),
  ];
  const c = compactSamples(s);
  assert.equal(c.length, 2);
  assert.deepEqual(
    { ...c[0], cpu: Math.round(c[0].cpu * 1000) / 1000 },
    { time: 2, cpu: 0.3, memUsedBytes: 30, memTotalBytes: s[0].memTotalBytes, load1: 3, chromiumProcesses: 2 },
  );
  assert.deepEqual(c[1], s[2]);
});

test('sampler: samples are sane, bounded, and stop() takes a final one', () => {
  const sampler = new SystemSampler(60_000);
  sampler.start();
  for (let i = 0; i < MAX_SAMPLES + 10; i++) sampler.sample();
  const samples = sampler.stop(true);
  assert.ok(samples.length <= MAX_SAMPLES && samples.length >= MAX_SAMPLES / 2, `bounded: ${samples.length}`);
  for (const s of samples.slice(-3)) {
    assert.ok(s.cpu >= 0 && s.cpu <= 1);
    assert.ok(s.memTotalBytes > 0 && s.memUsedBytes > 0 && s.memUsedBytes <= s.memTotalBytes);
    assert.ok(s.load1 >= 0);
    assert.equal(s.chromiumProcesses, process.platform === 'linux' ? 0 : -1); // this test process starts no browser
  }
  const stopped = sampler.stop(true).length;
  sampler.sample();
  assert.equal(sampler.stop().length, stopped + 1);
  sampler.discard();
  assert.deepEqual(sampler.stop(), []);
});

test('countChromiumDescendants: 0 for a process without browsers (Linux), -1 elsewhere', () => {
  assert.equal(countChromiumDescendants(), process.platform === 'linux' ? 0 : -1);
  assert.equal(countChromiumDescendants(2 ** 30), process.platform === 'linux' ? -1 : -1); // no such process
});

test('terminal summary: counts, slowest, critical path, retries, interruption, warnings, paths', () => {
  const run = makeRun({
    wallTimeMs: 2000,
    interrupted: true,
    interruptReason: 'max-failures',
    plannedTests: 5,
    config: makeConfig({ workers: 2 }),
    errors: [
      { where: 'options', message: 'x', time: 0, severity: 'warning' },
      { where: 'playwright', message: 'y', time: 0, severity: 'warning' },
    ],
    tests: [
      makeTest({
        title: 'slow \u001b[31mred',
        file: 'a.spec.ts',
        results: [makeResult({ parallelIndex: 0, startTime: at(0), durationMs: 1500 })],
      }),
      makeTest({
        title: 'flaky',
        file: 'b.spec.ts',
        results: [
          makeResult({ parallelIndex: 1, status: 'failed', durationMs: 200 }),
          makeResult({ parallelIndex: 1, retry: 1, startTime: at(200), durationMs: 300 }),
        ],
      }),
    ],
  });
  const report: JsonReport = {
    kind: JSON_REPORT_KIND,
    schemaVersion: 1,
    generatedAt: '',
    run,
    analysis: analyzeRun(run),
  };
  const text = formatSummary(
    report,
    { dir: '/w/perf-report', html: '/w/perf-report/index.html', reportJson: '/w/perf-report/report.json' },
    '/w',
  );
  assert.equal(
    text,
    [
      '',
      'playwright-perf: wall 2.0 s · 2 tests (1 flaky) · 2 workers · parallel efficiency 50 %',
      '  interrupted (max-failures): 3 of 5 tests never ran',
      '  slowest tests:',
      '     1.5 s  slow  [31mred  (a.spec.ts)',
      '    500 ms  flaky  (b.spec.ts) [2 attempts]',
      '  critical path: lane 0 finished 1.0 s after the others: test "slow  [31mred" in a.spec.ts took 1.5 s and started late',
      '  retries: 1 (200 ms spent on attempts that were retried)',
      '  1 playwright-perf warning (listed above; also in run.json "errors")',
      '  reports: perf-report/index.html  perf-report/report.json',
      '',
    ].join('\n'),
  );
  assert.equal(displayPath('/elsewhere/x', '/w'), '/elsewhere/x');
});
