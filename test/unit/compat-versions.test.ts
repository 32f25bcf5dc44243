// What differs between the Playwright releases we support (1.55–1.65), taken care of on our side:
// step titles before 1.63 carry the url/locator that 1.63+ reports in `params`; assertion calls
// are logged as "expect.toX" before 1.63; playwright-core comes from the user's @playwright/test.
// Titles below are verbatim from Playwright 1.55.0, 1.62.1 and 1.65.1 runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { normalizeLegacyStep } from '../../src/reporter/legacy-step-title';
import { stepToRecord } from '../../src/reporter/record-builder';
import { ActionLogSegmenter } from '../../src/collectors/action-log-segmenter';
import { playwrightInstall, playwrightVersion } from '../../src/util/playwright-install';
import { quietly, quietUnsupportedReason } from '../../src/collectors/quiet';
import { REPO_ROOT } from '../helpers/inline-project';
import type { TestStep } from '@playwright/test/reporter';

const loc = (locator: string) => ({ locator });

test('legacy pw:api titles get the 1.63+ title and params', () => {
  const cases: Array<[string, string, string, Record<string, string>]> = [
    ['pw:api', 'Navigate to "/page?ttfb=300&id=a"', 'Navigate', { url: '/page?ttfb=300&id=a' }],
    ['pw:api', 'Navigate to "data:"', 'Navigate', { url: 'data:' }],
    ['pw:api', "Click locator('#b')", 'Click', loc("locator('#b')")],
    ['pw:api', "Click getByRole('button', { name: 'Go' })", 'Click', loc("getByRole('button', { name: 'Go' })")],
    ['pw:api', 'Fill "hello" locator(\'#i\')', 'Fill "hello"', loc("locator('#i')")],
    ['pw:api', "Fill \"a locator('x') b\" getByLabel('Name')", 'Fill "a locator(\'x\') b"', loc("getByLabel('Name')")],
    ['pw:api', 'GET "/api/items"', 'GET', { url: '/api/items' }],
    ['expect', 'Expect "toHaveValue" locator(\'#i\')', 'Expect "toHaveValue"', loc("locator('#i')")],
  ];
  for (const [category, title, want, params] of cases) {
    assert.deepEqual(normalizeLegacyStep(category, title), { title: want, params }, title);
  }
});

test('titles that are already in the 1.63+ shape, or not Playwright calls, are left alone', () => {
  const modern = ['Launch browser', 'Create context', 'Navigate', 'Click', 'Fill "hello"', 'Set content', 'Wait'];
  for (const title of modern) {
    assert.equal(normalizeLegacyStep('pw:api', title), null, title);
  }
  assert.equal(normalizeLegacyStep('expect', 'Expect "toHaveValue"'), null);
  assert.equal(normalizeLegacyStep('test.step', 'Navigate to "/login"'), null, 'a user step may say anything');
  assert.equal(normalizeLegacyStep('fixture', 'Fixture "page"'), null);
});

function fakeStep(title: string, category: string, params?: Record<string, unknown>): TestStep {
  const step = { title, category, startTime: new Date(1000), duration: 5, steps: [], ...(params ? { params } : {}) };
  return step as unknown as TestStep;
}

test('the run record gets the normalised step; real params (1.63+) win and are not rewritten', () => {
  assert.deepEqual(stepToRecord(fakeStep("Click locator('#b')", 'pw:api')), {
    title: 'Click',
    category: 'pw:api',
    startTime: 1000,
    durationMs: 5,
    steps: [],
    params: loc("locator('#b')"),
  });
  const modern = stepToRecord(fakeStep('Click', 'pw:api', { locator: "locator('#b')" }));
  assert.deepEqual([modern.title, modern.params], ['Click', { locator: "locator('#b')" }]);
  const odd = stepToRecord(fakeStep("Click locator('#b')", 'pw:api', { locator: 'x' }));
  assert.equal(odd.title, "Click locator('#b')", 'a step with params is never re-parsed');
});

test('assertions logged as "expect.toX" (Playwright < 1.63) are not locator actions', () => {
  const s = new ActionLogSegmenter();
  const lines: Array<[number, string]> = [
    [1000, '=> expect.toHaveValue started'],
    [1001, 'Expect "toHaveValue" with timeout 5000ms'],
    [1002, "waiting for locator('#i')"],
    [1005, '  locator resolved to <input id="i"/>'],
    [1006, '<= expect.toHaveValue succeeded'],
    [1010, '=> locator.fill started'],
    [1011, "waiting for locator('#i')"],
    [1014, '  locator resolved to <input id="i"/>'],
    [1015, 'attempting fill action'],
    [1020, '<= locator.fill succeeded'],
  ];
  for (const [t, msg] of lines) s.push({ t, msg });
  assert.deepEqual(
    s.take().map((l) => [l.action, l.selector, l.totalMs]),
    [['fill', "locator('#i')", 10]],
  );
  assert.equal(s.overlapped, 0);
});

test("playwright-core is the one the user's @playwright/test loads", () => {
  const install = playwrightInstall();
  assert.ok(install);
  const pwTest = dirname(require.resolve('@playwright/test/package.json'));
  const pw = dirname(require.resolve('playwright/package.json', { paths: [pwTest] }));
  assert.equal(install.coreDir, dirname(require.resolve('playwright-core/package.json', { paths: [pw] })));
  const pwTestVersion = JSON.parse(readFileSync(require.resolve('@playwright/test/package.json'), 'utf8')).version;
  assert.equal(playwrightVersion(), pwTestVersion);
  const ours = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8'));
  assert.equal(ours.dependencies['playwright-core'], undefined, 'no playwright-core of our own for users');
  assert.equal(typeof install.requireCore<{ debug?: unknown }>('lib/utilsBundle').debug, 'function');
});

test('without _wrapApiCall our calls still run, and the reason they are visible is given', async () => {
  assert.equal(await quietly({}, async () => 42), 42);
  assert.match(quietUnsupportedReason({}) ?? '', /^Playwright 1\.\d+\.\d+ has no _wrapApiCall: .*appear as steps/);
  let internal: boolean | undefined;
  const owner = {
    _wrapApiCall: async <T>(fn: () => Promise<T>, o: { internal: boolean }) => {
      internal = o.internal;
      return fn();
    },
  };
  assert.equal(await quietly(owner, async () => 7), 7);
  assert.equal(internal, true);
  assert.equal(quietUnsupportedReason(owner), null);
});

test('the peer range starts exactly at the oldest version the matrix runs', () => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8'));
  type Matrix = { run: Array<{ playwright: string }> };
  const matrix = JSON.parse(readFileSync(`${REPO_ROOT}/test/compat/versions.json`, 'utf8')) as Matrix;
  const key = (v: string) =>
    v
      .split('.')
      .map(Number)
      .reduce((a, n) => a * 1000 + n, 0);
  const tested = matrix.run.map((r) => r.playwright).sort((a, b) => key(a) - key(b));
  assert.equal(pkg.peerDependencies['@playwright/test'], `>=${tested[0]}`);
  const devVersion = JSON.parse(readFileSync(require.resolve('@playwright/test/package.json'), 'utf8')).version;
  assert.equal(tested[tested.length - 1], devVersion, 'the newest matrix entry is the Playwright npm test runs on');
});
