// Overhead of the perf collectors: the same small suite run with all collectors off, all on, and
// each collector group alone, in paired rounds (every round runs every variant, order shuffled),
// reporting medians. Run: `node --import tsx bench/collectors.ts [rounds]` (default 3) after
// `node scripts/build.mjs`. Prints wall time and Σ test time per variant, the ratio to "off", and
// the per-collector cost. Numbers, not assertions: the machine is noisy, read the spread.
import { createProject, configTs } from '../test/helpers/inline-project';
import { startTruthServer } from '../test/helpers/truth-server';

const ROUNDS = Number(process.argv[2] ?? process.env.BENCH_ROUNDS ?? 3);
const TESTS = Number(process.env.BENCH_TESTS ?? 12);

/** Variants: perfOptions per run. "page" = the in-page script (navigation, vitals, long tasks, measures). */
const OFF = { startup: false, navigation: false, webVitals: false, longTasks: false, locators: false, userTimings: false, runtime: false };
const VARIANTS: Record<string, object> = {
  off: { enabled: false },
  all: {},
  page: { ...OFF, navigation: true, webVitals: true, longTasks: true, userTimings: true },
  locators: { ...OFF, locators: true },
  runtime: { ...OFF, runtime: true },
};

const SPEC = `import { test, expect } from 'playwright-perf';
const U = process.env.TRUTH_URL;
for (let i = 0; i < ${TESTS}; i++) {
  test('flow ' + i, async ({ page }) => {
    await page.goto(U + '/page?res=20&measure=m&link=' + encodeURIComponent('/page?next=' + i));
    await page.locator('#title').click();
    await page.getByRole('heading', { name: 'truth page' }).hover();
    await expect(page.locator('#title')).toHaveText('truth page');
    await page.locator('#link').click();
    await page.waitForURL(/next=/);
    await page.locator('#title').click();
    await page.reload();
    await expect(page.getByText('truth page')).toBeVisible();
  });
}
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function main(): Promise<void> {
  const server = await startTruthServer();
  const project = createProject('bench-collectors', {
    'playwright.config.ts': configTs({
      reporterOptions: { html: false, summary: false, history: false, recommendations: false, sampleIntervalMs: false },
      use: `perfOptions: JSON.parse(process.env.BENCH_PERF_OPTIONS ?? '{}')`,
      extra: 'workers: 1,',
    }),
    'tests/flow.spec.ts': SPEC,
  });
  const wall: Record<string, number[]> = {};
  const testTime: Record<string, number[]> = {};
  try {
    // Warm-up run (disk caches, compiled TS) — not counted.
    await project.run([], { env: { TRUTH_URL: server.url, BENCH_PERF_OPTIONS: JSON.stringify(VARIANTS.off) } });
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of shuffle(Object.keys(VARIANTS))) {
        const out = await project.run([], { env: { TRUTH_URL: server.url, BENCH_PERF_OPTIONS: JSON.stringify(VARIANTS[name]) } });
        if (out.exitCode !== 0) throw new Error(`variant ${name} failed:\n${out.stdout}\n${out.stderr}`);
        const run = project.readRun();
        (wall[name] ??= []).push(run.wallTimeMs);
        (testTime[name] ??= []).push(run.tests.reduce((s, t) => s + t.results.reduce((x, r) => x + r.durationMs, 0), 0));
        process.stderr.write(`round ${round} ${name}: wall ${run.wallTimeMs} ms\n`);
      }
    }
  } finally {
    await server.close();
    project.cleanup();
  }
  // Paired per round: variant vs the "off" run of the same round.
  const ratio = (xs: number[], base: number[]) => median(xs.map((x, i) => x / base[i]));
  console.log(`\nperf collectors overhead — ${ROUNDS} paired rounds, ${TESTS} tests × (2 navigations, 1 reload, 4 locator actions, 2 expects), 1 worker`);
  console.log('variant    wall median   Σ test median   wall ratio   test-time ratio   cost (test time, per test)');
  for (const name of Object.keys(VARIANTS)) {
    const w = median(wall[name]);
    const t = median(testTime[name]);
    const diffPerTest = median(testTime[name].map((x, i) => (x - testTime.off[i]) / TESTS));
    console.log(`${name.padEnd(10)} ${`${w.toFixed(0)} ms`.padStart(11)}   ${`${t.toFixed(0)} ms`.padStart(13)}   ${ratio(wall[name], wall.off).toFixed(3).padStart(10)}   ${ratio(testTime[name], testTime.off).toFixed(3).padStart(15)}   ${name === 'off' ? '' : `${diffPerTest >= 0 ? '+' : ''}${diffPerTest.toFixed(1)} ms`}`);
  }
  console.log('\nwall ratio = variant wall ÷ same-round "off" wall (median over rounds); target for "all": ≤ 1.02');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
