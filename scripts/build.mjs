#!/usr/bin/env node
// Compiles src/ to CommonJS in dist/ (module Node16 keeps `await import()` for ESM-only deps such as
// lowdb and lighthouse), then copies non-TS assets (HTML templates, in-page scripts) next to it.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit', cwd: root });

// Assets: any non-.ts file under src/ (e.g. .js for the browser, .css, .html) is copied verbatim.
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const from = join(dir, name);
    if (statSync(from).isDirectory()) { copyAssets(from); continue; }
    if (extname(name) === '.ts') continue;
    cpSync(from, join(root, 'dist', from.slice(join(root, 'src').length)));
  }
}
copyAssets(join(root, 'src'));
const bin = join(root, 'dist', 'cli', 'main.js');
if (existsSync(bin)) chmodSync(bin, 0o755);
