#!/usr/bin/env node
// Cost of one system sample (CPU deltas, memory, load, Chromium process walk) and of building the
// analysis for a large synthetic run, in the current process. Prints medians over repeated batches.
//   node bench/overhead-sampler.mjs        (needs a build: dist/)
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
const require = createRequire(import.meta.url);
const { SystemSampler } = require('../dist/reporter/system-sampler.js');
const { analyzeRun } = require('../dist/analyze/run/index.js');
const { chromiumExecutablePath } = require('../dist/browser/resolve-chromium.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
/** Mean cost per call, median over batches (the mean includes the periodic full process walks). */
function perCallUs(fn, calls = 200, batches = 7) {
  const out = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e3 / calls);
  }
  return median(out);
}

// With a real browser running as our child, so the process walk has something to find.
let browser;
try {
  const exe = chromiumExecutablePath();
  if (existsSync(exe))
    browser = spawn(exe, ['--headless', '--no-sandbox', '--disable-gpu', 'about:blank'], { stdio: 'ignore' });
} catch {
  /* no browser: the walk is still measured */
}
await new Promise((r) => setTimeout(r, 1500));
const sampler = new SystemSampler(60_000);
sampler.start();
const us = perCallUs(() => sampler.sample());
const last = sampler.stop().at(-1);
browser?.kill();
console.log(
  `system sample: ${us.toFixed(0)} µs per sample (mean per batch of 200, median of 7 batches) ; ${last.chromiumProcesses} Chromium processes found`,
);
console.log(`  at the default 500 ms interval: ${(us / 5000).toFixed(3)} % of one core`);

// Analysis of a big run: 2000 tests × 2 attempts × 30 steps.
const T0 = Date.now();
const step = (i, t) => ({
  title: i % 3 ? 'Click' : 'Navigate',
  category: i % 5 ? 'pw:api' : 'expect',
  startTime: t + i * 10,
  durationMs: 8,
  params: { url: '/p' + (i % 7) },
  steps: [],
});
const tests = Array.from({ length: 2000 }, (_, n) => ({
  id: 'id' + n,
  file: `f${n % 40}.spec.ts`,
  line: 1,
  column: 1,
  titlePath: ['t' + n],
  title: 't' + n,
  project: 'p',
  expectedStatus: 'passed',
  outcome: n % 50 ? 'expected' : 'flaky',
  timeoutMs: 30000,
  annotations: [],
  tags: [],
  results: Array.from({ length: 2 }, (_, r) => ({
    retry: r,
    status: r ? 'passed' : 'failed',
    workerIndex: n % 4,
    parallelIndex: n % 4,
    startTime: T0 + n * 700 + r * 350,
    durationMs: 320,
    errors: [],
    attachments: [],
    steps: Array.from({ length: 30 }, (_, i) => step(i, T0 + n * 700 + r * 350)),
  })),
}));
const run = {
  kind: 'playwright-perf-run',
  schemaVersion: 1,
  runId: 'x',
  startedAt: '',
  startTime: T0,
  wallTimeMs: (2000 * 700) / 4,
  status: 'passed',
  interrupted: false,
  meta: {},
  config: { workers: 4, fullyParallel: true, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
  tests,
  system: [],
  errors: [],
};
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  analyzeRun(run);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(`core analysis of 2000 tests × 2 attempts × 30 steps: median ${median(times).toFixed(0)} ms`);
