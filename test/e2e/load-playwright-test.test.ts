// A scenario that runs an existing Playwright Test test (by file and title) as its iteration: the
// spec's own fixtures (test.extend, in dependency order, torn down in reverse), hooks, test.step,
// `request` and the perf API all work; a title that does not exist fails before any browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startQueueServer, type QueueServer } from '../helpers/queue-server';
import { REPO_ROOT } from '../helpers/inline-project';
import { runLoadTest } from '../../src/load/coordinator';
import { StopSignal } from '../../src/load/stop-signal';
import { LoadDefinitionError } from '../../src/load/validate';

const FILE = 'test/fixtures/load/from-test.load.ts';
let server: QueueServer;
before(async () => {
  server = await startQueueServer(20);
  process.env.LOAD_TARGET = server.url;
});
after(() => server.close());

test('runs the test with its fixtures and hooks, once per iteration', async () => {
  const log = ((globalThis as Record<string, unknown>).__specLog ??= []) as string[];
  log.length = 0;
  const r = await runLoadTest({ file: FILE, cwd: REPO_ROOT, stop: new StopSignal() });
  assert.equal(r.totals.iterations, 2);
  assert.equal(r.totals.failed, 0, JSON.stringify(r.raw.errorSamples));
  assert.equal(r.totals.flows, 2);
  const steps = r.raw.windows.reduce((n, w) => n + (w.sketches['step.open work']?.count ?? 0), 0);
  assert.equal(steps, 2, 'test.step is timed');
  // As in Playwright: beforeEach hooks first, then the fixtures the test function needs.
  const once = [
    'beforeEach',
    'account:setup',
    'signedIn:demo',
    'body:demo',
    'afterEach',
    'signedIn:teardown',
    'account:teardown',
  ];
  assert.deepEqual(log, [...once, ...once]);
});

test('a title that is not in the file is an error before any browser starts', async () => {
  process.env.LOAD_TITLE = 'shop › checkout';
  try {
    await assert.rejects(runLoadTest({ file: FILE, cwd: REPO_ROOT, stop: new StopSignal() }), (e: unknown) => {
      assert.ok(e instanceof LoadDefinitionError);
      assert.match(
        e.message,
        /no test matches "shop › checkout" in test\/fixtures\/load\/suite\.spec\.ts \(tests: "shop › browse", "shop › other"\)/,
      );
      return true;
    });
  } finally {
    delete process.env.LOAD_TITLE;
  }
});
