// Benchmark: an in-test audit (`await perf.lighthouse(page)` of a logged-in page, inside a real
// Playwright test) vs a plain standalone Lighthouse run of the same page (chrome-launcher + lighthouse()
// in a fresh Node process, the session cookie passed as an extra header). Both start cold (a new
// process imports Lighthouse), both use desktop settings, performance only, no throttling.
// Paired runs in alternating order; prints every pair, the medians and the median paired ratio.
// Target: in-test ≤ 1.2 × standalone.  Run: npm run bench:lighthouse   (BENCH_PAIRS=5 for more)
import { spawn } from 'node:child_process';
import { createProject, configTs, PLAYWRIGHT_CLI, REPO_ROOT } from '../test/helpers/inline-project';
import { startLoginServer } from '../test/helpers/login-server';
import { chromiumExecutablePath } from '../src/browser/resolve-chromium';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);

const SPEC = `import { test } from 'playwright-perf';
test('audit', async ({ page, perf }) => {
  await page.goto(process.env.APP_URL + '/login');
  await page.getByLabel('User').fill('bench');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/account');
  const t0 = performance.now();
  const r = await perf.lighthouse(page, { formFactor: 'desktop', throttling: 'provided' });
  console.log('AUDIT ' + JSON.stringify({ ms: performance.now() - t0, score: r.scores.performance, url: r.lhr.finalDisplayedUrl, phases: r.phasesMs }));
});
`;

const STANDALONE = `
const t0 = performance.now();
const [{ default: lighthouse, desktopConfig }, { launch }] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
const chrome = await launch({ chromePath: process.env.CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const r = await lighthouse(process.env.URL, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance'],
    throttlingMethod: 'provided', extraHeaders: { Cookie: process.env.COOKIE } }, desktopConfig);
  console.log('AUDIT ' + JSON.stringify({ ms: performance.now() - t0, score: Math.round(r.lhr.categories.performance.score * 100), url: r.lhr.finalDisplayedUrl }));
} finally {
  chrome.kill();
}
`;

function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}\n${out}`))));
  });
}

function parse(out: string): { ms: number; score: number; url: string } {
  const m = /AUDIT (\{.*\})/.exec(out);
  if (!m) throw new Error('no AUDIT line in:\n' + out);
  return JSON.parse(m[1]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

async function main(): Promise<void> {
  const server = await startLoginServer();
  const login = await fetch(`${server.url}/login`, {
    method: 'POST',
    body: 'user=bench',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const project = createProject('bench-lighthouse', {
    'playwright.config.ts': configTs({ extra: 'workers: 1, timeout: 120_000,' }),
    'tests/a.spec.ts': SPEC,
  });
  const url = `${server.url}/account`;
  const inTest = async () =>
    parse(
      await run(process.execPath, [PLAYWRIGHT_CLI, 'test', '--reporter=line'], {
        cwd: project.dir,
        env: { APP_URL: server.url },
      }),
    );
  const standalone = async () =>
    parse(
      await run(process.execPath, ['--input-type=module', '-e', STANDALONE], {
        cwd: REPO_ROOT,
        env: { URL: url, COOKIE: cookie, CHROME: chromiumExecutablePath() },
      }),
    );
  const rows: Array<{ inTest: number; standalone: number }> = [];
  try {
    console.log(`Lighthouse audit of ${url} (logged in), ${PAIRS} pairs, alternating order`);
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? (['inTest', 'standalone'] as const) : (['standalone', 'inTest'] as const);
      const got: Record<string, { ms: number; score: number; url: string }> = {};
      for (const k of order) got[k] = k === 'inTest' ? await inTest() : await standalone();
      for (const k of order)
        if (got[k].url !== url) throw new Error(`${k} audited ${got[k].url}, not the logged-in ${url}`);
      rows.push({ inTest: got.inTest.ms, standalone: got.standalone.ms });
      console.log(
        `  pair ${i + 1}: in-test ${(got.inTest.ms / 1000).toFixed(2)} s (score ${got.inTest.score}), standalone ${(got.standalone.ms / 1000).toFixed(2)} s (score ${got.standalone.score}), ratio ${(got.inTest.ms / got.standalone.ms).toFixed(2)}`,
      );
      console.log(`          in-test phases (ms): ${JSON.stringify((got.inTest as { phases?: unknown }).phases)}`);
    }
    const mi = median(rows.map((r) => r.inTest));
    const ms = median(rows.map((r) => r.standalone));
    const pr = median(rows.map((r) => r.inTest / r.standalone));
    console.log(
      `median in-test ${(mi / 1000).toFixed(2)} s, median standalone ${(ms / 1000).toFixed(2)} s, ratio of medians ${(mi / ms).toFixed(2)}, median paired ratio ${pr.toFixed(2)} (target ≤ 1.20)`,
    );
  } finally {
    project.cleanup();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
