#!/usr/bin/env node
// What a preset costs in test time: the demo app's language switch done the plain Playwright way
// (click, then wait until <html lang> flipped and the new text is there) vs. through
// perf.presets.languageSwitch (which also waits for a stable painted layout and polls the page
// for its result). Paired, alternating runs on one page; prints each pair and the medians.
//
//   node bench/wesign-presets.mjs [--pairs 15]
//
// Needs a build (dist/) and a Chromium (chromiumLaunchOptions()).
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const { chromiumLaunchOptions } = require(join(root, 'dist', 'index.js'));
const { createFlowApi } = require(join(root, 'dist', 'fixtures', 'flow.js'));
const { createPresets } = require(join(root, 'dist', 'fixtures', 'presets', 'index.js'));
const { PerfCollector } = require(join(root, 'dist', 'fixtures', 'perf-collector.js'));
const { startServer } = await import(join(root, 'examples', 'app', 'server.mjs'));

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '15' } } });
const pairs = Number(values.pairs);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto(`${base}/login?lang=he`);
await page.fill('#email', 'demo@wesign.test');
await page.fill('#password', 'demo1234');
await page.click('#login-submit');
await page.waitForSelector('#document-list li.document');

const collector = new PerfCollector();
const presets = createPresets(createFlowApi(collector), collector);
const TEXT = { en: 'My documents', he: 'המסמכים שלי' };
let lang = 'he';

async function plain() {
  const to = lang === 'he' ? 'en' : 'he';
  const t0 = performance.now();
  await page.click('#lang-toggle');
  await page.waitForFunction(
    ([l, t]) => document.documentElement.lang === l && document.querySelector('#documents-title')?.textContent === t,
    [to, TEXT[to]],
  );
  lang = to;
  return performance.now() - t0;
}
async function preset() {
  const to = lang === 'he' ? 'en' : 'he';
  const t0 = performance.now();
  const r = await presets.languageSwitch(page, {
    trigger: () => page.click('#lang-toggle'),
    to,
    text: TEXT[to],
    selector: '#documents-title',
  });
  lang = to;
  return { wall: performance.now() - t0, measured: r.durationMs };
}

// Warm-up.
await plain();
await plain();
await preset();
await preset();
const a = [],
  b = [],
  m = [];
for (let i = 0; i < pairs; i++) {
  const order = i % 2 ? ['preset', 'plain'] : ['plain', 'preset'];
  const row = {};
  for (const kind of order) {
    if (kind === 'plain') row.plain = await plain();
    else {
      const r = await preset();
      row.preset = r.wall;
      row.measured = r.measured;
    }
  }
  a.push(row.plain);
  b.push(row.preset);
  m.push(row.measured);
  console.log(
    `pair ${String(i + 1).padStart(2)}: plain ${row.plain.toFixed(1)} ms   preset ${row.preset.toFixed(1)} ms   (switch measured in page ${row.measured.toFixed(1)} ms)`,
  );
}
console.log(
  `\nmedian over ${pairs} pairs: plain ${median(a).toFixed(1)} ms, preset ${median(b).toFixed(1)} ms, ` +
    `added test time ${(median(b) - median(a)).toFixed(1)} ms per switch; in-page switch duration ${median(m).toFixed(1)} ms`,
);
await browser.close();
server.close();
