// The example suite: real flows against the WeSign-style demo app (examples/app), measured with
// playwright-perf. Run it with `npm run demo`; the report lands in examples/perf-report/.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from 'playwright-perf';
import { execFileSync } from 'node:child_process';

// A free port, picked once in the runner (never a fixed one); workers inherit it via the env.
process.env.WESIGN_PORT ||= execFileSync(
  process.execPath,
  [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ],
  { encoding: 'utf8' },
).trim();
const baseURL = `http://127.0.0.1:${process.env.WESIGN_PORT}`;

// Server-side delays for the demo (see docs/demo-app.md), so the flows have realistic weight.
// Override with WESIGN_DEMO_DELAYS='' for an undelayed run.
const demoDelays =
  process.env.WESIGN_DEMO_DELAYS ??
  'login=150,documents=80,upload=200,file=60,sign=120,complete=100,payment=250,i18n=60,font=80';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['playwright-perf', { outputDir: 'perf-report' }]],
  use: {
    baseURL,
    launchOptions: chromiumLaunchOptions(),
    ...(demoDelays ? { extraHTTPHeaders: { 'x-wesign-delays': demoDelays } } : {}),
  },
  webServer: {
    command: `node app/server.mjs --port ${process.env.WESIGN_PORT}`,
    cwd: __dirname,
    url: `${baseURL}/__health`,
    // Nothing to reuse: every run picks a new free port (set WESIGN_PORT to pin one).
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
