#!/usr/bin/env node
// Overhead benchmark: the same suite run with only Playwright's `list` reporter vs. with
// playwright-perf, in paired, alternating runs (A B, B A, …) so machine noise hits both sides alike.
// Prints each pair and the median wall-time ratio (ours ÷ list-only).
//
//   node bench/overhead.mjs [--suite examples|synthetic] [--pairs 5] [--files 4] [--tests 6]
//
// --suite examples  runs examples/playwright.config.ts with `--reporter=list` vs its own reporters
//                   (list + playwright-perf). Its specs use our fixtures in both modes, so this
//                   isolates the reporter + sampler.
// --suite synthetic writes a small real-Chromium suite to a temp folder; "ours" also switches the
//                   specs to our fixtures, so it measures reporter + fixtures together.
// --suite app       the held-out shape: --files × --tests tests of 0.5–1 s against a local HTTP app
//                   (a server in a child process), real pages so the in-page collectors run;
//                   "ours" = every collector on + our reporter with history off, vs plain
//                   @playwright/test with the list reporter.
// Default: examples when examples/playwright.config.ts exists, else synthetic.
// Needs a build (dist/). Wall time is measured around the whole `playwright test` process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const { values } = parseArgs({
  options: {
    suite: { type: 'string' },
    pairs: { type: 'string', default: '5' },
    files: { type: 'string', default: '4' },
    tests: { type: 'string', default: '6' },
    workers: { type: 'string', default: '2' },
  },
});
const examplesConfig = join(root, 'examples', 'playwright.config.ts');
const suite = values.suite ?? (existsSync(examplesConfig) ? 'examples' : 'synthetic');
const pairs = Number(values.pairs);
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('bench: build first (node scripts/build.mjs)');
  process.exit(1);
}

function syntheticProject() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
  mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'playwright-perf'), 'dir');
  for (const m of ['@playwright/test', 'playwright', 'playwright-core'])
    symlinkSync(join(root, 'node_modules', m), join(dir, 'node_modules', m), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"pp-bench","private":true}');
  writeFileSync(
    join(dir, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';
const ours = !!process.env.PP_BENCH_OURS;
export default defineConfig({
  testDir: './tests', workers: ${Number(values.workers)}, fullyParallel: true,
  reporter: ours ? [['list'], ['playwright-perf', { outputDir: 'perf-report' }]] : [['list']],
  use: { launchOptions: require('playwright-perf').chromiumLaunchOptions() },
});
`,
  );
  mkdirSync(join(dir, 'tests'));
  const url = JSON.stringify(
    'data:text/html,' +
      encodeURIComponent(
        '<h1>bench</h1><input id="q"><button id="go" onclick="document.querySelector(`h1`).textContent=`done`">go</button>',
      ),
  );
  for (let f = 0; f < Number(values.files); f++) {
    let body = `const { test, expect } = process.env.PP_BENCH_OURS ? require('playwright-perf') : require('@playwright/test');\n`;
    for (let t = 0; t < Number(values.tests); t++) {
      body += `test('file ${f} test ${t}', async ({ page }) => {
  await page.goto(${url});
  await page.fill('#q', 'hello');
  await test.step('submit', async () => { await page.click('#go'); });
  await expect(page.locator('h1')).toHaveText('done');
});\n`;
    }
    writeFileSync(join(dir, 'tests', `f${f}.spec.ts`), body);
  }
  return {
    dir,
    cmd: (ours) => ({ args: [cli, 'test'], env: ours ? { PP_BENCH_OURS: '1' } : {} }),
    cleanup: () => {
      if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app server runs in its own process: this one blocks in spawnSync while a suite runs. */
function startAppServer(dir) {
  writeFileSync(
    join(dir, 'server.cjs'),
    `require('node:http').createServer((q, r) => {
  const u = new URL(q.url, 'http://x');
  const wait = Number(u.searchParams.get('ttfb') || 0);
  setTimeout(() => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end('<!doctype html><title>app</title><h1>app</h1><input id="q"><ul id="list"></ul>' +
      '<button id="go" onclick="setTimeout(() => { document.querySelector(\\'h1\\').textContent = \\'done\\'; }, 30)">go</button>' +
      '<a id="next" href="/page?ttfb=20&n=2">next</a>');
  }, wait);
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`,
  );
  const child = spawn(process.execPath, [join(dir, 'server.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePort) =>
    child.stdout.once('data', (d) => resolvePort({ port: Number(String(d).trim()), child })),
  );
}

async function appProject() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-app-'));
  mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'playwright-perf'), 'dir');
  for (const m of ['@playwright/test', 'playwright', 'playwright-core'])
    symlinkSync(join(root, 'node_modules', m), join(dir, 'node_modules', m), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"pp-bench-app","private":true}');
  const { port, child } = await startAppServer(dir);
  writeFileSync(
    join(dir, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';
const ours = !!process.env.PP_BENCH_OURS;
export default defineConfig({
  testDir: './tests', workers: ${Number(values.workers)}, fullyParallel: true,
  reporter: ours ? [['list'], ['playwright-perf', { outputDir: 'perf-report', history: false }]] : [['list']],
  use: { baseURL: 'http://127.0.0.1:${port}', launchOptions: require('playwright-perf').chromiumLaunchOptions() },
});
`,
  );
  mkdirSync(join(dir, 'tests'));
  let k = 0;
  for (let f = 0; f < Number(values.files); f++) {
    let body = `const { test, expect } = process.env.PP_BENCH_OURS ? require('playwright-perf') : require('@playwright/test');\n`;
    for (let t = 0; t < Number(values.tests); t++, k++) {
      // 0.5–1 s per test: two navigations, a fill, a click, an assertion, and think time.
      const think = 350 + ((k * 7919) % 500);
      body += `test('file ${f} test ${t}', async ({ page }) => {
  await page.goto('/page?ttfb=30');
  await page.fill('#q', 'hello');
  await page.click('#go');
  await expect(page.locator('h1')).toHaveText('done');
  await page.waitForTimeout(${think});
  await page.click('#next');
  await expect(page).toHaveURL(/n=2/);
});\n`;
    }
    writeFileSync(join(dir, 'tests', `f${f}.spec.ts`), body);
  }
  return {
    dir,
    cmd: (ours) => ({ args: [cli, 'test'], env: ours ? { PP_BENCH_OURS: '1' } : {} }),
    cleanup: () => {
      child.kill();
      if (!process.env.KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function examplesProject() {
  return {
    dir: root,
    // The examples config lists ['list'] + ['playwright-perf']; the baseline overrides it with list only.
    cmd: (ours) => ({ args: [cli, 'test', '-c', examplesConfig, ...(ours ? [] : ['--reporter=list'])], env: {} }),
    cleanup: () => {},
  };
}

/** CPU seconds (user + sys) of waited-for child processes, from /proc/self/stat (Linux; else NaN).
 *  Less sensitive than wall time to other load on a shared machine. */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: field 3 is fields[0]; cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

function once(project, ours) {
  const { args, env } = project.cmd(ours);
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: project.dir,
    env: { ...process.env, CI: '', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = childCpuSeconds() - cpu0;
  // The synthetic suite must pass; the examples suite may contain deliberately failing tests.
  if (r.status !== 0 && !(suite === 'examples' && r.status === 1))
    throw new Error(`playwright exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  if (ours && !/playwright-perf: wall/.test(r.stdout))
    throw new Error(`the run with playwright-perf printed no summary:\n${r.stdout}\n${r.stderr}`);
  return { ms, cpu, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const project = suite === 'examples' ? examplesProject() : suite === 'app' ? await appProject() : syntheticProject();
console.log(
  `overhead bench: suite=${suite}${suite !== 'examples' ? ` (${values.files} files × ${values.tests} tests, ${values.workers} workers)` : ''}, ${pairs} pairs`,
);
try {
  once(project, false); // warm-up: transpile cache, disk cache, browser binary in page cache
  once(project, true);
  const base = [],
    ours = [],
    ratios = [],
    cpuRatios = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate the order so a drifting machine load does not favour one side.
    const order = i % 2 === 0 ? [false, true] : [true, false];
    const res = {},
      cpu = {};
    for (const o of order) ({ ms: res[o], cpu: cpu[o] } = once(project, o));
    base.push(res[false]);
    ours.push(res[true]);
    ratios.push(res[true] / res[false]);
    cpuRatios.push(cpu[true] / cpu[false]);
    console.log(
      `  pair ${i + 1}: list-only ${(res[false] / 1000).toFixed(2)} s (cpu ${cpu[false].toFixed(2)} s), with playwright-perf ${(res[true] / 1000).toFixed(2)} s (cpu ${cpu[true].toFixed(2)} s), wall ratio ${(res[true] / res[false]).toFixed(3)}`,
    );
  }
  console.log(
    `median wall: list-only ${(median(base) / 1000).toFixed(2)} s, with playwright-perf ${(median(ours) / 1000).toFixed(2)} s`,
  );
  console.log(
    `median wall-time ratio (ours ÷ list-only): ${median(ratios).toFixed(3)}  (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`,
  );
  if (cpuRatios.every(Number.isFinite))
    console.log(
      `median CPU-time ratio (ours ÷ list-only): ${median(cpuRatios).toFixed(3)}  (min ${Math.min(...cpuRatios).toFixed(3)}, max ${Math.max(...cpuRatios).toFixed(3)})`,
    );
} finally {
  project.cleanup();
}
