// Accuracy and robustness of the perf fixtures against a ground-truth server (test/helpers/
// truth-server.ts). ONE real Playwright run (two projects, two workers, retries) produces
// run.json; every assertion below reads it. Timing assertions are ranges around what really
// happened (server- and page-recorded truth), never exact values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { createProject, configTs, type InlineProject } from '../helpers/inline-project';
import { startTruthServer, expectedShiftCls, type TruthServer } from '../helpers/truth-server';
import type { RunRecord, TestRecord, TestResultRecord } from '../../src/types';
import { rate } from '../../src/analyze/run/vitals';

/** Tolerance used by the issue: max(5 %, 15 ms). */
const tol = (truth: number) => Math.max(0.05 * truth, 15);
/** Scheduler latency grows with the run queue. On an overloaded machine (other test suites running
 *  on the same 2 cores; we measured load averages of 20–30) the parts of a bound that are pure
 *  scheduling delay (a timestamp taken when a busy process gets the CPU back) are widened by
 *  load ÷ (2 × cores); at normal load (CI running this suite alone) the factor is 1. */
const loadFactor = () => Math.max(1, loadavg()[0] / (2 * cpus().length));

const TRUTH_SPEC = `import { test, expect } from 'playwright-perf';
import { writeFileSync } from 'node:fs';
const U = process.env.TRUTH_URL;
const save = (name, data) => writeFileSync(process.env.TRUTH_DIR + '/' + name + '.json', JSON.stringify(data));

test('ttfb', async ({ page }) => {
  await page.goto(U + '/page?warm=1'); // the first navigation of a cold browser is not what we measure
  for (const id of ['ttfb-1', 'ttfb-2', 'ttfb-3', 'ttfb-4', 'ttfb-5']) await page.goto(U + '/page?ttfb=300&res=150&id=' + id);
  await page.locator('#title').click();
});
test('resolve', async ({ page }) => {
  await page.goto(U + '/page?late=250');
  // Warm-up: the first locator call on a document also pays Playwright's injected-script setup.
  await page.locator('#title').count();
  await page.evaluate(() => window.__armTruth());
  const clickAt = Date.now();
  await page.locator('#late').click();
  save('resolve', { clickAt, truth: await page.evaluate(() => window.__truth) });
});
test('actionability', async ({ page }) => {
  await page.goto(U + '/page?hidden=250');
  await page.locator('#title').count();
  await page.evaluate(() => window.__armTruth());
  const clickAt = Date.now();
  await page.locator('#hidden').click();
  save('hidden', { clickAt, truth: await page.evaluate(() => window.__truth) });
  await page.goto(U + '/page?disabled=250');
  await page.locator('#title').count();
  await page.evaluate(() => window.__armTruth());
  const clickAt2 = Date.now();
  await page.locator('#disabled').click();
  save('disabled', { clickAt: clickAt2, truth: await page.evaluate(() => window.__truth) });
});
test('cls', async ({ page }) => {
  await page.goto(U + '/page?shift=180');
  await page.waitForFunction(() => window.__truth.shiftedAt);
  await page.waitForTimeout(100);
});
test('inp and long task', async ({ page }) => {
  await page.goto(U + '/page?block=300');
  await page.locator('#block').click();
  save('block', await page.evaluate(() => window.__truth));
});
test('first paint after load', async ({ page }) => {
  // Ends as soon as the load event is reached: the content is painted 300 ms later.
  await page.goto(U + '/page?reveal=300');
});
test('user timings', async ({ page, perf }) => {
  perf.mark('before-goto');
  await page.goto(U + '/page?measure=hydrate');
  perf.measure('goto', 'before-goto');
  await perf.time('sleep', () => new Promise((r) => setTimeout(r, 120)));
});
`;

const ROBUST_SPEC = `import { test, expect } from 'playwright-perf';
const U = process.env.TRUTH_URL;

test('page throws', async ({ page }) => {
  await page.goto(U + '/page?throws=1');
  await page.locator('#title').click();
});
test('navigates away mid-measure', async ({ page }) => {
  await page.goto(U + '/page?shift=180&link=' + encodeURIComponent('/page?next=1'));
  await page.locator('#link').click();
  await page.waitForURL(/next=1/);
});
test('closes early', async ({ page }) => {
  // A render-blocking script held 3 s: nothing can paint before the test closes the page.
  await page.goto(U + '/page?res=3000', { waitUntil: 'commit' });
  await page.waitForTimeout(150);
  await page.close();
});
test.describe('no javascript', () => {
  test.use({ javaScriptEnabled: false });
  test('blocks the collector', async ({ page }) => {
    await page.goto(U + '/page');
    await expect(page.locator('#title')).toHaveText('truth page');
  });
});
test('own failure is reported as is', async ({ page }) => {
  await page.goto(U + '/page');
  expect(1, 'the user assertion').toBe(2);
});
test('flaky passes on retry', async ({ page }, testInfo) => {
  await page.goto(U + '/page');
  if (testInfo.retry === 0) throw new Error('first attempt fails');
});
test('bad options are warnings', async ({ page }) => {
  await page.goto(U + '/page');
});
test.describe('collectors off', () => {
  test.use({ perfOptions: { enabled: false } });
  test('attaches nothing', async ({ page }) => {
    await page.goto(U + '/page');
  });
});
`;

let server: TruthServer;
let project: InlineProject;
let run: RunRecord;
let truthDir: string;
let stdout = '';
let exitCode: number | null = null;

before(async () => {
  server = await startTruthServer();
  project = createProject('fixtures-truth', {
    'playwright.config.ts': configTs({
      extra: `workers: 2, retries: 1, projects: [
        { name: 'truth', testMatch: /truth\\.spec/ },
        // After 'truth', so the accuracy tests do not share the CPU with browser launches.
        { name: 'robust', testMatch: /robust\\.spec/, fullyParallel: true, dependencies: ['truth'], use: { perfOptions: { webVitals: true } } },
      ],`,
    }),
    'tests/truth.spec.ts': TRUTH_SPEC,
    'tests/robust.spec.ts': ROBUST_SPEC.replace(
      "test('bad options are warnings', async",
      "test.describe('bad', () => { test.use({ perfOptions: { nope: 1, webVitals: 'yes' } as any }); test('bad options are warnings', async",
    ).replace(/(test\('bad options are warnings'[\s\S]*?\n\}\);)/, '$1\n});'),
  });
  truthDir = join(project.dir, 'truth');
  mkdirSync(truthDir);
  const out = await project.run([], { env: { TRUTH_URL: server.url, TRUTH_DIR: truthDir }, timeoutMs: 180_000 });
  stdout = out.stdout + out.stderr;
  exitCode = out.exitCode;
  run = project.readRun();
});

after(async () => {
  if (process.env.KEEP_TMP) console.log('project kept in', project?.dir, JSON.stringify(server.log));
  await server?.close();
  project?.cleanup();
});

function byTitle(title: string, projectName?: string): TestRecord {
  const t = run.tests.find((x) => x.title === title && (!projectName || x.project === projectName));
  assert.ok(t, `test "${title}" in run.json`);
  return t;
}
function last(title: string): TestResultRecord {
  const t = byTitle(title);
  return t.results[t.results.length - 1];
}
function readTruth(name: string): any {
  return JSON.parse(readFileSync(join(truthDir, name + '.json'), 'utf8'));
}

test('outcomes are exactly what the tests themselves decide', () => {
  assert.equal(exitCode, 1, stdout);
  const expectedOutcomes: Record<string, string> = {
    ttfb: 'expected',
    resolve: 'expected',
    actionability: 'expected',
    cls: 'expected',
    'inp and long task': 'expected',
    'first paint after load': 'expected',
    'user timings': 'expected',
    'page throws': 'expected',
    'navigates away mid-measure': 'expected',
    'closes early': 'expected',
    'blocks the collector': 'expected',
    'own failure is reported as is': 'unexpected',
    'flaky passes on retry': 'flaky',
    'bad options are warnings': 'expected',
    'attaches nothing': 'expected',
  };
  for (const [title, outcome] of Object.entries(expectedOutcomes))
    assert.equal(byTitle(title).outcome, outcome, `${title}: ${stdout}`);
  const failure = last('own failure is reported as is');
  assert.match(failure.errors[0].message, /the user assertion/);
  // No perf error anywhere in the accuracy tests.
  for (const t of run.tests.filter((x) => x.project === 'truth')) {
    for (const r of t.results)
      assert.deepEqual(r.perf?.errors ?? [], [], `${t.title}: ${JSON.stringify(r.perf?.errors)}`);
  }
});

test("browser startup: per worker, cold then warm, > 0 and < wall time, agrees with Playwright's own steps", () => {
  const all = run.tests.flatMap((t) =>
    t.results.flatMap((r) => (r.perf?.startup ?? []).map((s) => ({ ...s, test: t.title, r }))),
  );
  const launches = all.filter((s) => s.phase === 'browserLaunch');
  const workers = new Set(run.tests.flatMap((t) => t.results.map((r) => r.workerIndex)));
  // One launch per worker process that opened a browser (a failed test restarts its worker).
  assert.ok(
    launches.length >= 2 && launches.length <= workers.size,
    `launches ${launches.length}, workers ${workers.size}`,
  );
  const find = (steps: TestResultRecord['steps'], title: string): TestResultRecord['steps'][number] | undefined => {
    for (const st of steps) {
      if (st.title === title) return st;
      const f = find(st.steps, title);
      if (f) return f;
    }
    return undefined;
  };
  const stepOf = {
    browserLaunch: 'Launch browser',
    contextCreate: 'Create context',
    pageCreate: 'Create page',
  } as const;
  const excess: Record<string, number[]> = {};
  for (const s of all) {
    assert.ok(s.durationMs > 0 && s.durationMs < run.wallTimeMs, JSON.stringify(s));
    assert.equal(s.workerIndex, s.r.workerIndex, 'attributed to the worker that paid it');
    // Playwright's own step for the same call is the truth. Our clock starts right before
    // Playwright's call and stops when the fixture gets the object back: never shorter than the step.
    const step = find(s.r.steps, stepOf[s.phase]);
    assert.ok(step, `${s.test}: step ${stepOf[s.phase]}`);
    assert.ok(s.durationMs >= step.durationMs - 2, `${s.test} ${s.phase}: ${s.durationMs} vs step ${step.durationMs}`);
    assert.ok(s.startTime <= step.startTime + 2, `${s.phase} start ${s.startTime} vs ${step.startTime}`);
    (excess[s.phase] ??= []).push(s.durationMs - step.durationMs);
  }
  // Longer by fixture bookkeeping only: event-loop latency handing the object back (single samples
  // reached 165 ms at load average 23 on 2 cores, so judge the median) and, for the context,
  // Playwright's ~30 per-test option fixtures set up between our clock and the call.
  for (const [phase, xs] of Object.entries(excess)) {
    const sorted = xs.sort((a, b) => a - b);
    const med = sorted[Math.floor((sorted.length - 1) / 2)];
    const bound = (phase === 'contextCreate' ? 100 : 30) * loadFactor();
    assert.ok(
      med <= bound,
      `${phase}: median excess over Playwright's step ${med} ms > ${bound} (load factor ${loadFactor()}; ${sorted.join(', ')})`,
    );
  }
  for (const l of launches) assert.equal(l.temperature, 'cold');
  const ctx = all.filter((s) => s.phase === 'contextCreate');
  assert.ok(ctx.some((s) => s.temperature === 'cold') && ctx.some((s) => s.temperature === 'warm'));
  // Within one worker, exactly one cold context.
  const coldPerWorker = new Map<number, number>();
  for (const s of ctx)
    if (s.temperature === 'cold') coldPerWorker.set(s.workerIndex, (coldPerWorker.get(s.workerIndex) ?? 0) + 1);
  for (const [w, n] of coldPerWorker) assert.equal(n, 1, `worker ${w}`);
});

test('navigation timing: TTFB matches the held response head; sub-resource counted', () => {
  const r = last('ttfb');
  // Six navigations to /page (query stripped): a warm-up, then five held ones. Each is compared
  // with the head delay the server really applied; the median error must be within tolerance
  // (single samples on a shared 2-core machine can be late by scheduler noise).
  const ids = ['ttfb-1', 'ttfb-2', 'ttfb-3', 'ttfb-4', 'ttfb-5'];
  const navs = [...(r.perf?.navigations ?? [])].sort((a, b) => a.startTime - b.startTime).slice(1);
  assert.equal(navs.length, ids.length, JSON.stringify(r.perf?.navigations));
  const truths = ids.map((id) => server.log.find((l) => l.path === '/page' && l.query.id === id)!.headDelayMs);
  const errors = navs.map((n, i) => n.ttfbMs - truths[i]).sort((a, b) => a - b);
  const d = truths[2];
  const mid = errors[2];
  assert.ok(
    mid >= -2 && mid <= tol(d) * loadFactor(),
    `ttfb median error ${mid} (errors ${errors.join(', ')}; truths ${truths.join(', ')}; load factor ${loadFactor()})`,
  );
  const nav = navs[0];
  assert.equal(nav.type, 'navigate');
  assert.equal(nav.httpStatus, 200);
  assert.ok(
    nav.loadMs >= nav.domContentLoadedMs &&
      nav.domContentLoadedMs >= nav.domInteractiveMs &&
      nav.domInteractiveMs > nav.ttfbMs,
  );
  assert.ok(nav.transferBytes > 0 && nav.decodedBodyBytes > 0);
  const script = nav.resources.byType.script;
  assert.ok(script && script.count === 1, JSON.stringify(nav.resources));
  const assetTruth = server.log.find((l) => l.path === '/asset.js' && l.query.delay === '150');
  assert.ok(
    assetTruth && script.durationMs >= assetTruth.headDelayMs - 2,
    `${script.durationMs} vs ${assetTruth?.headDelayMs}`,
  );
  // web-vitals' TTFB (navigation start → responseStart) includes the held head too.
  const vts = (r.perf?.vitals ?? [])
    .filter((v) => v.name === 'TTFB')
    .sort((a, b) => a.time - b.time)
    .slice(1);
  assert.equal(vts.length, ids.length);
  // Paired with the truth of the same navigation; web-vitals' TTFB starts at navigation start, so
  // it also holds the request set-up (≤ 20 ms locally).
  const vErrors = vts.map((v, i) => v.value - truths[i]).sort((a, b) => a - b);
  assert.ok(vErrors[2] >= -2 && vErrors[2] <= tol(d) * loadFactor() + 20, `vital TTFB errors ${vErrors.join(', ')}`);
  assert.equal(r.perf?.vitals?.find((v) => v.name === 'TTFB' && v.value >= d - 2)?.rating, 'good');
});

test('web vitals: FCP, LCP and CLS reported with rating; CLS equals the injected shift', () => {
  const r = last('cls');
  const byName = Object.fromEntries((r.perf?.vitals ?? []).map((v) => [v.name, v]));
  for (const n of ['TTFB', 'FCP', 'LCP', 'CLS']) assert.ok(byName[n], `${n} in ${JSON.stringify(r.perf?.vitals)}`);
  const expected = expectedShiftCls(180);
  assert.ok(Math.abs(byName.CLS.value - expected) <= 0.05 * expected, `CLS ${byName.CLS.value} vs ${expected}`);
  assert.equal(byName.CLS.rating, 'needs-improvement');
  assert.ok(byName.FCP.value > 0 && byName.LCP.value >= byName.FCP.value);
  assert.deepEqual(
    (r.perf?.missing ?? []).filter((m) => ['LCP', 'CLS', 'FCP', 'TTFB'].includes(m.metric)),
    [],
  );
});

test('web vitals: a test that ends before the first paint still gets FCP, LCP and CLS', () => {
  const r = last('first paint after load');
  const missing = (r.perf?.missing ?? []).filter((m) => ['LCP', 'CLS', 'FCP'].includes(m.metric));
  assert.deepEqual(missing, []);
  const nav = r.perf?.navigations?.find((n) => n.url.endsWith('/page'));
  assert.ok(nav, JSON.stringify(r.perf?.navigations));
  const fcp = r.perf?.vitals?.find((v) => v.name === 'FCP');
  assert.ok(fcp, JSON.stringify(r.perf?.vitals));
  // Revealed 300 ms after the load event; painted in the frame after (scheduler delay under load).
  const from = nav.loadMs + 300;
  assert.ok(
    fcp.value >= from - 2 && fcp.value <= from + (tol(300) + 50) * loadFactor(),
    `FCP ${fcp.value} vs load ${nav.loadMs} + 300 (load factor ${loadFactor()})`,
  );
  const lcp = r.perf?.vitals?.find((v) => v.name === 'LCP');
  assert.ok(lcp && lcp.value >= fcp.value, JSON.stringify(r.perf?.vitals));
});

test('long task and INP: a click that blocks the main thread for D ms', () => {
  const r = last('inp and long task');
  const truth = readTruth('block');
  const d = truth.blockedMs as number;
  const lt = r.perf?.longTasks?.find((l) => l.count > 0);
  assert.ok(lt, JSON.stringify(r.perf?.longTasks));
  // The task also holds the input event's dispatch around the handler (a few ms; scheduler delay under load).
  assert.ok(
    lt.maxMs >= d - 2 && lt.maxMs <= d + (tol(d) + 10) * loadFactor(),
    `long task ${lt.maxMs} vs ${d} (load factor ${loadFactor()})`,
  );
  assert.ok(lt.totalBlockingTimeMs >= d - 50 - 2);
  const inp = r.perf?.vitals?.find((v) => v.name === 'INP');
  assert.ok(inp, JSON.stringify(r.perf?.vitals));
  // INP = input delay + processing + presentation: at least the blocking time (lower bound).
  assert.ok(
    inp.value >= d - 8 && inp.value <= d + 250 * loadFactor(),
    `INP ${inp.value} vs ${d} (load factor ${loadFactor()})`,
  );
  // The rating follows web-vitals' INP thresholds (200/500 ms) for the value it measured.
  assert.equal(inp.rating, rate('INP', inp.value));
});

test('selector resolution: resolve time matches the late element (within one Playwright polling step)', () => {
  const r = last('resolve');
  const t = readTruth('resolve');
  const truth = t.truth.lateInsertedAt - t.clickAt;
  const lt = r.perf?.locators?.find((l) => l.selector.includes('#late'));
  assert.ok(lt, JSON.stringify(r.perf?.locators));
  assert.equal(lt.action, 'click');
  assert.equal(lt.kind, 'id');
  // Lower bound: nothing can match before the element exists. Upper bound: Playwright re-queries a
  // missing locator after waits of 0, 20, 50, 100, 100, 500 ms, so for a ~250 ms insertion the match
  // is seen at the first poll after it — one 100 ms step later — plus the round trip of each of the
  // ~5 polls before it, which reaches 30–40 ms per poll on a loaded 2-core machine (measured).
  assert.ok(
    lt.resolveMs >= truth - tol(truth) && lt.resolveMs <= truth + 100 + 5 * 40 * loadFactor() + tol(truth),
    `resolve ${lt.resolveMs} vs truth ${truth} (load factor ${loadFactor()})`,
  );
  const sum = lt.resolveMs + lt.actionabilityMs + lt.actionMs + (lt.navigationWaitMs ?? 0);
  assert.ok(Math.abs(sum - lt.totalMs) < 1, `${sum} vs ${lt.totalMs}`);
});

test('selector resolution: actionability wait matches an invisible, then a disabled element', () => {
  const r = last('actionability');
  for (const [name, key, sel] of [
    ['hidden', 'hiddenRevealedAt', '#hidden'],
    ['disabled', 'enabledAt', '#disabled'],
  ] as const) {
    const t = readTruth(name);
    const truth = t.truth[key] - t.clickAt;
    const lt = r.perf?.locators?.find((l) => l.selector.includes(sel));
    assert.ok(lt, JSON.stringify(r.perf?.locators));
    // The element was there from the start: the wait belongs to actionability, not to resolve.
    assert.ok(lt.resolveMs < truth, `${name} resolve ${lt.resolveMs} vs truth ${truth}`);
    assert.ok(
      lt.actionabilityMs >= truth - lt.resolveMs - tol(truth),
      `${name} actionability ${lt.actionabilityMs} vs truth ${truth}`,
    );
    assert.ok(lt.retries >= 1);
    // Actionability retries wait 0, 20, 100, 100, 500 ms between attempts: the element is seen
    // ready at the first attempt after it became ready — up to one 500 ms step later, plus the round
    // trip of each of the ~5 attempts (30–40 ms each on a loaded 2-core machine).
    const waited = lt.resolveMs + lt.actionabilityMs;
    assert.ok(
      waited >= truth - tol(truth) && waited <= truth + 500 + 5 * 40 * loadFactor() + tol(truth),
      `${name}: waited ${waited} vs truth ${truth} (load factor ${loadFactor()})`,
    );
  }
});

test('user timings from the test and the page', () => {
  const r = last('user timings');
  const ut = r.perf?.userTimings ?? [];
  const page = ut.find((u) => u.source === 'page' && u.name === 'hydrate');
  assert.ok(page && page.durationMs >= 49 && page.durationMs < 50 + 100, JSON.stringify(ut));
  const sleep = ut.find((u) => u.source === 'test' && u.name === 'sleep');
  assert.ok(sleep && sleep.durationMs >= 119 && sleep.durationMs < 120 + 100, JSON.stringify(sleep));
  assert.ok(ut.find((u) => u.source === 'test' && u.type === 'mark' && u.name === 'before-goto'));
  const goto = ut.find((u) => u.source === 'test' && u.name === 'goto');
  assert.ok(goto && goto.durationMs > 0);
});

test('runtime (CDP, Chromium) metrics are recorded', () => {
  const rt = last('cls').perf?.runtime ?? [];
  assert.ok(rt.length >= 1 && (rt[0].jsHeapUsedBytes ?? 0) > 0 && (rt[0].nodes ?? 0) > 0, JSON.stringify(rt));
});

test('must hold: throws, navigates away, closes early, blocked collector', () => {
  const throws = last('page throws');
  assert.ok(
    throws.perf?.vitals?.some((v) => v.name === 'FCP'),
    'a throwing page still reports',
  );
  const away = last('navigates away mid-measure');
  const navs = away.perf?.navigations ?? [];
  assert.equal(navs.length, 2, JSON.stringify(navs));
  const firstDocVitals = (away.perf?.vitals ?? []).filter((v) => v.time < navs[1].startTime);
  assert.ok(
    firstDocVitals.some((v) => v.name === 'FCP'),
    'first document flushed on pagehide',
  );
  const closed = last('closes early');
  for (const metric of ['navigation', 'FCP', 'LCP']) {
    assert.ok(
      closed.perf?.missing?.some((m) => m.metric === metric && /closed by the test/.test(m.reason)),
      JSON.stringify(closed.perf?.missing),
    );
  }
  const blocked = last('blocks the collector');
  for (const metric of ['FCP', 'LCP', 'CLS']) {
    assert.ok(
      blocked.perf?.missing?.some((m) => m.metric === metric && m.reason.length > 10),
      JSON.stringify(blocked.perf),
    );
  }
  const bad = last('bad options are warnings');
  assert.ok(
    bad.perf?.errors?.some((e) => /unknown perfOptions key "nope"/.test(e.message)),
    JSON.stringify(bad.perf?.errors),
  );
  assert.ok(bad.perf?.errors?.some((e) => /perfOptions.webVitals must be true or false/.test(e.message)));
  assert.equal(last('attaches nothing').perf, undefined);
  const flaky = byTitle('flaky passes on retry');
  assert.equal(flaky.results.length, 2);
  for (const r2 of flaky.results) assert.ok(r2.perf?.navigations?.length === 1, `attempt ${r2.retry}`);
});

test('our own calls never show up as test steps', () => {
  const titles = (steps: TestResultRecord['steps']): string[] => steps.flatMap((s) => [s.title, ...titles(s.steps)]);
  const all = run.tests.flatMap((t) => t.results.flatMap((r) => titles(r.steps)));
  assert.ok(
    !all.some((t) => /expose|init script|CDP|session/i.test(t)),
    all.filter((t) => /expose|init|cdp|session/i.test(t)).join(', '),
  );
  // The only Evaluate steps are the seven the specs make themselves (reading window.__truth).
  assert.equal(all.filter((t) => t === 'Evaluate').length, 7);
});

test('the analysis of the same run ties metrics to steps and aggregates them', () => {
  const a = project.readReport().analysis;
  assert.ok(
    a.startup && a.startup.perWorker.length >= 2 && a.startup.perWorker.every((w) => w.launchMs > 0 && w.testId),
  );
  const inp = a.vitals?.worst?.find((v) => v.name === 'INP');
  assert.ok(inp && /^Click/.test(inp.step ?? ''), JSON.stringify(a.vitals?.worst));
  assert.ok(
    a.navigation?.slowest?.some((n) => /^(Navigate|Click|Reload)/.test(n.step ?? '')),
    JSON.stringify(a.navigation?.slowest?.map((n) => n.step)),
  );
  const late = a.locators?.perLocator.find((l) => l.selector === "locator('#late')");
  assert.ok(late && late.count === 1 && late.resolve.max > 0);
  assert.ok(
    a.actions?.perKind.some((k) => k.kind === 'Click'),
    JSON.stringify(a.actions?.perKind.map((k) => k.kind)),
  );
  assert.ok(a.userTimings?.perName.some((u) => u.name === 'hydrate' && u.source === 'page'));
  assert.ok(a.runtime && a.runtime.perUrl.length >= 1);
});
