#!/usr/bin/env node
// One-shot, idempotent set-up for a fresh clone: installs npm dependencies when they are missing or
// stale, then makes sure a Chromium that Playwright can drive is present (Playwright-managed if it
// can be downloaded, otherwise the system's), plus fonts that can render Hebrew.
// Fast when everything is already there, so `npm test` and `npm run demo` can always call it.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stdout.write(`[setup] ${msg}\n`);

function run(cmd, opts = {}) {
  log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function installNodeModules() {
  const stamp = join(root, 'node_modules', '.setup-stamp');
  const lock = join(root, 'package-lock.json');
  const manifest = join(root, 'package.json');
  const newest = Math.max(statSync(manifest).mtimeMs, existsSync(lock) ? statSync(lock).mtimeMs : 0);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  run(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
  writeFileSync(stamp, new Date().toISOString());
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

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function systemChromiumPresent() {
  if (process.env.PLAYWRIGHT_PERF_CHROMIUM && existsSync(process.env.PLAYWRIGHT_PERF_CHROMIUM)) return true;
  return SYSTEM_CHROMIUMS.some((p) => existsSync(p));
}

function isDebianRoot() {
  return process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0 && has('apt-get');
}

function hebrewFontPresent() {
  if (!has('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=he', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A fresh image has no package lists; install would find nothing without them.
  const haveLists = spawnSync('sh', ['-c', 'ls /var/lib/apt/lists/*Packages* >/dev/null 2>&1']).status === 0;
  if (!haveLists) run('apt-get update -qq', { env });
  run(`apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`, { env });
}

function provisionBrowser() {
  if (playwrightChromiumPresent() || systemChromiumPresent()) {
    if (isDebianRoot() && !hebrewFontPresent()) aptInstall(['fonts-noto-core', 'fonts-dejavu-core', 'fontconfig']);
    return;
  }
  if (isDebianRoot()) {
    // Playwright's own browser download is not reachable everywhere (e.g. sandboxes with only a
    // package registry); Debian's Chromium is, and Playwright drives it through executablePath.
    aptInstall(['chromium', 'fonts-noto-core', 'fonts-dejavu-core', 'fontconfig']);
    return;
  }
  run('npx playwright install chromium');
}

installNodeModules();
provisionBrowser();
log('ready');
