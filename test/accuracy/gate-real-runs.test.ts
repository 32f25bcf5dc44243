// The gate on real runs, with default thresholds: a 2-test suite against a local server with fixed
// delays, run unchanged 12 times with `failOnRegression` on, must never fail (the first 5 runs are
// not armed yet and say so); then one page's server delay grows 10 % and a run with
// --repeat-each=5 must flag that page's series only, and fail the gate. One shared history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProject, LAUNCH_OPTIONS_SNIPPET } from '../helpers/inline-project';
import type { JsonReport } from '../../src/types';

const UNCHANGED_RUNS = 12;
/** Server delay per page (ms); /p2 will get 10 % slower (+100 ms, well above what a busy machine's
 *  late timers add), and is visited once per test (the --repeat-each=5 run still has 10 samples). */
const DELAYS: Record<string, number> = { '/p1': 100, '/p2': 1000, '/p3': 100 };
const SLOWED = '/p2';

// Two tests (one per worker), each visiting /p1 and /p3 three times (6 samples per page and metric
// per run, enough for the gate) and /p2 once. With --repeat-each=5 each worker also creates "warm" pages.
const SPEC = `import { test, expect } from 'playwright-perf';
for (const t of ['a', 'b']) {
  test('journey ' + t, async ({ page }) => {
    for (const p of ['p1', 'p3', 'p2', 'p1', 'p3', 'p1', 'p3']) {
      await page.goto(process.env.PERF_BASE + '/' + p);
      await expect(page.locator('h1')).toHaveText(p);
    }
  });
}
`;

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests', workers: 2, fullyParallel: true,
  reporter: [['playwright-perf', { html: false, history: { baseline: { previous: 10 } }, gate: { failOnRegression: true } }]],
  use: { ${LAUNCH_OPTIONS_SNIPPET} },
});
`;

function flagged(report: JsonReport): string[] {
  return (report.history?.findings ?? [])
    .filter((f) => f.verdict === 'regression' || f.verdict === 'improvement')
    .map((f) => `${f.verdict} ${f.metric} ${f.subject}: ${f.note ?? ''}`);
}

test('12 unchanged runs never fail the gate; a 10 % slower page is the only thing flagged', async () => {
  const delays = { ...DELAYS };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    setTimeout(() => {
      res.setHeader('content-type', 'text/html');
      res.end(`<h1>${path.slice(1)}</h1>`);
    }, delays[path] ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const env = { PERF_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  const p = createProject('gate-real-runs', { 'playwright.config.ts': CONFIG, 'tests/pages.spec.ts': SPEC });
  try {
    const alarms: string[] = [],
      notes: string[] = [];
    for (let i = 0; i < UNCHANGED_RUNS; i++) {
      const out = await p.run([], { env });
      const report = p.readReport();
      assert.equal(report.run.tests.filter((t) => t.outcome === 'expected').length, 2, out.stdout + out.stderr);
      const rg = report.gate?.regressionGate;
      if (i < 5) {
        assert.equal(rg?.armed, false, `run ${i + 1} must not be armed: ${JSON.stringify(report.gate)}`);
        assert.match(out.stdout, /regression gate not armed yet: /);
      } else {
        assert.equal(rg?.armed, true, `run ${i + 1} must be armed: ${JSON.stringify(report.gate)}`);
      }
      if (report.gate?.failed || out.exitCode !== 0)
        alarms.push(`run ${i + 1} FAILED: ${report.gate?.reasons.join('; ')}`);
      for (const f of flagged(report)) notes.push(`run ${i + 1}${rg?.armed ? '' : ' (not armed)'}: ${f}`);
    }
    assert.deepEqual(alarms, [], [...alarms, 'all findings:', ...notes].join('\n'));

    delays[SLOWED] = Math.round(DELAYS[SLOWED] * 1.1);
    const out = await p.run(['--repeat-each', '5'], { env });
    const report = p.readReport();
    const found = flagged(report);
    const ttfb = report.history!.findings.find((f) => f.metric === 'nav.ttfb' && f.subject === `127.0.0.1${SLOWED}`);
    assert.equal(ttfb?.verdict, 'regression', `${out.stdout}\n${JSON.stringify(ttfb)}`);
    assert.equal(ttfb!.currentSamples, 10);
    assert.ok(ttfb!.change! > 0.05 && ttfb!.change! < 0.2, JSON.stringify(ttfb));
    for (const f of found) assert.match(f, /\/p2:/, `only ${SLOWED}'s series may be flagged:\n${found.join('\n')}`);
    console.log(['unchanged runs:', ...notes, 'slowed run:', ...found].join('\n'));
    assert.equal(report.gate?.failed, true);
    assert.equal(out.exitCode, 1, 'the gate turns the green run red');
    assert.match(out.stdout, /playwright-perf gate: FAILED/);
  } finally {
    p.cleanup();
    await new Promise((r) => server.close(r));
  }
});
