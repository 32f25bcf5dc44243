// What each Playwright invocation a user meets does to the reports and the history, with real runs
// of a browserless suite (fast): `--list` writes and records nothing; a run in which no test ran
// (`--grep` matching nothing) leaves the last reports and the history alone; `--last-failed` and
// `--only-changed` runs are reported and compared but not added to history. Exit codes stay
// Playwright's throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createProject } from '../helpers/inline-project';
import { unpackHistory, type PackedHistory } from '../../src/store/packed-format';

const SPEC = (name: string) => `import { test, expect } from 'playwright-perf';
test('${name} ok', async () => { await test.step('work', async () => { await new Promise((r) => setTimeout(r, 5)); }); });
test('${name} sometimes', async () => { expect(process.env.FAIL_SOMETIMES).toBeUndefined(); });
`;

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: './tests', workers: 1, reporter: [['playwright-perf', {}]] });
`;

const REPORT_FILES = ['perf-report/run.json', 'perf-report/report.json', 'perf-report/index.html'];

test('--list, an empty --grep, --last-failed and --only-changed never add a baseline run', async () => {
  const p = createProject('reporter-modes', {
    'playwright.config.ts': CONFIG,
    'tests/a.spec.ts': SPEC('a'),
    'tests/b.spec.ts': SPEC('b'),
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: p.dir, stdio: 'pipe' });
  const snapshot = () =>
    [...REPORT_FILES, '.playwright-perf/history.json'].map(
      (f) => `${f} ${statSync(p.file(f)).mtimeMs} ${readFileSync(p.file(f), 'utf8').length}`,
    );
  const historyRuns = () =>
    unpackHistory(JSON.parse(readFileSync(p.file('.playwright-perf/history.json'), 'utf8')) as PackedHistory).runs;
  try {
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'suite');
    const first = await p.run([], { env: { FAIL_SOMETIMES: '1' } });
    assert.equal(first.exitCode, 1, first.stdout + first.stderr);
    assert.equal(historyRuns().length, 1);
    const before = snapshot();

    const list = await p.run(['--list']);
    assert.equal(list.exitCode, 0, list.stderr);
    assert.match(list.stdout, /Total: 4 tests in 2 files/);
    assert.doesNotMatch(list.stdout + list.stderr, /playwright-perf/);
    assert.deepEqual(snapshot(), before, '--list wrote nothing');

    const lastFailed = await p.run(['--last-failed']);
    assert.equal(lastFailed.exitCode, 0, lastFailed.stdout + lastFailed.stderr);
    const rerun = p.readReport();
    assert.deepEqual(rerun.run.tests.map((t) => t.title).sort(), ['a sometimes', 'b sometimes']);
    assert.match(rerun.run.notBaseline!, /--last-failed run re-runs only tests that failed before/);
    assert.equal(rerun.history?.baseline.runIds.length, 1, 'still compared with history');
    assert.match(lastFailed.stdout, /not added to history: a --last-failed run/);
    assert.equal(historyRuns().length, 1);
    const afterRerun = snapshot();

    // (Playwright's own .last-run.json is rewritten by every run, so --last-failed goes first.)
    const none = await p.run(['--grep', 'matches-nothing']);
    assert.equal(none.exitCode, 1, 'Playwright\'s own "No tests found" exit code');
    assert.match(none.stdout, /playwright-perf: no test ran; the last reports and the history were left as they were/);
    assert.deepEqual(snapshot(), afterRerun, 'a run that ran no test wrote nothing');

    p.write('tests/b.spec.ts', SPEC('b') + '// changed\n');
    const changed = await p.run(['--only-changed']);
    assert.equal(changed.exitCode, 0, changed.stdout + changed.stderr);
    const partial = p.readReport();
    assert.deepEqual(partial.run.tests.map((t) => t.title).sort(), ['b ok', 'b sometimes']);
    assert.match(partial.run.notBaseline!, /--only-changed/);
    assert.equal(historyRuns().length, 1);

    // And a plain run is a baseline run again.
    const plain = await p.run([]);
    assert.equal(plain.exitCode, 0);
    assert.equal(p.readReport().run.notBaseline, undefined);
    assert.equal(historyRuns().length, 2);
  } finally {
    p.cleanup();
  }
});
