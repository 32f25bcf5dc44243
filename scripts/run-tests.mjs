#!/usr/bin/env node
// Runs the test suite with Node's built-in test runner (TypeScript through tsx).
// `node scripts/run-tests.mjs [unit|e2e|<file filter>]`. Test files run one at a time by default:
// e2e tests drive real Chromium and compare timings with injected delays, which a 2-core machine
// cannot do accurately while another test file competes for the CPU. TEST_CONCURRENCY overrides.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === '.tmp' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = walk(join(root, 'test')).map((f) => relative(root, f)).sort();
if (filter === 'unit') files = files.filter((f) => f.startsWith('test/unit/'));
else if (filter === 'e2e') files = files.filter((f) => !f.startsWith('test/unit/'));
else if (filter) files = files.filter((f) => f.includes(filter));
// Unit tests first: they are fast and fail early.
files.sort((a, b) => Number(!a.startsWith('test/unit/')) - Number(!b.startsWith('test/unit/')) || a.localeCompare(b));
if (files.length === 0) {
  console.error(`no test files match ${filter ?? '(all)'}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '1';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
