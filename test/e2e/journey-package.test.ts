// The package AS INSTALLED: `npm pack` the built repo, extract the tarball into a fresh project's
// node_modules/playwright-perf (so only what package.json "files" ships exists — no src/, no test/),
// link its runtime dependencies from this repo's node_modules (no network), and run real Playwright
// in a CJS and an ESM project. The in-page collectors (web-vitals IIFE, page script), the bundled
// HTML report page, the CLI bin and the schema export must all work from the tarball alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  mkdirSync,
  writeFileSync,
  readFileSync,
  existsSync,
  rmSync,
  symlinkSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { REPO_ROOT, PLAYWRIGHT_CLI, type RunOutput } from '../helpers/inline-project';
import type { RunRecord } from '../../src/types';
import { BROWSER_BUNDLES, bundlePath } from '../../src/report/browser-bundle';

const base = mkdtempSync(join(tmpdir(), 'pp-journey-'));
let tarball = '';
let server: Server;
let baseUrl = '';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Shop</h1><p id="hero">Welcome to the shop, a paragraph large enough to be the LCP.</p>
<button id="buy" onclick="setTimeout(() => { document.getElementById('done').textContent = 'Paid'; }, 50)">Buy</button>
<p id="done"></p></body></html>`;

before(async () => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.js'))) throw new Error('build first: node scripts/build.mjs');
  const packDir = join(base, 'pack');
  mkdirSync(packDir);
  // --ignore-scripts: packing must not rebuild; the tarball holds what dist/ holds now.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  tarball = join(packDir, (JSON.parse(out) as Array<{ filename: string }>)[0].filename);
  server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(() => {
  server?.close();
  if (!process.env.KEEP_TMP) rmSync(base, { recursive: true, force: true });
});

/** A fresh project with the tarball extracted as node_modules/playwright-perf and its runtime
 *  dependencies (plus the peer @playwright/test) linked from this repo, the way npm lays them out. */
function installedProject(name: string, esm: boolean): string {
  const dir = join(base, name);
  const nm = join(dir, 'node_modules');
  const pkgDir = join(nm, 'playwright-perf');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  for (const dep of [...Object.keys(pkg.dependencies), '@playwright/test', 'playwright']) {
    const link = join(nm, dep);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', dep), link, 'dir');
  }
  // npm's bin link.
  mkdirSync(join(nm, '.bin'));
  for (const [bin, target] of Object.entries(pkg.bin))
    symlinkSync(join('..', 'playwright-perf', target), join(nm, '.bin', bin));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `journey-${name}`, private: true, ...(esm ? { type: 'module' } : {}) }, null, 2),
  );
  return dir;
}

function config(esm: boolean): string {
  const head = esm
    ? `import { defineConfig } from '@playwright/test';\nimport { chromiumLaunchOptions } from 'playwright-perf';\n`
    : `const { defineConfig } = require('@playwright/test');\nconst { chromiumLaunchOptions } = require('playwright-perf');\n`;
  return `${head}${esm ? 'export default' : 'module.exports ='} defineConfig({
  testDir: './tests',
  workers: 1,
  reporter: [['dot'], ['playwright-perf', { outputDir: 'perf-report', slowest: 5 }]],
  use: { launchOptions: chromiumLaunchOptions() },
});
`;
}

const SPEC = `import { test, expect } from 'playwright-perf';
test('buy', async ({ page, perf }) => {
  await page.goto(process.env.JOURNEY_URL);
  await perf.flow('checkout', async () => {
    await page.click('#buy');
    await expect(page.locator('#done')).toHaveText('Paid');
  });
});
`;

function exec(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunOutput> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, CI: '', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      ok({ exitCode, signal, stdout, stderr });
    });
  });
}

test('the tarball ships dist and docs only, with every asset the runtime reads', () => {
  const dir = installedProject('files', false);
  const pkgDir = join(dir, 'node_modules', 'playwright-perf');
  assert.ok(
    !existsSync(join(pkgDir, 'src')) && !existsSync(join(pkgDir, 'test')),
    'no sources or tests in the package',
  );
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  // Every non-TypeScript asset under src/ must be in the package (the build copies them to dist/),
  // except the browser pages' build input (their tsconfig.json and package.json).
  for (const f of walk(join(REPO_ROOT, 'src'))) {
    if (f.endsWith('.ts') || /[\\/](tsconfig|package)\.json$/.test(f)) continue;
    const rel = f.slice(join(REPO_ROOT, 'src').length + 1);
    assert.ok(existsSync(join(pkgDir, 'dist', rel)), `dist/${rel} is shipped`);
  }
  // Every browser page is shipped bundled (the package has no esbuild to bundle it at run time).
  for (const b of BROWSER_BUNDLES)
    assert.ok(existsSync(bundlePath(join(pkgDir, 'dist'), b.name)), `${b.name} bundle is shipped`);
  // Everything "exports" points at exists.
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const targets = [
    pkg.main,
    pkg.types,
    ...Object.values(pkg.bin),
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object))),
  ] as string[];
  for (const t of targets) assert.ok(existsSync(join(pkgDir, t)), `${t} exists`);
  // The schema is importable by subpath.
  const schema = JSON.parse(
    execFileSync(
      process.execPath,
      ['-e', `process.stdout.write(JSON.stringify(require('playwright-perf/report.schema.json')))`],
      { cwd: dir, encoding: 'utf8' },
    ),
  );
  assert.equal(typeof schema.$schema, 'string');
});

const USER_TS = `import { defineConfig, test as base, mergeTests } from '@playwright/test';
import { test, expect, chromiumLaunchOptions, perfFixtures } from 'playwright-perf';
import type { RunRecord, JsonReport, PerfReporterOptions, PerfFixtureOptions, FlowResult } from 'playwright-perf';
const options: PerfReporterOptions = { outputDir: 'perf-report', budgets: ['p95(vital.LCP) < 2500'], gate: { failOnBudget: true } };
export default defineConfig<{ perfOptions: PerfFixtureOptions }>({
  reporter: [['playwright-perf', options]],
  use: { launchOptions: chromiumLaunchOptions(), perfOptions: { webVitals: false } },
});
export const merged = mergeTests(base, test);
export const extended = base.extend(perfFixtures);
test('t', async ({ page, perf }) => {
  const n: number = await perf.flow('f', async () => { await page.goto('/'); return 42; });
  const sw: FlowResult | null = await perf.presets.languageSwitch(page, { trigger: () => page.click('#t'), to: 'en', text: 'Hi', selector: 'h1' });
  const audit = await perf.lighthouse(page, { categories: ['performance'], thresholds: { performance: 80, lcpMs: 2500 } });
  expect([n, sw, audit]).toBeDefined();
});
export type Both = [RunRecord, JsonReport];
`;

test('a user TypeScript project type-checks against the package (node16 ESM and bundler resolution)', () => {
  const dir = installedProject('types', true);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(dir, 'user.ts'), USER_TS);
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [module, resolution] of [
    ['node16', 'node16'],
    ['esnext', 'bundler'],
  ]) {
    try {
      execFileSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--types',
          'node',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          'user.ts',
        ],
        { cwd: dir, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      assert.fail(`tsc --moduleResolution ${resolution}: ${(e as { stdout?: string }).stdout}`);
    }
  }
});

for (const esm of [false, true]) {
  test(`installed package: ${esm ? 'ESM' : 'CJS'} project runs, collects in-page metrics and flows, reports; CLI bin works`, async () => {
    const dir = installedProject(esm ? 'esm' : 'cjs', esm);
    writeFileSync(join(dir, esm ? 'playwright.config.js' : 'playwright.config.cjs'), config(esm));
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'shop.spec.ts'), SPEC);

    const out = await exec(
      process.execPath,
      [PLAYWRIGHT_CLI, 'test', '--config', esm ? 'playwright.config.js' : 'playwright.config.cjs'],
      dir,
      { JOURNEY_URL: baseUrl },
    );
    const log = out.stdout + out.stderr;
    assert.equal(out.exitCode, 0, log);
    assert.doesNotMatch(log, /\[playwright-perf\] warning/, 'no contained failures');
    for (const f of ['run.json', 'report.json', 'index.html'])
      assert.ok(existsSync(join(dir, 'perf-report', f)), `${f} written`);

    const run = JSON.parse(readFileSync(join(dir, 'perf-report', 'run.json'), 'utf8')) as RunRecord;
    assert.equal(run.tests.length, 1);
    const perf = run.tests[0].results[0].perf;
    assert.ok(perf, 'the fixture attached perf data');
    assert.deepEqual(perf.errors ?? [], [], 'no collector errors');
    const nav = perf.navigations?.find((n) => n.url === baseUrl);
    assert.ok(nav, `navigation to ${baseUrl} recorded (page script shipped): ${JSON.stringify(perf.navigations)}`);
    const vitals = new Set((perf.vitals ?? []).map((v) => v.name));
    assert.ok(
      vitals.has('TTFB') && vitals.has('FCP'),
      `web-vitals ran in the page (IIFE shipped): ${[...vitals].join(',')}`,
    );
    const flow = perf.flows?.find((f) => f.name === 'checkout');
    assert.ok(flow && flow.ok && flow.durationMs >= 50, `flow recorded: ${JSON.stringify(perf.flows)}`);

    const html = readFileSync(join(dir, 'perf-report', 'index.html'), 'utf8');
    assert.match(
      html,
      /<script>[\s\S]*\/\/ src\/report\/client\/main\.ts/,
      'the bundled report page script is inlined',
    );
    if (!esm) {
      // The shipped page renders under its own CSP, without script errors.
      const installed = createRequire(join(dir, 'package.json'))('playwright-perf') as typeof import('../../src');
      const browser = await chromium.launch(installed.chromiumLaunchOptions());
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        await page.goto(pathToFileURL(join(dir, 'perf-report', 'index.html')).href);
        await page.locator('#app').getByText('buy').first().waitFor({ timeout: 15_000 });
        assert.deepEqual(errors, [], 'no errors in the report page');
      } finally {
        await browser.close();
      }
    }

    // The CLI through npm's bin link and through the documented path.
    const help = await exec(join(dir, 'node_modules', '.bin', 'playwright-perf'), ['--help'], dir);
    assert.equal(help.exitCode, 0, help.stderr);
    assert.match(help.stdout, /Usage: playwright-perf <command>/);
    const report = await exec(
      process.execPath,
      ['node_modules/playwright-perf/dist/cli/main.js', 'report', 'perf-report/run.json', '--out', 'x'],
      dir,
    );
    assert.equal(report.exitCode, 0, report.stdout + report.stderr);
    for (const f of ['report.json', 'index.html']) assert.ok(existsSync(join(dir, 'x', f)), `x/${f} re-rendered`);
    const version = await exec(join(dir, 'node_modules', '.bin', 'playwright-perf'), ['--version'], dir);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
}
