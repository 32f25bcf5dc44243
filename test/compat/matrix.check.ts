// One Playwright version of the compatibility matrix (run by scripts/compat-matrix.mjs, one
// process per version; not part of `npm test`, which runs on the repo's own Playwright only).
// A scratch project pinned to that @playwright/test gets the packed playwright-perf through a plain
// `npm install`, then runs test/fixtures/compat-project twice: as plain Playwright (the control)
// and with our fixtures + reporter. Every metric must be measured, or — only where the version is
// known to lack what it needs (versions.json `expectMissing`) — recorded missing with a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { startTruthServer, type TruthServer } from '../helpers/truth-server';
import { reportValidator } from '../helpers/report-schema';
import type { JsonReport, RunRecord, StepRecord, TestResultRecord } from '../../src/types';

const REPO = resolve(__dirname, '..', '..');
const VERSION = required('COMPAT_VERSION');
/** The dependency spec the project declares (a range like ^1.55.0, or the exact version). */
const SPEC = process.env.COMPAT_SPEC || VERSION;
const TARBALL = required('COMPAT_TARBALL');
const DIR = required('COMPAT_DIR');
/** Metrics this version cannot have, with the reason we expect: { "locators": "no debug module" }. */
const EXPECT_MISSING: Record<string, string> = JSON.parse(process.env.COMPAT_EXPECT_MISSING || '{}');

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run this through scripts/compat-matrix.mjs`);
  return v;
}

interface Exec {
  code: number | null;
  out: string;
}
function exec(cmd: string, args: string[], env: Record<string, string> = {}, timeoutMs = 240_000): Promise<Exec> {
  return new Promise((done) => {
    const childEnv = { ...process.env, CI: '', FORCE_COLOR: '0', ...env };
    const child = spawn(cmd, args, { cwd: DIR, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

// --prefer-offline: metadata already in npm's cache is not re-validated (repeated runs stay quick).
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
const npm = (args: string[]) => exec('npm', [...args, ...NPM_FLAGS]);
const readJson = (rel: string) => JSON.parse(readFileSync(join(DIR, rel), 'utf8'));

/** Every installed copy of a package in the project, as "version at path". */
function copiesOf(name: string): string[] {
  const found: string[] = [];
  const walk = (nm: string) => {
    if (!existsSync(nm)) return;
    for (const entry of readdirSync(nm)) {
      const p = join(nm, entry);
      if (entry.startsWith('@')) {
        for (const sub of readdirSync(p)) visit(`${entry}/${sub}`, join(p, sub));
        continue;
      }
      visit(entry, p);
    }
  };
  const visit = (pkg: string, p: string) => {
    if (!statSync(p).isDirectory()) return;
    if (pkg === name) {
      const version = JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')).version;
      found.push(`${version} at ${p.slice(DIR.length + 1)}`);
    }
    walk(join(p, 'node_modules'));
  };
  walk(join(DIR, 'node_modules'));
  return found;
}

/** The scratch project with @playwright/test at VERSION (kept between runs: only the first is slow). */
async function ensureProject(): Promise<void> {
  const stampFile = join(DIR, '.compat-stamp');
  const stamp = `${VERSION} ${SPEC}`;
  const installed = existsSync(join(DIR, 'node_modules/@playwright/test'));
  if (installed && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const pkg = { name: `compat-${VERSION}`, private: true, dependencies: { '@playwright/test': VERSION } };
  writeFileSync(join(DIR, 'package.json'), JSON.stringify(pkg, null, 2));
  const r = await npm(['install']);
  if (r.code !== 0) throw new Error(`npm install @playwright/test@${VERSION} failed:\n${r.out}`);
  // A user's manifest says a range (^1.55.0) while the lock holds what they run (1.55.0).
  pkg.dependencies['@playwright/test'] = SPEC;
  writeFileSync(join(DIR, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(stampFile, stamp);
}

let install: Exec;
let server: TruthServer;
let baseline: Exec;
let perfRun: Exec;
let merge: Exec;
let list: Exec;
let run: RunRecord;

/** Phase timings, printed by scripts/compat-matrix.mjs (lines starting with "[compat]"). */
const phases: string[] = [];
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    phases.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

before(async () => {
  await phase('scratch project', ensureProject);
  rmSync(join(DIR, 'node_modules', 'playwright-perf'), { recursive: true, force: true });
  install = await phase('npm install', () => npm(['install', TARBALL]));
  for (const f of ['out', 'tests']) rmSync(join(DIR, f), { recursive: true, force: true });
  cpSync(join(REPO, 'test', 'fixtures', 'compat-project'), DIR, { recursive: true });
  server = await startTruthServer();
  // The control run launches the same browser, as the project's own playwright-perf resolves it.
  const printLaunchOptions = 'process.stdout.write(JSON.stringify(require("playwright-perf").chromiumLaunchOptions()))';
  const launch = await exec(process.execPath, ['-e', printLaunchOptions]);
  assert.equal(launch.code, 0, launch.out);
  const cli = join(DIR, 'node_modules', '@playwright', 'test', 'cli.js');
  const env = { COMPAT_URL: server.url };
  // First: `--list` (what IDEs run all the time) must work with our reporter; the real run follows.
  list = await phase('--list', () => exec(process.execPath, [cli, 'test', '--list'], env));
  const baselineEnv = { ...env, COMPAT_BASELINE: '1', COMPAT_LAUNCH_OPTIONS: launch.out };
  baseline = await phase('plain run', () => exec(process.execPath, [cli, 'test'], baselineEnv));
  perfRun = await phase('perf run', () => exec(process.execPath, [cli, 'test'], env));
  const mergeArgs = [cli, 'merge-reports', '--config', 'merge.config.ts', 'out/perf/blob'];
  merge = await phase('merge-reports', () => exec(process.execPath, mergeArgs));
  if (existsSync(join(DIR, 'out/perf/report/run.json'))) run = readJson('out/perf/report/run.json');
  console.log(`[compat] ${VERSION}: ${phases.join(', ')}`);
});

after(async () => {
  await server?.close();
});

test(`npm install playwright-perf into a project on @playwright/test ${SPEC}: no ERESOLVE, no upgrade`, () => {
  assert.equal(install.code, 0, install.out);
  assert.doesNotMatch(install.out, /ERESOLVE|peer dep/i);
  const runner = readJson('node_modules/@playwright/test/package.json').version;
  assert.equal(runner, VERSION, 'the test runner was not moved');
  assert.equal(readJson('package.json').dependencies['@playwright/test'], SPEC, 'the manifest was not rewritten');
  const cores = copiesOf('playwright-core');
  assert.deepEqual(cores, [`${VERSION} at node_modules/playwright-core`], 'exactly one playwright-core');
  assert.deepEqual(copiesOf('@playwright/test'), [`${VERSION} at node_modules/@playwright/test`]);
});

/** Each test's outcome from Playwright's own JSON reporter. */
function outcomes(rel: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (suite: { specs?: Array<{ title: string; tests: Array<{ status: string }> }>; suites?: unknown[] }) => {
    for (const s of suite.specs ?? []) out[s.title] = s.tests.map((t) => t.status).join(',');
    for (const child of suite.suites ?? []) visit(child as typeof suite);
  };
  for (const s of readJson(rel).suites) visit(s);
  return out;
}

test('`playwright test --list` with the reporter lists the suite and exits 0', () => {
  assert.equal(list.code, 0, list.out);
  assert.match(list.out, /Total: 7 tests in 1 file/);
});

test('test outcomes and exit code are the same with and without playwright-perf', () => {
  const control = outcomes('out/baseline/results.json');
  assert.deepEqual(
    control,
    {
      'navigation and web vitals': 'expected',
      'locator split': 'expected',
      flow: 'expected',
      'preset flow': 'expected',
      'fails on purpose': 'unexpected',
      'flaky: passes on retry': 'flaky',
      skipped: 'skipped',
    },
    `the control run itself is off:\n${baseline.out}`,
  );
  assert.equal(baseline.code, 1, baseline.out);
  assert.deepEqual(outcomes('out/perf/results.json'), control, perfRun.out);
  assert.equal(perfRun.code, baseline.code, perfRun.out);
  assert.ok(run, `no run.json written:\n${perfRun.out}`);
  assert.equal(run.meta.playwrightVersion, VERSION);
  const ours = Object.fromEntries(run.tests.map((t) => [t.title, t.outcome]));
  assert.deepEqual(ours, control, 'the run record agrees with Playwright');
});

function lastResult(title: string): TestResultRecord {
  const t = run.tests.find((x) => x.title === title);
  assert.ok(t, `test "${title}" in run.json`);
  return t.results[t.results.length - 1];
}

/** Present, or missing with the reason this version is known for; anything else fails loudly. */
function measuredOrExpectedMissing(r: TestResultRecord, metric: string, present: boolean): void {
  const missing = (r.perf?.missing ?? []).filter((m) => m.metric === metric);
  if (present) return;
  const expected = EXPECT_MISSING[metric];
  assert.ok(missing.length, `${metric}: neither measured nor recorded missing`);
  assert.ok(expected, `${metric} missing on Playwright ${VERSION}: ${missing.map((m) => m.reason).join('; ')}`);
  for (const m of missing) assert.match(m.reason, new RegExp(expected), `${metric}: unexpected reason`);
}

test('every module was loaded from the scratch project, none from the repo around it', () => {
  const files = readdirSync(join(DIR, 'out/perf')).filter((f) => f.startsWith('modules-'));
  assert.ok(files.some((f) => f.includes('runner')) && files.some((f) => f.includes('worker')), files.join(', '));
  const outside = (m: string) => m.startsWith(REPO) && !m.startsWith(DIR);
  const leaked = files.flatMap((f) => (readJson(`out/perf/${f}`) as string[]).filter(outside));
  assert.deepEqual(leaked, []);
});

test('no playwright-perf errors and nothing missing that this version should have', () => {
  assert.deepEqual(
    run.errors.filter((e) => e.where !== 'playwright'),
    [],
    'reporter errors',
  );
  for (const t of run.tests) {
    for (const r of t.results) {
      assert.deepEqual(r.perf?.errors ?? [], [], `${t.title}: collector errors`);
      for (const m of r.perf?.missing ?? []) {
        assert.ok(m.reason.length > 10, `${t.title}: ${m.metric} missing without a reason`);
        assert.ok(EXPECT_MISSING[m.metric], `${t.title}: ${m.metric} missing on Playwright ${VERSION}: ${m.reason}`);
      }
    }
  }
});

test('startup: browser launch, context and page creation', () => {
  const startup = run.tests.flatMap((t) => t.results.flatMap((r) => r.perf?.startup ?? []));
  for (const phase of ['browserLaunch', 'contextCreate', 'pageCreate'] as const) {
    const s = startup.filter((x) => x.phase === phase);
    assert.ok(s.length >= 1, `${phase} measured`);
    for (const x of s) assert.ok(x.durationMs > 0 && x.durationMs < run.wallTimeMs, JSON.stringify(x));
  }
});

test('navigation timing: the injected server delay is inside TTFB', () => {
  const r = lastResult('navigation and web vitals');
  const navs = r.perf?.navigations ?? [];
  measuredOrExpectedMissing(r, 'navigation', navs.length === 1);
  const n = navs[0];
  if (n) assert.ok(n.ttfbMs >= 150 - 5 && n.durationMs >= n.ttfbMs, JSON.stringify(n));
});

test('web vitals: TTFB, FCP, LCP, CLS, INP of the measured page', () => {
  const r = lastResult('navigation and web vitals');
  const vitals = r.perf?.vitals ?? [];
  for (const name of ['TTFB', 'FCP', 'LCP', 'CLS', 'INP'] as const) {
    const all = vitals.filter((x) => x.name === name);
    assert.ok(all.length <= 1, `one document, one ${name}: ${JSON.stringify(all)}`);
    const v = all[0];
    measuredOrExpectedMissing(r, name, !!v);
    if (!v) continue;
    if (name === 'TTFB') assert.ok(v.value >= 150 - 5, `TTFB ${v.value}`);
    if (name === 'CLS') assert.ok(v.value > 0, 'the page shifts 600 ms after load');
    // The click busy-loops 120 ms; web-vitals rounds interaction durations to 8 ms.
    if (name === 'INP') assert.ok(v.value >= 120 - 8, `INP ${v.value}`);
  }
});

test('locator split: resolve waits for the late element; assertions are not split', () => {
  const r = lastResult('locator split');
  const late = (r.perf?.locators ?? []).filter((l) => l.selector.includes('#late'));
  measuredOrExpectedMissing(r, 'locators', late.length === 1);
  if (!late.length) return;
  const l = late[0];
  assert.equal(l.action, 'click');
  // Causality, whatever the load: resolving cannot end before the button exists, and the click
  // itself takes time after it (a resolve line that was not recognised would leave actionMs 0).
  const truth = readJson('out/perf/late-truth.json') as { lateInsertedAt: number };
  const resolvedAt = l.startTime + l.resolveMs;
  assert.ok(resolvedAt >= truth.lateInsertedAt - 2, `resolved before the button existed: ${JSON.stringify(l)}`);
  assert.ok(l.resolveMs > 0 && l.actionMs > 0, JSON.stringify(l));
  const parts = l.resolveMs + l.actionabilityMs + l.actionMs + (l.navigationWaitMs ?? 0);
  assert.ok(Math.abs(parts - l.totalMs) < 0.1, JSON.stringify(l));
  assert.ok(!(r.perf?.locators ?? []).some((x) => /^to[A-Z]/.test(x.action)), 'expect() is not a locator action');
});

function walk(steps: StepRecord[], visit: (s: StepRecord) => void): void {
  for (const s of steps) {
    visit(s);
    walk(s.steps, visit);
  }
}

test('steps: one title/params shape on every version, and our own calls stay out of them', () => {
  const r = lastResult('locator split');
  const api = r.steps.filter((s) => s.category === 'pw:api' || s.category === 'expect');
  const click = api.find((s) => s.params?.locator === "locator('#late')");
  assert.equal(click?.title, 'Click', JSON.stringify(api.map((s) => [s.title, s.params])));
  const nav = api.find((s) => s.title === 'Navigate');
  assert.match(nav?.params?.url ?? '', /\/page\?late=300$/);
  const expectStep = api.find((s) => s.category === 'expect');
  assert.equal(expectStep?.title, 'Expect "toHaveText"');
  const ours = /^(Add init script|Expose binding|Create CDP session|Send CDP command)/;
  for (const t of run.tests) {
    const noneOfOurs = (s: StepRecord) => assert.doesNotMatch(s.title, ours, `${t.title}: our call shows`);
    for (const res of t.results) walk(res.steps, noneOfOurs);
  }
});

test('flows and the actions analysis', () => {
  const r = lastResult('flow');
  const flow = (r.perf?.flows ?? []).find((f) => f.name === 'open page');
  assert.ok(flow?.ok && flow.durationMs >= 100 - 5, JSON.stringify(r.perf?.flows));
  const preset = lastResult('preset flow');
  const auth = (preset.perf?.flows ?? []).find((f) => f.preset === 'auth');
  assert.ok(auth?.ok && auth.durationMs >= 100 - 5, `the trigger waits 100 ms for the server: ${JSON.stringify(auth)}`);
  const report: JsonReport = readJson('out/perf/report/report.json');
  const kinds = (report.analysis.actions?.perKind ?? []).map((k) => k.kind);
  for (const k of ['Click', 'Expect "toHaveText"']) assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
  assert.ok(
    kinds.some((k) => k.startsWith('Navigate')),
    kinds.join(', '),
  );
  const perFlow = report.analysis.flows?.perFlow ?? [];
  assert.ok(
    perFlow.some((f) => f.name === 'open page'),
    'flow aggregated in the report',
  );
});

test('reporter output: report.json matches the published schema, the HTML report is written', () => {
  const validate = reportValidator();
  const v = validate(readJson('out/perf/report/report.json'));
  assert.ok(v.ok, v.errors);
  assert.match(readFileSync(join(DIR, 'out/perf/report/index.html'), 'utf8'), /<html/);
  assert.ok(existsSync(join(DIR, 'out/perf/history.json')), 'history written');
});

test('merge-reports (v2 reporter protocol) rebuilds the same run from the blob', () => {
  assert.equal(merge.code, 0, merge.out);
  const merged: RunRecord = readJson('out/merged/report/run.json');
  const byTitle = (r: RunRecord) => Object.fromEntries(r.tests.map((t) => [t.title, t.outcome]));
  assert.deepEqual(byTitle(merged), byTitle(run));
  const vitals = merged.tests.find((t) => t.title === 'navigation and web vitals')?.results.at(-1)?.perf?.vitals ?? [];
  assert.ok(vitals.length > 0, 'perf attachments survive the blob');
});
