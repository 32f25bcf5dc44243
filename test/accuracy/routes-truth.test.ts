// Route changes of a single-page app (test/helpers/spa-server.ts) measured without test code: ONE
// real Playwright run, two projects — 'plain' (Chromium as shipped: no soft-navigation entries) and
// 'softnav' (soft-navigation heuristics switched on, when this Chromium has them) — and every
// assertion reads run.json. A route whose data the server really held D ms must read ≥ D; and
// against the app's own record of the change (T = its input or call → its view rendered, which
// holds D plus the input-to-click gap, the request and the rendering), ≥ T and at most
// T + max(5 %, 15 ms) + one frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { createProject, configTs, type InlineProject } from '../helpers/inline-project';
import { startSpaServer, SPA_BUSY_MS, type SpaServer } from '../helpers/spa-server';
import type { RouteChangeMetric, RunRecord, TestRecord } from '../../src/types';
import { analyzeRun as analyze } from '../../src/analyze/run';
import { compactRun } from '../../src/analyze/history/compact-run';
import { launch, openReport } from '../helpers/report-page';

const FRAME_MS = 1000 / 60;
const tol = (truth: number) => Math.max(0.05 * truth, 15) + FRAME_MS;
/** Scheduling slack on an overloaded machine (load above 2 per core), as in fixtures-truth. */
const loadFactor = () => Math.max(1, loadavg()[0] / (2 * cpus().length));

const SPEC = `import { test, expect } from 'playwright-perf';
import { appendFileSync } from 'node:fs';
const U = process.env.SPA_URL;
// The app's own record of when each route change started and its view was rendered (one worker).
test.afterEach(async ({ page }, testInfo) => {
  const views = await page.evaluate(() => window.__spaTruth ?? []);
  const line = { project: testInfo.project.name, title: testInfo.title, views };
  appendFileSync(process.env.SPA_TRUTH_FILE, JSON.stringify(line) + '\\n');
});
test('history routing', async ({ page }) => {
  await page.goto(U + '/');
  await expect(page.locator('#view h1')).toHaveText('home');
  await test.step('open document', async () => {
    await page.click('#to-doc');
    await expect(page.locator('#view h1')).toHaveText('documents 42');
  });
  await test.step('open template', async () => {
    await page.click('#to-tpl');
    await expect(page.locator('#view h1')).toHaveText('templates 7');
    await expect(page.locator('#banner')).toBeVisible();
    await page.click('#busy');
  });
  await test.step('go back', async () => {
    await page.goBack();
    await expect(page.locator('#view h1')).toHaveText('documents 42');
  });
});
test('hash routing', async ({ page }) => {
  await page.goto(U + '/hash');
  await page.click('#to-report');
  await expect(page.locator('#view h1')).toHaveText('reports 9');
});
test('programmatic', async ({ page }) => {
  await page.goto(U + '/');
  await expect(page.locator('#view h1')).toHaveText('home');
  await page.evaluate(() => window.app.go('/settings/3'));
  await expect(page.locator('#view h1')).toHaveText('settings 3');
});
test('ends with the data still loading', async ({ page }) => {
  await page.goto(U + '/');
  await page.click('#to-tpl');
});
`;

let server: SpaServer;
let project: InlineProject;
let run: RunRecord;
let output = '';
let truthFile = '';

before(async () => {
  server = await startSpaServer();
  project = createProject('routes-truth', {
    'playwright.config.ts': configTs({
      extra: `workers: 1, projects: [
        { name: 'plain' },
        { name: 'softnav', use: { launchOptions: require('playwright-perf').chromiumLaunchOptions({
          args: ['--enable-blink-features=SoftNavigationHeuristics'] }) } },
      ],`,
    }),
    'tests/spa.spec.ts': SPEC,
  });
  truthFile = join(project.dir, 'spa-truth.jsonl');
  const out = await project.run([], { env: { SPA_URL: server.url, SPA_TRUTH_FILE: truthFile }, timeoutMs: 120_000 });
  output = out.stdout + out.stderr;
  assert.equal(out.exitCode, 0, output);
  run = project.readRun();
});

after(async () => {
  if (process.env.KEEP_TMP) console.log('project kept in', project?.dir);
  await server?.close();
  project?.cleanup();
});

function testOf(title: string, projectName: string): TestRecord {
  const t = run.tests.find((x) => x.title === title && x.project === projectName);
  assert.ok(t, `test "${title}" (${projectName}) in run.json`);
  return t;
}
function routesOf(title: string, projectName: string): RouteChangeMetric[] {
  const r = testOf(title, projectName).results.at(-1)!;
  assert.deepEqual(r.perf?.errors ?? [], [], JSON.stringify(r.perf?.errors));
  return r.perf?.routes ?? [];
}
/** How long the server really held the data request this route change made: the first request for
 *  its pattern that arrived after the change started. */
function heldFor(rc: RouteChangeMetric, key = rc.route): number {
  const e = server.log
    .filter((x) => x.route === key && x.receivedAt >= rc.startTime - 2)
    .sort((a, b) => a.receivedAt - b.receivedAt)[0];
  assert.ok(e, `no data request for ${key} after ${rc.startTime}: ${JSON.stringify(server.log)}`);
  return e.heldMs;
}
interface ViewTruth {
  route: string;
  startAt: number;
  renderedAt: number;
}
/** What the app recorded for a test: each route view it rendered, in order. */
function viewsOf(title: string, projectName: string): ViewTruth[] {
  const lines = readFileSync(truthFile, 'utf8').trim().split('\n');
  const mine = lines.map((l) => JSON.parse(l)).find((l) => l.project === projectName && l.title === title);
  assert.ok(mine, `the app's record of "${title}" (${projectName}) in ${truthFile}`);
  return mine.views;
}
/** A route change against two truths: the data the server held (D) and the app's own record of
 *  when the change started and its view was rendered (T = input or call → last DOM change, which
 *  also holds the input-to-click gap, the request and the rendering that D leaves out). */
function assertWithin(r: RouteChangeMetric, held: number, view: ViewTruth, what: string): void {
  assert.ok(r.complete, `${what}: complete ${JSON.stringify(r)}`);
  const slack = loadFactor();
  // Input: the same pointerdown. A call: the URL changes (history.back's navigate) a little before
  // the app's popstate or its own code sees it.
  const offset = r.startTime - view.startAt;
  assert.ok(
    r.cause === 'input' ? Math.abs(offset) <= 1 : offset <= 2 && offset >= -20 * slack,
    `${what}: started at ${r.startTime}, the app saw ${view.startAt.toFixed(1)}`,
  );
  const truth = view.renderedAt - view.startAt;
  assert.ok(r.durationMs >= held, `${what}: ${r.durationMs} ms < data held ${held.toFixed(1)} ms`);
  assert.ok(r.durationMs >= truth, `${what}: ${r.durationMs} ms < rendered after ${truth.toFixed(1)} ms`);
  assert.ok(
    r.durationMs <= truth + tol(truth) * slack,
    `${what}: ${r.durationMs} ms > ${truth.toFixed(1)} + ${tol(truth).toFixed(1)} ms (held ${held.toFixed(1)} ms)`,
  );
}

for (const projectName of ['plain', 'softnav']) {
  test(`${projectName}: history routing — pushState by click, popstate by back; ids collapsed; step attributed`, () => {
    const routes = routesOf('history routing', projectName);
    assert.deepEqual(
      routes.map((r) => [r.route, r.trigger, r.cause]),
      [
        ['/documents/:id', 'push', 'input'],
        ['/templates/:id', 'push', 'input'],
        ['/documents/:id', 'traverse', 'call'],
      ],
      JSON.stringify(routes),
    );
    const views = viewsOf('history routing', projectName);
    assert.deepEqual(
      views.map((v) => v.route),
      routes.map((r) => r.route),
    );
    assertWithin(routes[0], heldFor(routes[0]), views[0], 'document (click)');
    assertWithin(routes[1], heldFor(routes[1]), views[1], 'template (click)');
    assertWithin(routes[2], heldFor(routes[2]), views[2], 'document (back)');
    assert.equal(routes[0].from, '/');
    assert.equal(routes[1].from, '/documents/:id');
    assert.match(routes[0].url, /\/documents\/42$/);
    // Input-caused: timed from the interaction's first event.
    assert.equal(routes[0].inputType, 'pointerdown');
    // Layout shift, long task and INP belong to the template route only.
    assert.ok(routes[1].cls > 0.01 && routes[1].layoutShifts >= 1, JSON.stringify(routes[1]));
    assert.ok(
      routes[1].longTasks.count >= 1 && routes[1].longTasks.maxMs >= SPA_BUSY_MS - 1,
      JSON.stringify(routes[1].longTasks),
    );
    assert.ok((routes[1].inpMs ?? 0) >= SPA_BUSY_MS, `template INP ${routes[1].inpMs}`);
    assert.ok(
      routes[1].cls > routes[0].cls + 0.01,
      `banner shift on the template route: ${routes[1].cls} vs ${routes[0].cls}`,
    );
    // Other routes may see ordinary tasks over 50 ms on a loaded machine, never the 200 ms block.
    assert.ok(
      routes[0].longTasks.maxMs < SPA_BUSY_MS && routes[2].longTasks.maxMs < SPA_BUSY_MS,
      JSON.stringify(routes),
    );
    // The analysis ties each route to the step that triggered it.
    const a = analyze(run);
    const mine = a.routes!.slowest!.filter((s) => s.testId === testOf('history routing', projectName).id);
    const step = (route: string, trigger: string) => mine.find((s) => s.route === route && s.trigger === trigger)?.step;
    assert.match(step('/documents/:id', 'push') ?? '', /Click/);
    assert.match(step('/documents/:id', 'traverse') ?? '', /Go back/i);
  });

  test(`${projectName}: hash routing and a programmatic change`, () => {
    const [hash] = routesOf('hash routing', projectName);
    assert.equal(hash.route, '/hash#/reports/:id');
    assert.equal(hash.trigger, 'hash');
    assert.equal(hash.cause, 'input');
    assertWithin(hash, heldFor(hash, '#/reports/:id'), viewsOf('hash routing', projectName)[0], 'hash route');
    const [prog] = routesOf('programmatic', projectName);
    assert.equal(prog.route, '/settings/:id');
    assert.equal(prog.cause, 'call');
    assert.equal(prog.sources.start, 'call');
    assertWithin(prog, heldFor(prog), viewsOf('programmatic', projectName)[0], 'programmatic');
  });

  test(`${projectName}: a route still loading when the test ends is recorded as incomplete`, () => {
    const [r] = routesOf('ends with the data still loading', projectName);
    assert.equal(r.route, '/templates/:id');
    assert.equal(r.complete, false);
    assert.equal(r.endReason, 'test-end');
  });
}

test('sources: soft-navigation entries are used when this Chromium provides them, never otherwise', () => {
  const plain = run.tests.filter((t) => t.project === 'plain').flatMap((t) => t.results.at(-1)!.perf?.routes ?? []);
  for (const r of plain) {
    assert.notEqual(r.sources.start, 'soft-navigation');
    assert.equal(r.sources.detect, 'navigation-api');
    assert.equal(r.sources.end, 'frames');
  }
  const soft = run.tests.filter((t) => t.project === 'softnav').flatMap((t) => t.results.at(-1)!.perf?.routes ?? []);
  const withEntry = soft.filter((r) => r.sources.start === 'soft-navigation');
  // Every change Chromium reported as a soft navigation carries its first paint.
  for (const r of withEntry) {
    assert.equal(r.sources.firstPaint, 'soft-navigation');
    assert.ok(r.firstPaintMs! >= 0 && r.firstPaintMs! <= r.durationMs + FRAME_MS, JSON.stringify(r));
  }
  assert.ok(withEntry.length >= 1, `no soft-navigation source in ${JSON.stringify(soft.map((r) => r.sources))}`);
});

test('per-route distributions in the analysis and route series in history', () => {
  const a = analyze(run);
  const doc = a.routes!.perRoute.find((p) => p.route === '/documents/:id')!;
  assert.equal(doc.count, 4, 'two per project, complete ones only');
  assert.ok(doc.duration.p50 >= 600);
  const series = compactRun(run).metrics.filter((m) => m.metric === 'route.duration');
  const docSeries = series.find((m) => m.subject === '127.0.0.1/documents/:id' && m.project === 'plain');
  assert.equal(docSeries?.values.length, 2, JSON.stringify(series));
});

test('the HTML report lists every route pattern and the slowest route changes', async () => {
  const browser = await launch();
  try {
    const rp = await openReport(browser, project.file('perf-report/index.html'), { hash: '#/vitals' });
    const routes = await rp.page.locator('.routes-table tbody tr td:first-child').allTextContents();
    assert.deepEqual(new Set(routes), new Set(analyze(run).routes!.perRoute.map((p) => p.route)));
    assert.ok((await rp.page.locator('.routes-slowest tbody tr').count()) >= 1);
    assert.deepEqual([rp.pageErrors, rp.consoleErrors, rp.requests], [[], [], []]);
  } finally {
    await browser.close();
  }
});
