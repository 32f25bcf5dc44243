// perf.lighthouse inside real Playwright tests, against a local cookie-login app (test/helpers/
// login-server.ts). One Playwright run (2 workers, fullyParallel) proves:
//  - an audit of a logged-in page sees the logged-in content (final URL, LCP element text with the
//    cookie user and the localStorage value, and the server saw Lighthouse's request authenticated);
//  - two workers auditing at once both succeed, and their audits did not overlap (serialized);
//  - a budget breach fails the test with a readable message (known truth: /heavy blocks 800 ms);
//  - a Chromium that cannot start fails with an error naming the real cause;
//  - scores/metrics/failing audits reach the run record, full reports are saved and attached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import { createProject, configTs } from '../helpers/inline-project';
import { startLoginServer, HEAVY_BLOCK_MS } from '../helpers/login-server';
import { chromiumExecutablePath } from '../../src/browser/resolve-chromium';
import type { LighthouseResult } from '../../src/types';

const LOGIN = `
async function login(page, name) {
  await page.goto(process.env.APP_URL + '/login');
  await page.getByLabel('User').fill(name);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/account');
  await page.evaluate((d) => localStorage.setItem('device', d), 'dev-' + name);
}
const fast = { categories: ['performance'], throttling: 'provided', formFactor: 'desktop' };
function lcpLabel(lhr) {
  const d = lhr.audits['largest-contentful-paint-element'].details;
  return JSON.stringify(d);
}
`;

const SPEC = `import { test, expect } from 'playwright-perf';
${LOGIN}
test('alice audits her account', async ({ page, perf }) => {
  await login(page, 'alice');
  const r = await perf.lighthouse(page, fast);
  expect(r.lhr.finalDisplayedUrl).toBe(process.env.APP_URL + '/account');
  expect(lcpLabel(r.lhr)).toContain('Logged in as alice (device dev-alice)');
  expect(r.scores.performance).toBeGreaterThan(0);
});

test('bob audits his account at the same time', async ({ page, perf }) => {
  await login(page, 'bob');
  const r = await perf.lighthouse(page, { ...fast, name: 'bob' });
  expect(r.lhr.finalDisplayedUrl).toBe(process.env.APP_URL + '/account');
  expect(lcpLabel(r.lhr)).toContain('Logged in as bob (device dev-bob)');
});

test('heavy page breaks the TBT budget', async ({ page, perf }) => {
  await login(page, 'carol');
  await page.goto(process.env.APP_URL + '/heavy');
  await perf.lighthouse(page, { ...fast, thresholds: { tbtMs: 200, performance: 10 } });
});

test('audit chromium cannot start', async ({ page, perf }) => {
  await login(page, 'dave');
  await perf.lighthouse(page, { ...fast, executablePath: process.env.BROKEN_CHROMIUM });
});

test('onError warn: a failed audit is a warning, the test goes on', async ({ page, perf }) => {
  await page.goto(process.env.APP_URL + '/login');
  const r = await perf.lighthouse(page, { ...fast, onError: 'warn', executablePath: process.env.BROKEN_CHROMIUM });
  expect(r).toBeNull();
});
`;

/** A real Chromium that cannot start: as root, the real binary without --no-sandbox refuses to run
 *  (the classic CI failure). Not root: a file that is not executable (spawn fails with EACCES). */
function brokenChromium(): { path: string; cause: RegExp } {
  const dir = mkdtempSync(join(tmpdir(), 'pwperf-broken-chromium-'));
  const path = join(dir, 'chromium');
  if (userInfo().uid === 0) {
    const real = chromiumExecutablePath();
    writeFileSync(
      path,
      `#!/bin/sh\nfor a in "$@"; do shift; [ "$a" = "--no-sandbox" ] || set -- "$@" "$a"; done\nexec "${real}" "$@"\n`,
    );
    chmodSync(path, 0o755);
    return { path, cause: /Running as root without --no-sandbox is not supported/ };
  }
  writeFileSync(path, 'not a program');
  chmodSync(path, 0o644);
  return { path, cause: /EACCES/ };
}

test('perf.lighthouse: logged-in audit, 2 parallel workers, budget breach, broken Chromium', {
  timeout: 240_000,
}, async () => {
  const server = await startLoginServer();
  const broken = brokenChromium();
  const p = createProject('lighthouse-fixture', {
    'playwright.config.ts': configTs({ extra: 'workers: 2, fullyParallel: true, timeout: 60_000,' }),
    'tests/lh.spec.ts': SPEC,
  });
  try {
    const out = await p.run([], { env: { APP_URL: server.url, BROKEN_CHROMIUM: broken.path }, timeoutMs: 220_000 });
    const log = out.stdout + out.stderr;
    assert.equal(out.exitCode, 1, log); // exactly the two tests that must fail
    const run = p.readRun();
    const by = Object.fromEntries(run.tests.map((t) => [t.title, t]));
    assert.equal(by['alice audits her account'].outcome, 'expected', log);
    assert.equal(by['bob audits his account at the same time'].outcome, 'expected', log);
    assert.equal(by['heavy page breaks the TBT budget'].outcome, 'unexpected', log);
    assert.equal(by['audit chromium cannot start'].outcome, 'unexpected', log);
    assert.equal(by['onError warn: a failed audit is a warning, the test goes on'].outcome, 'expected', log);
    const warned = by['onError warn: a failed audit is a warning, the test goes on'].results[0].perf;
    assert.match(warned?.errors?.find((e) => e.where === 'lighthouse')?.message ?? '', /did not start/);
    assert.equal(warned?.missing?.find((m) => m.metric === 'lighthouse')?.url, `${server.url}/login`);

    // Logged in, from the server's side: every page load Lighthouse made was authenticated.
    // The tests' own browser says "HeadlessChrome"; Lighthouse emulates a desktop Chrome user agent.
    const lhHits = server.hits.filter((h) => !/HeadlessChrome/.test(h.ua) && h.path !== '/favicon.ico');
    assert.ok(lhHits.length >= 3, JSON.stringify(server.hits));
    assert.deepEqual(
      lhHits.filter((h) => h.user === null),
      [],
      'Lighthouse made an unauthenticated request',
    );
    assert.ok(!lhHits.some((h) => h.path === '/login'), 'Lighthouse was redirected to /login');
    assert.deepEqual([...new Set(lhHits.map((h) => h.user))].sort(), ['alice', 'bob', 'carol']);

    // Results in the run record.
    const lh = (title: string): LighthouseResult => {
      const r = by[title].results[0].perf?.lighthouse?.[0];
      assert.ok(r, `no lighthouse result for ${title}`);
      return r!;
    };
    const alice = lh('alice audits her account');
    const bob = lh('bob audits his account at the same time');
    for (const r of [alice, bob]) {
      assert.equal(r.mode, 'navigation');
      assert.equal(r.formFactor, 'desktop');
      assert.match(r.lighthouseVersion, /^12\./);
      assert.ok(typeof r.scores.performance === 'number' && r.scores.performance >= 0 && r.scores.performance <= 100);
      for (const k of ['lcpMs', 'fcpMs', 'tbtMs', 'siMs', 'cls'] as const)
        assert.equal(typeof r.metrics[k], 'number', k);
      assert.ok(r.artifacts?.html && existsSync(r.artifacts.html), 'HTML report saved');
      assert.ok(r.artifacts?.json && existsSync(r.artifacts.json), 'JSON report saved');
    }
    assert.equal(bob.name, 'bob');
    // Serialized: the two audits (which the tests started at the same time) did not overlap.
    const [first, second] = [alice, bob].sort((a, b) => a.startTime - b.startTime);
    assert.ok(
      first.startTime + first.durationMs <= second.startTime + 50,
      `audits overlapped: ${first.startTime}+${first.durationMs} vs ${second.startTime}`,
    );
    // …and they were requested at the same time: the second one waited for the first's lock.
    assert.ok(
      (second.phasesMs?.lockWaitMs ?? 0) > 1000,
      `second audit did not wait: ${JSON.stringify(second.phasesMs)}`,
    );
    const attached = by['alice audits her account'].results[0].attachments.map((a) => a.name);
    assert.ok(attached.includes('lighthouse-1.html') && attached.includes('lighthouse-1.json'), attached.join(','));

    // Budget breach: readable message, and the measured TBT reflects the injected block.
    const heavy = lh('heavy page breaks the TBT budget');
    assert.ok(
      (heavy.metrics.tbtMs ?? 0) >= HEAVY_BLOCK_MS * 0.6,
      `TBT ${heavy.metrics.tbtMs} for an ${HEAVY_BLOCK_MS} ms block`,
    );
    const tbt = heavy.thresholds?.find((t) => t.key === 'tbtMs');
    assert.equal(tbt?.ok, false);
    assert.equal(heavy.thresholds?.find((t) => t.key === 'performance')?.ok, true);
    const heavyError = by['heavy page breaks the TBT budget'].results[0].errors.map((e) => e.message).join('\n');
    assert.match(heavyError, /Lighthouse budget not met for http:\/\/127\.0\.0\.1:\d+\/heavy/);
    assert.match(heavyError, /TBT \d+ ms > 200 ms/);
    assert.doesNotMatch(heavyError, /performance score/); // the met threshold is not listed

    // Broken Chromium: the real cause, not a bare ECONNREFUSED.
    const brokenError = by['audit chromium cannot start'].results[0].errors.map((e) => e.message).join('\n');
    assert.match(brokenError, /Chromium for the Lighthouse audit did not start/);
    assert.match(brokenError, broken.cause);
  } finally {
    p.cleanup();
    await server.close();
  }
});
