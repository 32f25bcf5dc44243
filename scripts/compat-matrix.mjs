#!/usr/bin/env node
// Playwright compatibility matrix: packs the built playwright-perf and, for every version in
// test/compat/versions.json, installs it with plain npm into a scratch project on that
// @playwright/test and runs the fixtures' and reporter's checks against it (test/compat/
// matrix.check.ts, one process per version, in parallel). `resolveOnly` versions are checked for
// npm resolution only (no ERESOLVE, no upgrade). Scratch projects are kept in test/.tmp/compat, so
// only the first run downloads Playwright. Exit code 1 when any version fails.
//   node scripts/compat-matrix.mjs [version…]   (default: every version in versions.json)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'test', '.tmp', 'compat');
const matrix = JSON.parse(readFileSync(join(root, 'test', 'compat', 'versions.json'), 'utf8'));
const wanted = process.argv.slice(2);
const PROCESS_TIMEOUT_MS = 6 * 60_000;

/** Newest modification time of any file under dir (ms). */
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

function pack() {
  // Rebuild only when src/ changed since the last build (.ci/run has just built it in `npm test`).
  const built = join(root, 'dist', 'index.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  const dest = join(work, 'pack');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  // --ignore-scripts: the tarball holds what dist/ holds now.
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', dest];
  const out = execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return join(dest, JSON.parse(out)[0].filename);
}

function runCheck(label, file, env) {
  const started = Date.now();
  return new Promise((done) => {
    const args = ['--import', 'tsx', '--test', '--test-reporter=spec', file];
    const options = { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] };
    const child = spawn(process.execPath, args, options);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => {
      out += `\n(killed after ${PROCESS_TIMEOUT_MS / 1000} s)\n`;
      child.kill('SIGKILL');
    }, PROCESS_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ label, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000), out });
    });
  });
}

const started = Date.now();
const tarball = pack();
const runs = matrix.run.filter((v) => !wanted.length || wanted.includes(v.playwright));
const label = (v) => `@playwright/test ${v.spec ?? v.playwright}${v.spec ? ` (${v.playwright})` : ''}`;
const checks = runs.map((v) =>
  runCheck(label(v), 'test/compat/matrix.check.ts', {
    COMPAT_VERSION: v.playwright,
    COMPAT_SPEC: v.spec ?? v.playwright,
    COMPAT_EXPECT_MISSING: JSON.stringify(v.expectMissing ?? {}),
    COMPAT_TARBALL: tarball,
    COMPAT_DIR: join(work, `pw-${v.playwright}`),
  }),
);
if (!wanted.length && matrix.resolveOnly?.length) {
  checks.push(
    runCheck(`npm resolution only: ${matrix.resolveOnly.join(', ')}`, 'test/compat/resolve.check.ts', {
      COMPAT_RESOLVE_VERSIONS: matrix.resolveOnly.join(','),
      COMPAT_TARBALL: tarball,
      COMPAT_DIR: join(work, 'resolve'),
    }),
  );
}
if (!checks.length) {
  console.error(`no version in test/compat/versions.json matches ${wanted.join(' ')}`);
  process.exit(1);
}
const results = await Promise.all(checks);
for (const r of results) {
  const phases = r.out
    .split('\n')
    .filter((l) => l.includes('[compat]'))
    .map((l) => `  ${l.trim()}\n`)
    .join('');
  process.stdout.write(`\n=== ${r.label}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds} s)\n${r.ok ? phases : r.out}`);
}
process.stdout.write(`\nPlaywright compatibility matrix (${Math.round((Date.now() - started) / 1000)} s):\n`);
for (const r of results) process.stdout.write(`  ${r.ok ? '✓' : '✗'} ${r.label} — ${r.seconds} s\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
