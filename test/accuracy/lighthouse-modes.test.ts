// Snapshot and timespan audits (Lighthouse user-flow API) of the logged-in page, driven by the test
// through Playwright while Lighthouse observes the same tab through Puppeteer. Known truths: the
// "More" click handler blocks CLICK_BLOCK_MS (→ INP of the timespan) and adds MORE_ROWS elements
// (→ DOM size seen by the snapshot after `prepare`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProject, configTs } from '../helpers/inline-project';
import { startLoginServer, CLICK_BLOCK_MS, MORE_ROWS } from '../helpers/login-server';

const SPEC = `import { test, expect } from 'playwright-perf';
async function login(page, name) {
  await page.goto(process.env.APP_URL + '/login');
  await page.getByLabel('User').fill(name);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/account');
}

test('timespan of a click', async ({ page, perf }) => {
  await login(page, 'erin');
  const r = await perf.lighthouse.timespan(page, async (auditPage) => {
    await expect(auditPage.locator('#who')).toContainText('Logged in as erin');
    await auditPage.getByRole('button', { name: 'More' }).click();
    await expect(auditPage.getByText('row ${MORE_ROWS - 1}')).toBeVisible();
  }, { formFactor: 'desktop', throttling: 'provided' });
  console.log('TIMESPAN', JSON.stringify({ mode: r.mode, inp: r.metrics.inpMs, cls: r.metrics.cls, tbt: r.metrics.tbtMs }));
});

test('snapshot after prepare', async ({ page, perf }) => {
  await login(page, 'frank');
  const r = await perf.lighthouse.snapshot(page, {
    categories: ['performance', 'accessibility'],
    prepare: async (auditPage) => { await auditPage.getByRole('button', { name: 'More' }).click(); },
  });
  console.log('SNAPSHOT', JSON.stringify({ mode: r.mode, url: r.lhr.finalDisplayedUrl, a11y: r.scores.accessibility,
    dom: r.lhr.audits['dom-size']?.numericValue }));
});
`;

test('perf.lighthouse.timespan / .snapshot on the logged-in page', { timeout: 180_000 }, async () => {
  const server = await startLoginServer();
  const p = createProject('lighthouse-modes', {
    'playwright.config.ts': configTs({ extra: 'workers: 1, timeout: 60_000,' }),
    'tests/modes.spec.ts': SPEC,
  });
  try {
    const out = await p.run([], { env: { APP_URL: server.url }, timeoutMs: 170_000 });
    const log = out.stdout + out.stderr;
    assert.equal(out.exitCode, 0, log);
    const ts = JSON.parse(/TIMESPAN (.*)/.exec(out.stdout)![1]);
    assert.equal(ts.mode, 'timespan');
    assert.ok(
      ts.inp >= CLICK_BLOCK_MS && ts.inp < CLICK_BLOCK_MS + 1500,
      `INP ${ts.inp} for a ${CLICK_BLOCK_MS} ms handler`,
    );
    assert.equal(typeof ts.tbt, 'number');
    const snap = JSON.parse(/SNAPSHOT (.*)/.exec(out.stdout)![1]);
    assert.equal(snap.mode, 'snapshot');
    assert.equal(snap.url, `${server.url}/account`);
    assert.ok(snap.a11y >= 0 && snap.a11y <= 100);
    assert.ok(snap.dom >= MORE_ROWS, `DOM size ${snap.dom}: prepare's click not seen`);
    // Run record: both results, with their modes.
    const run = p.readRun();
    const modes = run.tests
      .flatMap((t) => t.results[0].perf?.lighthouse ?? [])
      .map((r) => r.mode)
      .sort();
    assert.deepEqual(modes, ['snapshot', 'timespan']);
    // The audit pages were logged in: no request of the audit browser was redirected to /login.
    const loginHits = server.hits.filter((h) => h.path === '/login' && h.method === 'GET');
    assert.equal(loginHits.length, 2, JSON.stringify(loginHits)); // only the two tests' own logins
  } finally {
    p.cleanup();
    await server.close();
  }
});
