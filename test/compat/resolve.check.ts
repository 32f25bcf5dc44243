// npm resolution for versions of the supported range that the matrix does not run (run by
// scripts/compat-matrix.mjs): a project pinned to each one installs the packed playwright-perf
// with `npm install --package-lock-only` (the same resolution as a real install, without
// downloading packages) — no ERESOLVE, the pinned version stays, and one playwright-core results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const VERSIONS = (process.env.COMPAT_RESOLVE_VERSIONS ?? '').split(',').filter(Boolean);
const TARBALL = process.env.COMPAT_TARBALL ?? '';
const DIR = process.env.COMPAT_DIR ?? '';
if (!VERSIONS.length || !TARBALL || !DIR) throw new Error('run this through scripts/compat-matrix.mjs');

function npmInstall(cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const flags = ['--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
    const args = ['install', ...flags, TARBALL];
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => done({ code, out }));
  });
}

for (const version of VERSIONS) {
  test(`a project pinned to @playwright/test ${version} resolves without ERESOLVE or upgrade`, async () => {
    const dir = join(DIR, version);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pkg = { name: `resolve-${version}`, private: true, dependencies: { '@playwright/test': version } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    const r = await npmInstall(dir);
    assert.equal(r.code, 0, r.out);
    type Lock = { packages: Record<string, { version?: string }> };
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as Lock;
    assert.equal(lock.packages['node_modules/@playwright/test']?.version, version);
    const cores = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/playwright-core$/.test(path));
    assert.deepEqual(
      cores.map(([path, p]) => `${path}@${p.version}`),
      [`node_modules/playwright-core@${version}`],
    );
  });
}
