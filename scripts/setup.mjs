#!/usr/bin/env node
// One-shot, idempotent set-up for a fresh clone: installs npm dependencies when they are missing or
// stale, then makes sure a Chromium that Playwright can drive is present (Playwright-managed if it
// can be downloaded, otherwise the system's), plus fonts that can render Hebrew.
// Fast when everything is already there (a hash compare and a few file checks), so `npm test` and
// `npm run demo` can always call it. Every failure names the step and what to do about it.
import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stdout.write(`[setup] ${msg}\n`);
const MIN_NODE_MAJOR = 20;

class SetupError extends Error {
  constructor(step, message, hint) {
    super(`${step}: ${message}${hint ? `\n[setup] what to do: ${hint}` : ''}`);
  }
}

function run(cmd, opts = {}) {
  log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new SetupError(
      'node',
      `Node ${process.versions.node} is too old`,
      `install Node ${MIN_NODE_MAJOR} or newer (package.json "engines")`,
    );
  }
}

/** npm ci when node_modules is missing or was installed from a different package.json/lock. */
function installNodeModules() {
  const stamp = join(root, 'node_modules', '.setup-stamp');
  const lock = join(root, 'package-lock.json');
  // Content hash, not mtimes: a fresh clone or a branch switch changes mtimes but not content.
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, 'package.json')));
  if (existsSync(lock)) hash.update(readFileSync(lock));
  const want = hash.digest('hex');
  if (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === want &&
    existsSync(join(root, 'node_modules', '@playwright', 'test'))
  )
    return;
  try {
    run(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
  } catch (e) {
    throw new SetupError(
      'npm dependencies',
      `npm failed (${e.message.split('\n')[0]})`,
      'check network access to the npm registry, then re-run',
    );
  }
  writeFileSync(stamp, want + '\n');
}

function playwrightChromiumPresent() {
  try {
    const out = execSync(
      `node -e "const p=require('playwright-core').chromium.executablePath();process.stdout.write(require('fs').existsSync(p)?'yes':'no')"`,
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out.trim() === 'yes';
  } catch {
    return false;
  }
}

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function systemChromiumPresent() {
  const fromEnv = process.env.PLAYWRIGHT_PERF_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv)) return true;
    log(`warning: PLAYWRIGHT_PERF_CHROMIUM=${fromEnv} does not exist; looking elsewhere`);
  }
  return SYSTEM_CHROMIUMS.some((p) => existsSync(p));
}

function isDebianRoot() {
  return (
    process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0 && has('apt-get')
  );
}

function hebrewFontPresent() {
  if (!has('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=he', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run(`apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`, { env });
  // A fresh image has no package lists; install would find nothing without them.
  const haveLists = spawnSync('sh', ['-c', 'ls /var/lib/apt/lists/*Packages* >/dev/null 2>&1']).status === 0;
  try {
    if (!haveLists) run('apt-get update -qq', { env });
    install();
  } catch {
    // Stale lists ("Unable to locate package", 404s): refresh once and retry.
    try {
      run('apt-get update -qq', { env });
      install();
    } catch (e) {
      throw new SetupError(
        'apt-get',
        `could not install ${packages.join(' ')} (${e.message.split('\n')[0]})`,
        `install them yourself (apt-get install ${packages.join(' ')}) or set PLAYWRIGHT_PERF_CHROMIUM to a Chromium binary`,
      );
    }
  }
}

function provisionBrowser() {
  if (systemChromiumPresent() || playwrightChromiumPresent()) {
    if (isDebianRoot() && !hebrewFontPresent()) aptInstall(['fonts-noto-core', 'fonts-dejavu-core', 'fontconfig']);
    return;
  }
  if (isDebianRoot()) {
    // Playwright's own browser download is not reachable everywhere (e.g. sandboxes with only a
    // package registry); Debian's Chromium is, and Playwright drives it through executablePath.
    aptInstall(['chromium', 'fonts-noto-core', 'fonts-dejavu-core', 'fontconfig']);
  } else {
    try {
      run(`"${process.execPath}" "${join(root, 'node_modules', '@playwright', 'test', 'cli.js')}" install chromium`);
    } catch (e) {
      throw new SetupError(
        'chromium',
        `"playwright install chromium" failed (${e.message.split('\n')[0]})`,
        'install Chromium or Chrome with your package manager (e.g. sudo apt-get install chromium) or set PLAYWRIGHT_PERF_CHROMIUM=/path/to/chrome',
      );
    }
  }
  if (!systemChromiumPresent() && !playwrightChromiumPresent()) {
    throw new SetupError(
      'chromium',
      'no Chromium found after installing',
      'set PLAYWRIGHT_PERF_CHROMIUM=/path/to/chrome',
    );
  }
}

/** Real servers the test suite starts on loopback (never mocks): binary → Debian package. */
const TEST_SERVERS = [
  { name: 'Prometheus', bins: ['/usr/bin/prometheus', '/usr/bin/promtool'], pkg: 'prometheus' },
  { name: 'Pushgateway', bins: ['/usr/bin/prometheus-pushgateway'], pkg: 'prometheus-pushgateway' },
];

/** Debian keeps the server binaries per major version: /usr/lib/postgresql/<major>/bin/postgres. */
function postgresServerPresent() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'postgres')));
}

function provisionTestServers() {
  const missing = TEST_SERVERS.filter((s) => !s.bins.every((b) => existsSync(b)));
  if (!postgresServerPresent()) missing.push({ name: 'PostgreSQL', pkg: 'postgresql' });
  if (missing.length === 0) return;
  if (!isDebianRoot()) {
    throw new SetupError(
      'test servers',
      `${missing.map((s) => s.name).join(', ')} not found`,
      `install the Debian/Ubuntu packages ${missing.map((s) => s.pkg).join(' ')} (the tests start them on loopback)`,
    );
  }
  aptInstall(missing.map((s) => s.pkg));
}

try {
  checkNode();
  installNodeModules();
  provisionBrowser();
  if (process.argv.includes('--test-servers')) provisionTestServers();
  log('ready');
} catch (e) {
  process.stderr.write(`[setup] failed at ${e.message}\n`);
  process.exit(1);
}
