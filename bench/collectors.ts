// Overhead of the perf collectors. On a shared, noisy machine whole-run A/B comparisons drown in
// load drift (we saw the same suite take 25–63 s minutes apart), so variants are interleaved
// INSIDE one Playwright run: round i runs the same test body once per variant, back to back, in a
// rotated order (1 worker, serial), and each variant is compared with the "off" test of the same
// round (paired). Reported: median per-test ratio and added ms per test, and Σ test time ratio.
// Run: `node scripts/build.mjs && node --import tsx bench/collectors.ts [rounds]` (default 12).
// Numbers, not assertions.
import { createProject, configTs } from '../test/helpers/inline-project';
import { startTruthServer } from '../test/helpers/truth-server';

const ROUNDS = Number(process.argv[2] ?? process.env.BENCH_ROUNDS ?? 12);

/** "page" = the in-page script (navigation, vitals, long tasks, routes, page measures) + flush. */
const OFF = {
  startup: false,
  navigation: false,
  webVitals: false,
  longTasks: false,
  routes: false,
  locators: false,
  userTimings: false,
  runtime: false,
};
const VARIANTS: Record<string, object> = {
  off: { enabled: false },
  all: {},
  page: { ...OFF, navigation: true, webVitals: true, longTasks: true, routes: true, userTimings: true },
  locators: { ...OFF, locators: true },
  runtime: { ...OFF, runtime: true },
};
const NAMES = Object.keys(VARIANTS);

const BODY = `async ({ page }) => {
    await page.goto(U + '/page?res=20&measure=m&link=' + encodeURIComponent('/page?next=1'));
    await page.locator('#title').click();
    await page.getByRole('heading', { name: 'truth page' }).hover();
    await expect(page.locator('#title')).toHaveText('truth page');
    await page.locator('#link').click();
    await page.waitForURL(/next=/);
    await page.locator('#title').click();
    await page.reload();
    await expect(page.getByText('truth page')).toBeVisible();
  }`;

function spec(): string {
  const lines = [`import { test, expect } from 'playwright-perf';`, `const U = process.env.TRUTH_URL;`];
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate the order each round so no variant always runs first (warm caches) or last.
    const order = NAMES.map((_, k) => NAMES[(k + i) % NAMES.length]);
    for (const name of order) {
      lines.push(
        `test.describe(() => { test.use({ perfOptions: ${JSON.stringify(VARIANTS[name])} }); test('${name} ${i}', ${BODY}); });`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const server = await startTruthServer();
  const project = createProject('bench-collectors', {
    'playwright.config.ts': configTs({
      reporterOptions: { html: false, summary: false, history: false, recommendations: false, sampleIntervalMs: false },
      extra: 'workers: 1, fullyParallel: false,',
    }),
    'tests/flow.spec.ts': spec(),
  });
  try {
    const started = Date.now();
    const out = await project.run([], { env: { TRUTH_URL: server.url }, timeoutMs: 30 * 60_000 });
    if (out.exitCode !== 0) throw new Error(`bench run failed:\n${out.stdout}\n${out.stderr}`);
    const run = project.readRun();
    const dur = new Map<string, number>();
    for (const t of run.tests) dur.set(t.title, t.results[0].durationMs);
    // Round 0 pays the browser launch in its first test: leave it out.
    const rounds = Array.from({ length: ROUNDS - 1 }, (_, k) => k + 1);
    const off = rounds.map((i) => dur.get(`off ${i}`)!);
    console.log(
      `perf collectors overhead — 1 run, ${ROUNDS - 1} paired rounds × ${NAMES.length} variants (rotated order), 1 worker; wall ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log('each test: 2 navigations + 1 reload, 4 locator actions, 2 expects (truth server, localhost)');
    console.log(
      'variant    median test   ratio vs off (median of pairs)   added per test (median)   Σ test time ratio',
    );
    for (const name of NAMES) {
      const xs = rounds.map((i) => dur.get(`${name} ${i}`)!);
      const ratios = xs.map((x, k) => x / off[k]);
      const added = xs.map((x, k) => x - off[k]);
      const sumRatio = xs.reduce((a, b) => a + b, 0) / off.reduce((a, b) => a + b, 0);
      console.log(
        `${name.padEnd(10)} ${`${median(xs).toFixed(0)} ms`.padStart(11)}   ${median(ratios).toFixed(3).padStart(30)}   ${`${median(added) >= 0 ? '+' : ''}${median(added).toFixed(1)} ms`.padStart(23)}   ${sumRatio.toFixed(3).padStart(17)}`,
      );
    }
    // Self-time: what our code itself spent on each test's critical path (perf.overhead), which is
    // far less noisy than the A/B difference above. Median per test over the "all" rounds.
    const selfTimes = new Map<string, number[]>();
    for (const t of run.tests) {
      if (!t.title.startsWith('all ') || t.title === 'all 0') continue;
      const per = new Map<string, number>();
      for (const o of t.results[0].perf?.overhead ?? []) per.set(o.collector, (per.get(o.collector) ?? 0) + o.ms);
      for (const [k, v] of per) (selfTimes.get(k) ?? selfTimes.set(k, []).get(k)!).push(v);
      (selfTimes.get('TOTAL') ?? selfTimes.set('TOTAL', []).get('TOTAL')!).push(
        [...per.values()].reduce((a, b) => a + b, 0),
      );
    }
    const offMedian = median(off);
    console.log(
      `\nself-time of the collectors in the "all" tests (median per test; test median ${offMedian.toFixed(0)} ms with collectors off):`,
    );
    for (const [k, v] of selfTimes) {
      const m = median(v);
      console.log(
        `  ${k.padEnd(14)} ${`${m.toFixed(1)} ms`.padStart(9)}  ${((100 * m) / offMedian).toFixed(2)} % of test time`,
      );
    }
    console.log(
      '\ntarget: "all" ≤ 1.02 of test time. Startup timing is in every variant except off (three timestamps).',
    );
    console.log('Not in self-time: Playwright formatting pw:api log lines while the locator hook is on, and the');
    console.log('renderer parsing the init script (in page.script only from the first line of our code on).');
  } finally {
    await server.close();
    project.cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
