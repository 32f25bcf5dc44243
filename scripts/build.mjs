#!/usr/bin/env node
// Compiles src/ to CommonJS in dist/ (module Node16 keeps `await import()` for ESM-only deps such as
// lowdb and lighthouse), type-checks and bundles the browser pages (src/**/client, strict, DOM only)
// with esbuild into dist/bundles/, then copies non-TS assets (styles, in-page scripts) next to it.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit', cwd: root });

// Browser bundles: the list lives in src/report/browser-bundle.ts (one definition for the build and
// for running from source). Each page's strict tsconfig must pass before it is bundled.
const { BROWSER_BUNDLES, writeBrowserBundles } = createRequire(import.meta.url)(
  join(dist, 'report', 'browser-bundle.js'),
);
for (const b of BROWSER_BUNDLES) execSync(`npx tsc -p ${join('src', b.tsconfig)}`, { stdio: 'inherit', cwd: root });
writeBrowserBundles(src, dist);

// Assets: any non-.ts file under src/ (e.g. .js for the browser, .css, .html) is copied verbatim;
// the browser pages' tsconfig.json and package.json ("type": "module" for esbuild) are build input.
const BUILD_INPUT = new Set(['tsconfig.json', 'package.json']);
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const from = join(dir, name);
    if (statSync(from).isDirectory()) {
      copyAssets(from);
      continue;
    }
    if (extname(name) === '.ts' || BUILD_INPUT.has(name)) continue;
    cpSync(from, join(dist, from.slice(src.length)));
  }
}
copyAssets(src);
const bin = join(dist, 'cli', 'main.js');
if (existsSync(bin)) chmodSync(bin, 0o755);
