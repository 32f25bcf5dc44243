// Suites that do not audit pay nothing: loading playwright-perf (reporter, fixtures, CLI) must not
// load lighthouse, chrome-launcher or puppeteer-core (the audit lock's proper-lockfile is small and
// CJS; the history store loads it anyway). ESM loads are observed with
// a module.register resolve hook, CJS loads through require.cache; a positive control proves the
// hook sees a real import().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/inline-project';

const HEAVY = /node_modules[\\/](lighthouse|chrome-launcher|puppeteer-core)[\\/]/;

test('loading playwright-perf does not load Lighthouse or its helpers', () => {
  const hook =
    'export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write("ESM " + r.url + "\\n"); return r; }';
  const script = `
    const { register } = require('node:module');
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    for (const m of ['dist/index.js', 'dist/fixtures/index.js', 'dist/cli/main.js', 'dist/reporter/perf-reporter.js']) require(${JSON.stringify(REPO_ROOT)} + '/' + m);
    const cjs = Object.keys(require.cache).filter((k) => ${HEAVY}.test(k));
    process.stderr.write('CJS ' + JSON.stringify(cjs) + '\\n');
    process.stderr.write('--- control\\n');
    import('chrome-launcher').then(() => process.stderr.write('done\\n'));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const [before, control] = r.stderr.split('--- control');
  assert.match(before, /CJS \[\]/, before);
  const heavyEsm = before.split('\n').filter((l) => l.startsWith('ESM ') && HEAVY.test(l));
  assert.deepEqual(heavyEsm, []);
  assert.match(control, /ESM .*chrome-launcher/, 'the resolve hook did not see a real import()');
});
