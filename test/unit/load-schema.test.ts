// docs/load-report.schema.json is generated from src/types/load.ts and validates real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadReportValidator, LOAD_SCHEMA_PATH } from '../helpers/load-schema';
import { LoadRecorder } from '../../src/load/recorder';
import { buildLoadReport } from '../../src/load/build-report';
import { resolveLoadTest } from '../../src/load/validate';
import { renderLoadHtml } from '../../src/load/html';

test('committed docs/load-report.schema.json equals a fresh generation', async () => {
  const mod = await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'schema.mjs')).href);
  assert.ok(
    readFileSync(LOAD_SCHEMA_PATH, 'utf8') === mod.generateLoadSchema(),
    'stale: run `npm run schema` and commit it',
  );
});

function report() {
  const rec = new LoadRecorder(1000, 0.01);
  rec.vus(2, 0);
  for (let i = 0; i < 40; i++) {
    rec.sample('flow.<img src=x onerror=alert(1)>', 100 + i, i * 100);
    rec.iteration(
      {
        scenario: 's',
        atMs: i * 100,
        durationMs: 120 + i,
        ...(i % 10 ? {} : { error: { kind: 'crash' as const, message: '<script>x</script>' } }),
      },
      'constant-vus',
    );
  }
  rec.generator(0, { cpu: 0.97, eventLoopP99Ms: 12, rssMb: 80, freeMemMb: 1000 });
  rec.durationMs = 4000;
  rec.vus(-2, 4000);
  const t = resolveLoadTest({
    scenarios: { s: { executor: 'constant-vus', vus: 2, duration: '4s', exec: () => {} } },
    thresholds: { iteration: ['p95 < 150'] },
  });
  return buildLoadReport(rec.snapshot(), {
    runId: 'r',
    startedAt: new Date(0).toISOString(),
    startTime: 0,
    file: 'a.load.ts',
    segments: ['1/1'],
    workers: 1,
    remoteBrowsers: [],
    interrupted: false,
    thresholds: t.thresholds,
    scalabilityMetric: 'iteration',
    generatorLimits: { maxCpu: 0.9, maxEventLoopDelayMs: 100 },
  });
}

test('a built report validates; a broken one does not; saturated windows are flagged and left out', () => {
  const r = report();
  const validate = loadReportValidator();
  const good = validate(JSON.parse(JSON.stringify(r)));
  assert.ok(good.ok, good.errors);
  assert.equal(validate({ ...JSON.parse(JSON.stringify(r)), totals: { iterations: 'many' } }).ok, false);
  assert.equal(r.generator.saturatedWindows, 1);
  assert.equal(r.raw.windows[0].saturated, true);
  assert.equal(r.metrics.iteration.count, 30, 'window 0 (saturated) is not in the summary');
  assert.equal(r.totals.iterations, 40, 'counts keep every window');
  assert.match(r.warnings.join('\n'), /saturated in 1 of 4 windows/);
  assert.equal(r.raw.windows[1].activeVUs, 2);
});

test('the HTML view escapes metric names and error messages', () => {
  const html = renderLoadHtml(report());
  assert.doesNotMatch(html, /<img src=x/);
  assert.doesNotMatch(html, /<script>x/);
  assert.match(html, /\\u003cscript\\u003ex/);
  assert.match(html, /Content-Security-Policy/);
});
