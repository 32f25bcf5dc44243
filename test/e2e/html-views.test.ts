// Opens generated reports from file:// in real Chromium: every view renders, charts have one mark
// per datum, the test list sorts/filters/searches (virtualised), test detail navigation works,
// Hebrew titles lay out RTL, themes switch, views without data say so. Screenshots go to
// test/.tmp/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderHtml } from '../../src/report/html/render-html';
import { buildViewModel } from '../../src/report/html/build-view-model';
import { TEST_COLS } from '../../src/report/html/view-model-types';
import { analyzeRun } from '../../src/analyze/run';
import { compactRun, runSeries } from '../../src/analyze/history/compact-run';
import { addHistoryToReport } from '../../src/report/history-stage';
import { MAX_TREND_SERIES, TREND_RUNS } from '../../src/store/record-run';
import type { JsonReport } from '../../src/types';
import { syntheticReport, syntheticRun } from '../helpers/synthetic-report';
import { launch, openReport, type ReportPage } from '../helpers/report-page';

const TMP = join(__dirname, '..', '.tmp', 'html-views');
const VIEWS = [
  'overview',
  'timeline',
  'tests',
  'slowest',
  'vitals',
  'locators',
  'flows',
  'startup',
  'trends',
  'lighthouse',
  'recommendations',
];
let browser: Browser;
const report = syntheticReport({ tests: 300, workers: 4, historyRuns: 20, seed: 3 });
const vm = buildViewModel(report);
const col = (c: (typeof TEST_COLS)[number]) => TEST_COLS.indexOf(c);
let file: string;
let rp: ReportPage;

before(async () => {
  mkdirSync(TMP, { recursive: true });
  file = join(TMP, 'report-300.html');
  writeFileSync(file, renderHtml(report));
  browser = await launch();
  rp = await openReport(browser, file);
});
after(async () => {
  await browser?.close();
});

const count = (sel: string) => rp.page.locator(sel).count();

test('every view renders without errors, requests or dialogs (light + dark screenshots)', async () => {
  for (const v of VIEWS) {
    await rp.view(`#/${v}`);
    assert.equal(await rp.page.locator(`main [data-view="${v}"]`).count(), 1, v);
    assert.equal(await rp.page.getByText('This view failed to render').count(), 0, v);
    await rp.screenshot(`synthetic-${v}`);
  }
  const dark = await openReport(browser, file, { colorScheme: 'dark', hash: '#/timeline' });
  await dark.screenshot('synthetic-timeline-dark');
  assert.deepEqual([...rp.pageErrors, ...dark.pageErrors, ...rp.consoleErrors, ...dark.consoleErrors], []);
  assert.deepEqual([...rp.requests, ...dark.requests], [], 'no network: works offline');
  await dark.page.context().close();
});

test('charts have one mark per datum', async () => {
  await rp.view('#/timeline');
  assert.equal(await count('[data-kind="attempt"]'), vm.attempts.length);
  assert.equal(await count('[data-kind="idle-gap"]'), vm.idleGaps.length);
  assert.ok(vm.idleGaps.length > 0, 'the factory makes some idle gaps');
  assert.equal(await count('.attempt.critical'), vm.critical!.attempts.length);
  assert.equal(await count('[data-kind="cpu-line"]'), 1);
  assert.equal(await count('[data-kind="memory-line"]'), 1);
  await rp.view('#/overview');
  assert.equal(await count('[data-kind="slowest-test"]'), 10);
  assert.equal(await count('[data-kind="run-breakdown"]'), vm.buckets.filter((b) => b > 0).length);
  await rp.view('#/trends');
  const shown = Math.min(120, vm.history!.trends.length);
  assert.equal(await count('.trend-card'), shown);
  assert.equal(
    await count('[data-kind="trend-point"]'),
    vm.history!.trends.slice(0, shown).reduce((n, t) => n + t.points.length, 0),
  );
  const regressions = vm.history!.trends.slice(0, shown).filter((t) => t.verdict === 'regression').length;
  assert.ok(regressions > 0);
  assert.equal(await count('.spark-dot.regressed'), regressions, 'each regressed series marks its last point');
  await rp.page.locator('[data-role="only-regressions"]').check();
  assert.equal(await count('.trend-card'), vm.history!.trends.filter((t) => t.verdict === 'regression').length);
  await rp.view('#/lighthouse');
  assert.equal(
    await count('[data-kind="lighthouse-score"]'),
    Object.keys(report.analysis.lighthouse!.results[0].scores).length,
  );
  // The saved full Lighthouse reports are linked (file:// URLs of their absolute paths).
  const lhArtifacts = report.analysis.lighthouse!.results[0].artifacts!;
  assert.deepEqual(
    await rp.page
      .locator('.lh-artifacts a.file-link')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
    [encodeURI('file://' + lhArtifacts.html), encodeURI('file://' + lhArtifacts.json)],
  );
  await rp.view('#/flows');
  assert.equal(await count('[data-kind="flow"]'), report.analysis.flows!.perFlow.length);
  assert.ok(
    (await rp.page.getByText('en→he').count()) > 0 && (await rp.page.getByText('he→en').count()) > 0,
    'language switch per direction',
  );
  await rp.view('#/vitals');
  assert.equal(await count('.vitals-table tbody tr'), report.analysis.vitals!.perUrl.length);
  await rp.view('#/startup');
  assert.equal(await count('[data-kind="startup"]'), report.analysis.startup!.perWorker.length * 3);
  await rp.view('#/recommendations');
  assert.equal(await count('.rec'), 3);
  assert.equal(await count('pre.diff .add'), 2);
});

async function visibleTitles(): Promise<string[]> {
  return rp.page.locator('.vt-body[data-kind="tests"] .vt-row .title').allTextContents();
}

test('test list: virtualised, sorts, filters, searches', async () => {
  await rp.view('#/tests');
  const rows = await count('.vt-body[data-kind="tests"] .vt-row');
  assert.ok(rows > 5 && rows < 80, `only visible rows exist (${rows} of 300)`);
  const byDur = [...vm.tests].sort((a, b) => (b[col('durationMs')] as number) - (a[col('durationMs')] as number));
  assert.deepEqual(
    (await visibleTitles()).slice(0, 3),
    byDur.slice(0, 3).map((t) => t[col('title')]),
  );
  await rp.page.locator('.vt-th[data-key="durationMs"]').click(); // now ascending
  const asc = await rp.page.locator('.vt-body[data-kind="tests"] .vt-row .dur-cell').allTextContents();
  assert.equal(await rp.page.locator('.vt-th[data-key="durationMs"]').getAttribute('aria-sort'), 'ascending');
  assert.ok(asc.length > 3);
  await rp.page.locator('.vt-th[data-key="title"]').click();
  const titles = await visibleTitles();
  assert.deepEqual(
    titles,
    [...titles].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)),
  );

  await rp.page.locator('[data-role="outcome"]').selectOption('failed');
  const failed = vm.tests.filter((t) => t[col('outcome')] === 1).length;
  assert.equal(await rp.page.locator('[data-role="count"]').textContent(), `${failed} of 300 tests`);
  assert.deepEqual(
    [...new Set(await rp.page.locator('.vt-body[data-kind="tests"] .badge').allTextContents())],
    ['failed'],
  );
  await rp.page.locator('[data-role="outcome"]').selectOption('all');

  await rp.page.locator('[data-role="search"]').fill('#123');
  await rp.page.waitForFunction(() => document.querySelector('[data-role="count"]')?.textContent?.startsWith('1 of'));
  assert.deepEqual(await visibleTitles(), [vm.tests[123][col('title')]]);
  await rp.page.locator('[data-role="search"]').fill('area-7-he.spec');
  const inFile = vm.tests.filter((t) => vm.strings[t[col('file')] as number] === 'tests/area-7-he.spec.ts').length;
  await rp.page.waitForFunction(
    (n) => document.querySelector('[data-role="count"]')?.textContent === `${n} of 300 tests`,
    inFile,
  );
  await rp.screenshot('synthetic-tests-search');
});

test('test detail: open from the list, step tree, previous/next in list order, Hebrew title is RTL', async () => {
  await rp.view('#/tests');
  await rp.page.locator('[data-role="search"]').fill('התחברות');
  const matches = vm.tests.filter((t) => String(t[col('title')]).includes('התחברות')).length;
  await rp.page.waitForFunction(
    (n) => document.querySelector('[data-role="count"]')?.textContent === `${n} of 300 tests`,
    matches,
  );
  const first = (await visibleTitles())[0];
  await rp.page.locator('.vt-body[data-kind="tests"] .vt-row').first().click();
  await rp.page.waitForSelector('body[data-ready="test"]');
  const title = rp.page.locator('[data-role="title"]');
  assert.equal(await title.textContent(), first);
  assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  const idx = Number(decodeURIComponent(await rp.page.evaluate(() => location.hash)).split('/')[2]);
  const d = vm.details[idx];
  assert.ok(d, 'detail embedded');
  const stepCount = (steps: unknown[]): number =>
    steps.reduce<number>((n, s) => n + 1 + stepCount(((s as unknown[])[7] || []) as unknown[]), 0);
  assert.equal(
    await count('.step-row'),
    d.attempts.reduce((n, a) => n + stepCount(a.steps), 0),
  );
  const hiddenBefore = await count('.step-row[hidden]');
  await rp.page.locator('.step-row[aria-expanded="true"]').first().click();
  assert.ok((await count('.step-row[hidden]')) > hiddenBefore, 'collapsing hides children');
  assert.ok((await count('[data-view="test"] table')) >= 3, 'navigations, vitals, locators tables');
  await rp.screenshot('synthetic-test-detail-hebrew');
  await rp.page.locator('[data-role="next"]').click();
  await rp.page.waitForFunction((i) => !location.hash.endsWith('/' + i), idx);
  const second = (await rp.page.locator('[data-role="title"]').textContent())!;
  assert.match(second, /התחברות/);
  assert.notEqual(second, first);
  // A Hebrew title in the list is isolated in its own RTL run.
  await rp.view('#/tests');
  const dir = await rp.page
    .locator('.vt-row bdi.title')
    .first()
    .evaluate((el) => getComputedStyle(el).direction);
  assert.equal(dir, 'rtl');
  await rp.page.locator('[data-role="search"]').fill('');
});

test('theme toggle switches light/dark and survives reload', async () => {
  const bg = () => rp.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await rp.page.locator('.theme-toggle').click();
  assert.equal(await rp.page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
  assert.notEqual(await bg(), light);
  await rp.page.reload();
  await rp.page.waitForSelector('body[data-ready]');
  assert.equal(await rp.page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
  await rp.page.locator('.theme-toggle').click();
  assert.equal(await bg(), light);
});

test('a report without optional sections: every view says so briefly', async () => {
  const run = syntheticRun({ tests: 6, seed: 9 });
  for (const t of run.tests)
    for (const r of t.results) {
      delete r.perf;
    }
  run.system = [];
  const bare = renderHtml({
    kind: 'playwright-perf-report',
    schemaVersion: 1,
    generatedAt: run.startedAt,
    run,
    analysis: analyzeRun(run),
  });
  const f = join(TMP, 'bare.html');
  writeFileSync(f, bare);
  const p = await openReport(browser, f);
  for (const v of VIEWS) {
    await p.view(`#/${v}`);
    assert.equal(await p.page.getByText('This view failed to render').count(), 0, v);
    if (!['overview', 'tests', 'slowest', 'timeline'].includes(v))
      assert.ok((await p.page.locator('.empty').count()) >= 1, `${v} says its data is absent`);
  }
  assert.deepEqual(p.pageErrors, []);
  await p.page.context().close();
});

test('10,000 tests: opens, filters and searches (compressed embedding)', async () => {
  const big = syntheticReport({ tests: 10_000, workers: 8, historyRuns: 0, seed: 5 }); // history has its own test above
  const f = join(TMP, 'report-10000.html');
  writeFileSync(f, renderHtml(big));
  const p = await openReport(browser, f, { hash: '#/tests' });
  assert.equal(await p.page.locator('[data-role="count"]').textContent(), '10,000 of 10,000 tests');
  assert.ok((await p.page.locator('.vt-row').count()) < 80);
  await p.page.locator('[data-role="search"]').fill('#9999');
  await p.page.waitForFunction(
    () => document.querySelector('[data-role="count"]')?.textContent === '1 of 10,000 tests',
  );
  await p.page.locator('.vt-row').first().click();
  await p.page.waitForSelector('body[data-ready="test"]');
  assert.ok((await p.page.locator('.step-row').count()) > 0, 'details read after first paint');
  await p.view('#/timeline');
  assert.equal(
    await p.page.locator('[data-kind="attempt"]').count(),
    big.run.tests.reduce((n, t) => n + t.results.length, 0),
  );
  await p.screenshot('synthetic-10000-timeline');
  assert.deepEqual(p.pageErrors, []);
  await p.page.context().close();
});

test('real history: from the 2nd run, Trends shows every series (unflagged too); payloads stay text', async () => {
  const dir = join(TMP, 'history');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const payload = ' <img src=x onerror="window.__pwned=1;alert(1)">';
  const T0 = Date.UTC(2026, 10, 1, 12);
  for (let k = 0; k < 3; k++) {
    const run = syntheticRun({ tests: 24, workers: 2, seed: 40 + k, startTime: T0 + k * 3_600_000, payload });
    run.runId = `trend-run-${k}`;
    const report: JsonReport = {
      kind: 'playwright-perf-report',
      schemaVersion: 1,
      generatedAt: run.startedAt,
      run,
      analysis: analyzeRun(run),
    };
    await addHistoryToReport(report, { options: { history: { path: 'history.json' } }, rootDir: dir });
    assert.deepEqual(
      run.errors.filter((e) => e.where.startsWith('store')),
      [],
      'history stage ran cleanly',
    );
    const f = join(dir, `report-${k}.html`);
    writeFileSync(f, renderHtml(report));
    const p = await openReport(browser, f, { hash: '#/trends' });
    const vmK = buildViewModel(report);
    if (k === 0) {
      assert.equal(vmK.history, undefined, 'one run: nothing to compare yet');
      assert.equal(await p.page.getByText('first run in history').count(), 1);
      await p.page.context().close();
      continue;
    }
    // Every series of this run with values has a trend (up to the cap), every metric included.
    const series = runSeries(compactRun(run)).filter((x) => x.values.length);
    const trends = vmK.history!.trends;
    assert.equal(trends.length, Math.min(MAX_TREND_SERIES, series.length));
    assert.deepEqual(new Set(trends.map((t) => t.metric)), new Set(series.map((x) => x.metric)));
    assert.ok(trends.every((t) => t.points.length >= 1 && t.points.length <= Math.min(k + 1, TREND_RUNS)));
    const unflagged = trends.filter((t) => t.verdict !== 'regression' && t.verdict !== 'improvement');
    assert.ok(unflagged.length > 0, 'series without a significant change get a trend too');
    const shown = trends.slice(0, 120);
    assert.equal(await p.page.locator('.trend-card').count(), shown.length);
    const dots = p.page.locator('.sparkline [data-kind="trend-point"]');
    assert.equal(
      await dots.count(),
      shown.reduce((n, t) => n + t.points.length, 0),
    );
    const plain = await p.page
      .locator('.trend-card:not([data-verdict="regression"]):not([data-verdict="improvement"])')
      .count();
    assert.equal(plain, shown.filter((t) => t.verdict !== 'regression' && t.verdict !== 'improvement').length);
    await p.screenshot(`history-trends-${k + 1}-runs`);
    // A test that passed in every run so far has one point per run, linked to its detail page.
    const steady = trends.find((t) => t.metric === 'test.duration' && t.points.length === k + 1);
    assert.ok(steady, 'a test passed in every run');
    await p.page.locator('[data-role="trend-search"]').fill(steady.subject.split(' › ').pop()!.trim());
    const card = p.page.locator('.trend-card').filter({ hasText: 'test.duration' }).first();
    assert.equal(await card.locator('[data-kind="trend-point"]').count(), k + 1);
    await card.locator('a[href^="#/test/"]').click();
    await p.page.waitForSelector('body[data-ready="test"]');
    assert.equal(await dots.count(), k + 1, 'the test page has its duration trend');
    const audit = await p.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('img, iframe, script:not([type="application/json"])').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => a.name.startsWith('on')),
      ).length,
    }));
    assert.deepEqual(audit, { pwned: undefined, injected: 1, handlers: 0 }, 'only our script, nothing injected');
    assert.deepEqual([...p.pageErrors, ...p.consoleErrors, ...p.dialogs, ...p.requests], []);
    await p.screenshot(`history-test-trend-${k + 1}-runs`);
    await p.page.context().close();
  }
});
