// Which invocations are baseline runs. Playwright passes `_mode` ('list' | 'test' | 'merge'); UI,
// watch, test-server, --last-failed and --only-changed runs all say 'test' and are told apart by the
// runner's command line and environment — checked here against the argv/env Playwright 1.65 uses
// (`--ui`/`--ui-port` flags, PWTEST_WATCH for watch mode, the `test-server` command for IDEs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectRunMode, executedNoTest } from '../../src/reporter/run-mode';

const cli = (...args: string[]) => ['/usr/bin/node', '/x/node_modules/@playwright/test/cli.js', ...args];

test('run modes: list, merge, baseline, and the runs that are not baselines', () => {
  assert.deepEqual(detectRunMode({ mode: 'list', argv: cli('test', '--list'), env: {} }), { kind: 'list' });
  assert.deepEqual(detectRunMode({ mode: 'merge', argv: cli('merge-reports', 'blobs'), env: {} }), {
    kind: 'baseline',
  });
  assert.deepEqual(detectRunMode({ mode: 'test', argv: cli('test', '--repeat-each=5'), env: {} }), {
    kind: 'baseline',
  });
  assert.deepEqual(detectRunMode({ mode: undefined, argv: cli('test'), env: {} }), { kind: 'baseline' });
  const cases: Array<[string[], Record<string, string>, RegExp, boolean]> = [
    [cli('test', '--ui'), {}, /UI mode/, true],
    [cli('test', '--ui-port=0'), {}, /UI mode/, true],
    [cli('test', '--ui-host', '127.0.0.1'), {}, /UI mode/, true],
    [cli('test'), { PWTEST_WATCH: '1' }, /watch mode/, true],
    [cli('test-server', '--port', '0'), {}, /test server/, true],
    [cli('run-test-server'), {}, /test server/, true],
    [cli('test', '--last-failed'), {}, /--last-failed/, false],
    [cli('test', '--only-changed'), {}, /--only-changed/, false],
    [cli('test', '--only-changed=main'), {}, /--only-changed/, false],
  ];
  for (const [argv, env, reason, interactive] of cases) {
    const m = detectRunMode({ mode: 'test', argv, env });
    assert.equal(m.kind, 'not-baseline', argv.join(' '));
    if (m.kind !== 'not-baseline') continue;
    assert.match(m.reason, reason);
    assert.equal(m.interactive, interactive, argv.join(' '));
  }
  // A test title or grep that merely contains the words is not a mode.
  assert.deepEqual(detectRunMode({ mode: 'test', argv: cli('test', '-g', 'ui mode'), env: {} }), { kind: 'baseline' });
});

test('a run in which every test was skipped (or none matched) executed no test', () => {
  assert.equal(executedNoTest([], 0), true);
  assert.equal(executedNoTest([{ results: [{ status: 'skipped' }] }], 1), true);
  assert.equal(executedNoTest([{ results: [{ status: 'skipped' }] }, { results: [{ status: 'passed' }] }], 2), false);
  assert.equal(executedNoTest([{ results: [{ status: 'interrupted' }] }], 1), false);
  // Tests were planned but none recorded (our onTestEnd failed): still a run, reported with its errors.
  assert.equal(executedNoTest([], 7), false);
});
