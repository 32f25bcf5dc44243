// The dashboard in real Chromium, served by `playwright-perf serve` (the CLI, port 0) over a history
// of 36 recorded runs: every view renders, filters and pickers change the URL and the data, links
// lead to runs and tests, no console errors — and a test title full of script payloads is shown as
// text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../src/browser/resolve-chromium';
import { buildServeHistory, XSS_TITLE, type ServeHistory } from '../helpers/serve-history';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

let dir: string;
let history: ServeHistory;
let server: ServeProcess;
let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pp-serve-dash-'));
  history = await buildServeHistory(dir, 36);
  server = await startServeProcess(['--history', history.file]);
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:'))
      problems.push(`request off-origin: ${r.url()}`);
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for the view `id` to be on screen after an action that changes the route. */
async function shows(id: string, action: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => document.body.removeAttribute('data-ready'));
  await action();
  await page.waitForSelector(`body[data-ready="${id}"]`, { timeout: 15_000 });
}

const hashOf = () => page.evaluate(() => decodeURIComponent(location.hash));

test('runs: figures, charts, filters by branch and status (in the URL), a run page', async () => {
  await shows('runs', () => page.goto(server.url));
  assert.equal(await page.locator('[data-kind="wall-point"]').count(), 36);
  assert.equal(await page.locator('.runs-table tbody tr').count(), 36);
  await shows('runs', () => page.selectOption('[data-role="branch"]', 'feature/x'));
  assert.equal(await hashOf(), '#/runs/branch=feature/x');
  const branches = await page.locator('.runs-table tbody tr td:nth-child(3)').allTextContents();
  assert.ok(branches.length > 0 && branches.every((b) => b === 'feature/x'), branches.join());
  await shows('runs', () => page.goto(server.url + '#/runs/status=failed'));
  const statuses = await page.locator('.runs-table tbody tr td:nth-child(4)').allTextContents();
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'failed'), statuses.join());
  await shows('run', () => page.locator('[data-role="run-link"]').first().click());
  assert.match(await hashOf(), /^#\/run\/run-/);
  assert.ok((await page.locator('.findings-table tbody tr').count()) > 0);
});

test('a run with the regression, then that test’s history page', async () => {
  await shows('run', () => page.goto(`${server.url}#/run/${history.runIds[30]}`));
  const row = page.locator('.findings-table tbody tr', { hasText: 'feature 5' });
  assert.match((await row.first().textContent()) ?? '', /regression/);
  await shows('test', () => row.first().locator('[data-role="test-link"]').click());
  assert.equal(await page.locator('[data-role="test-title"]').textContent(), history.regressedSubject);
  assert.equal(await page.locator('[data-kind="test-duration-point"]').count(), 36);
});

test('trends: metric picker, series cards, subject search', async () => {
  await shows('trends', () => page.goto(server.url + '#/trends'));
  assert.equal(await page.locator('[data-role="trend-card"]').count(), 12);
  assert.match(
    (await page.locator('[data-role="trend-card"]').first().textContent()) ?? '',
    /feature 5/,
    'the regressed test changed most',
  );
  await shows('trends', () => page.selectOption('[data-role="metric"]', 'vital.LCP'));
  assert.equal(await hashOf(), '#/trends/vital.LCP');
  assert.equal(await page.locator('[data-role="trend-card"]').count(), 1);
  await shows('trends', () => page.goto(server.url + '#/trends/test.duration'));
  await shows('trends', async () => {
    await page.fill('[data-role="trend-search"]', 'area-1');
    await page.press('[data-role="trend-search"]', 'Enter');
  });
  const cards = await page.locator('[data-role="trend-card"] .trend-head').allTextContents();
  assert.ok(cards.length === 4 && cards.every((c) => c.includes('area-1')), cards.join(' | '));
});

test('flaky & slowest: tables, window, search', async () => {
  await shows('tests', () => page.goto(server.url + '#/tests'));
  assert.match((await page.locator('.flaky-table tbody tr').first().textContent()) ?? '', /feature 7/);
  assert.ok((await page.locator('.slowest-table tbody tr').count()) >= 12);
  await shows('tests', () => page.selectOption('[data-role="window"]', '10'));
  assert.equal(await hashOf(), '#/tests/window=10');
  // Over the last 10 runs feature 5 (2.5× slower for 6 of them) is among the two slowest; over 30 it was not.
  const top2 = (await page.locator('.slowest-table tbody tr').allTextContents()).slice(0, 2).join(' | ');
  assert.match(top2, /feature 5/);
  assert.match(top2, /10$/, 'each median over 10 runs');
  await shows('tests', async () => {
    await page.fill('[data-role="test-search"]', 'feature 1');
    await page.press('[data-role="test-search"]', 'Enter');
  });
  assert.equal(await page.locator('[data-role="search-results"] li').count(), 3);
});

test('compare two runs picked in the page', async () => {
  await shows('compare', () => page.goto(server.url + '#/compare'));
  assert.ok((await page.locator('.compare-table tbody tr').count()) > 0);
  await shows('compare', () => page.selectOption('[data-role="base"]', history.runIds[28]));
  await shows('compare', () => page.selectOption('[data-role="head"]', history.runIds[31]));
  assert.equal(await hashOf(), `#/compare/${history.runIds[28]}/${history.runIds[31]}`);
  assert.match((await page.locator('.compare-table tbody tr').first().textContent()) ?? '', /feature 5/);
});

test('gate & alerts, status filter', async () => {
  await shows('alerts', () => page.goto(server.url + '#/alerts'));
  assert.ok((await page.locator('.gate-table tbody tr', { hasText: 'fail' }).count()) > 0);
  const all = await page.locator('.alerts-table tbody tr').count();
  assert.ok(all > 0);
  await shows('alerts', () => page.selectOption('[data-role="alert-status"]', 'resolved'));
  assert.equal(await page.locator('.alerts-table tbody tr').count(), 0);
});

test('script payloads in test titles and step names are shown as text, never run', async () => {
  await shows('test', () => page.goto(`${server.url}#/test/chromium/${encodeURIComponent(history.xssSubject)}`));
  assert.equal(await page.locator('[data-role="test-title"]').textContent(), history.xssSubject);
  await shows('trends', () => page.goto(server.url + '#/trends/step.duration'));
  assert.ok(((await page.locator('[data-role="trend-card"]').first().textContent()) ?? '').includes(XSS_TITLE));
  await shows('tests', () => page.goto(server.url + '#/tests/search=xss'));
  await shows('runs', () => page.goto(server.url + '#/runs'));
  const audit = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src')),
    foreign: Array.from(document.querySelectorAll('img,iframe,object,embed,svg[onload],[onerror],[onload]')).map((e) =>
      e.outerHTML.slice(0, 80),
    ),
  }));
  assert.deepEqual(audit, { pwned: undefined, scripts: ['/dashboard.js'], foreign: [] });
});

test('no console errors, page errors, dialogs or off-origin requests in any view', () => {
  assert.deepEqual(problems, []);
});
