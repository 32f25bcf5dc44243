// A Pushgateway that is unreachable, silent or answers 5xx costs one warning: the run's outcome,
// exit code and reports are exactly those of the same run without a push.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { createProject, countMatches, type InlineProject } from '../helpers/inline-project';
import { freePort } from '../helpers/prometheus-servers';
import type { RunRecord } from '../../src/types';
import { syntheticReport } from '../helpers/synthetic-report';
import { resolvePrometheusOptions } from '../../src/export/options';
import { pushRunMetrics } from '../../src/export/push';

const config = (prometheus: string) => `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests', workers: 1,
  reporter: [['list'], ['playwright-perf', { history: false, html: false, ${prometheus} }]],
});
`;

let p: InlineProject;
let http500: Server;
const held: Socket[] = [];
let silent: ReturnType<typeof createTcpServer>;
const urls: Record<string, string> = {};

const listen = (srv: Server | ReturnType<typeof createTcpServer>) =>
  new Promise<number>((r) => srv.listen(0, '127.0.0.1', () => r((srv.address() as { port: number }).port)));

before(async () => {
  http500 = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = 503;
      res.end('overloaded');
    });
  });
  // Accepts the connection and never answers.
  silent = createTcpServer((s) => {
    held.push(s);
    s.on('error', () => {});
  });
  urls.unreachable = `http://127.0.0.1:${await freePort()}`;
  urls.error5xx = `http://127.0.0.1:${await listen(http500)}`;
  urls.silent = `http://127.0.0.1:${await listen(silent)}`;
  p = createProject('export-push-fail', {
    'playwright.config.ts': config(''),
    'tests/a.spec.ts': `import { test, expect } from '@playwright/test';
test('passes', async () => { expect(1).toBe(1); });
test('fails', async () => { expect(1).toBe(2); });
`,
  });
  for (const [name, url] of Object.entries(urls)) {
    p.write(`${name}.config.ts`, config(`prometheus: { pushgateway: { url: '${url}', timeoutMs: 1500 } }`));
  }
});
after(async () => {
  p?.cleanup();
  for (const s of held) s.destroy();
  await Promise.all([new Promise((r) => http500?.close(r)), new Promise((r) => silent?.close(r))]);
});

const outcomes = (run: RunRecord) => run.tests.map((t) => `${t.title}:${t.outcome}`).sort();

test('gateway unreachable, answering 5xx or silent: one warning, identical outcome and exit code', async () => {
  const plain = await p.run();
  assert.equal(plain.exitCode, 1, 'one test fails by design');
  const plainRun = p.readRun();
  for (const name of Object.keys(urls)) {
    const out = await p.run(['--config', `${name}.config.ts`]);
    assert.equal(out.exitCode, plain.exitCode, `${name}: ${out.stderr}`);
    assert.equal(
      countMatches(out.stderr, /\[playwright-perf\] warning \(export\.pushgateway\)/),
      1,
      `${name}: ${out.stderr}`,
    );
    assert.match(out.stderr, /push to Pushgateway http:\/\/127\.0\.0\.1:\d+\/ failed/);
    if (name === 'error5xx') assert.match(out.stderr, /503/);
    if (name === 'silent') assert.match(out.stderr, /timed out|no answer within 1500 ms/);
    const run = p.readRun();
    assert.deepEqual(outcomes(run), outcomes(plainRun));
    assert.equal(run.errors.filter((e) => e.where === 'export.pushgateway').length, 1);
  }
});

test('a silent gateway holds the push for its timeout, not longer', async () => {
  const report = syntheticReport({ tests: 5 });
  const { options } = resolvePrometheusOptions({ pushgateway: { url: urls.silent, timeoutMs: 1000 } }, {});
  const started = Date.now();
  await assert.rejects(pushRunMetrics(report, options), /timed out|no answer within 1000 ms/);
  const took = Date.now() - started;
  // Known truth: the timeout. The upper end only allows for a busy machine's scheduling.
  assert.ok(took >= 990 && took < 10_000, `push gave up after ${took} ms`);
});
