#!/usr/bin/env node
// The demo: runs the example suite (examples/) against the example app with the playwright-perf
// reporter, then prints where the reports are. The suite's own pass/fail is the exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const r = spawnSync(
  process.execPath,
  [cli, 'test', '-c', join(root, 'examples', 'playwright.config.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const out = join(root, 'examples', 'perf-report');
if (existsSync(join(out, 'index.html'))) {
  console.log(
    `\nDemo reports:\n  HTML: ${join(out, 'index.html')}\n  JSON: ${join(out, 'report.json')}\n  Open with: npx playwright-perf show ${out}`,
  );
}
process.exit(r.status ?? 1);
