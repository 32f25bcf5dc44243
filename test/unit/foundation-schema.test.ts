// docs/report.schema.json is generated from src/types: the committed file must equal a fresh
// generation (run `npm run schema` after changing a contract), and factory reports must validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { reportValidator, SCHEMA_PATH } from '../helpers/report-schema';
import { makeRun, makeTest, makeResult, makeStep, makeSample } from '../helpers/factories';
import { buildReport } from '../../src/report/build-report';
import { defaultOptions } from '../../src/reporter/options';

test('committed docs/report.schema.json equals a fresh generation from src/types', async () => {
  const mod = await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'schema.mjs')).href);
  const fresh: string = mod.generateSchema();
  const committed = readFileSync(SCHEMA_PATH, 'utf8');
  assert.ok(committed === fresh, 'docs/report.schema.json is stale: run `npm run schema` and commit it');
});

test('a factory-built report validates; a broken one does not', async () => {
  const run = makeRun({
    tests: [makeTest({ results: [makeResult({ steps: [makeStep({ params: { url: '/x' } })] })] })],
    system: [makeSample()],
    errors: [{ where: 'x', message: 'y', time: 1, severity: 'warning' }],
  });
  const report = await buildReport(run, { options: { ...defaultOptions(), history: false }, rootDir: process.cwd() });
  const validate = reportValidator();
  const good = validate(JSON.parse(JSON.stringify(report)));
  assert.ok(good.ok, good.errors);
  const bad = JSON.parse(JSON.stringify(report));
  bad.run.tests[0].results[0].durationMs = 'slow';
  delete bad.analysis.summary;
  const r = validate(bad);
  assert.equal(r.ok, false);
  assert.match(r.errors, /durationMs must be number/);
  assert.match(r.errors, /must have required property 'summary'/);
});
