#!/usr/bin/env node
// Generates docs/report.schema.json (JSON Schema of report.json) FROM the TypeScript contracts in
// src/types/, so the published schema cannot drift from the code. `npm run schema` rewrites it;
// `node scripts/schema.mjs --check` exits 1 when the committed file is stale (a unit test runs the
// same comparison). Uses ts-json-schema-generator (dev dependency).
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = join(root, 'docs', 'report.schema.json');

export function generateSchema() {
  const require = createRequire(import.meta.url);
  const { createGenerator } = require('ts-json-schema-generator');
  const generator = createGenerator({
    path: join(root, 'src', 'types', 'index.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'JsonReport',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    sortProps: true,
    strictTuples: false,
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const schema = generator.createSchema('JsonReport');
  schema.$id = 'https://github.com/playwright-perf/playwright-perf/docs/report.schema.json';
  schema.title = 'playwright-perf JSON report (report.json)';
  schema.description = 'Generated from src/types by scripts/schema.mjs — do not edit by hand.';
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = generateSchema();
  if (process.argv.includes('--check')) {
    const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== fresh) {
      console.error('docs/report.schema.json is out of date with src/types: run `npm run schema`');
      process.exit(1);
    }
    console.log('docs/report.schema.json is up to date');
  } else {
    writeFileSync(SCHEMA_FILE, fresh);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
