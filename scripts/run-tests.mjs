#!/usr/bin/env node
// Runs the test suite with Node's built-in test runner (TypeScript through tsx).
//   node scripts/run-tests.mjs                  functional tests in parallel, then accuracy tests alone
//   node scripts/run-tests.mjs unit|e2e|accuracy one group
//   node scripts/run-tests.mjs <file filter>…    matching files (each group keeps its own concurrency)
// Functional tests (test/unit, test/e2e) run as parallel processes: every server they start listens
// on an ephemeral port and every project they write lives in its own temp folder. Accuracy tests
// (test/accuracy) compare measured times with injected delays, which is only fair on a CPU no other
// test file competes for, so they run one at a time after the functional ones.
// TEST_CONCURRENCY sets the functional concurrency (default: cores + 1, at least 2, at most 4 — most
// e2e time is spent waiting on browsers and child processes, not computing).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === '.tmp' || name === 'fixtures' || name === 'helpers') continue;
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const GROUPS = ['unit', 'e2e', 'accuracy'];
let files = walk(join(root, 'test'))
  .map((f) => relative(root, f))
  .sort();
const matches = (f, filter) => (GROUPS.includes(filter) ? f.startsWith(`test/${filter}/`) : f.includes(filter));
if (filters.length) files = files.filter((f) => filters.some((filter) => matches(f, filter)));
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

const accuracy = files.filter((f) => f.startsWith('test/accuracy/'));
// Long files first, so the parallel slots finish together: e2e files take seconds to minutes, unit
// files well under a second each.
const functional = files
  .filter((f) => !accuracy.includes(f))
  .sort((a, b) => Number(a.startsWith('test/unit/')) - Number(b.startsWith('test/unit/')) || a.localeCompare(b));
const parallel = Number(process.env.TEST_CONCURRENCY) || Math.min(4, Math.max(2, availableParallelism() + 1));

function run(group, list, concurrency) {
  if (list.length === 0) return { status: 0, ms: 0 };
  const started = Date.now();
  console.log(`\n# ${group}: ${list.length} file(s), concurrency ${concurrency}`);
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...list];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return { status: r.status ?? 1, ms: Date.now() - started };
}

const results = [
  ['functional', run('functional (test/unit, test/e2e)', functional, parallel)],
  ['accuracy', run('accuracy (test/accuracy, serial)', accuracy, 1)],
];
for (const [group, r] of results) {
  if (r.ms) console.log(`# ${group}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s`);
}
process.exit(results.some(([, r]) => r.status !== 0) ? 1 : 0);
