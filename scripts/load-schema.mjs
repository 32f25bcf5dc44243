#!/usr/bin/env node
// Generates docs/load-report.schema.json (JSON Schema of load-report/load.json) from the LoadReport
// type in src/types/load.ts, as scripts/schema.mjs does for report.json. `--check` exits 1 when the
// committed file is stale (a unit test runs the same comparison).
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LOAD_SCHEMA_FILE = join(root, 'docs', 'load-report.schema.json');

export function generateLoadSchema() {
  const require = createRequire(import.meta.url);
  const { createGenerator } = require('ts-json-schema-generator');
  const generator = createGenerator({
    path: join(root, 'src', 'types', 'load.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'LoadReport',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    sortProps: true,
    strictTuples: false,
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const schema = generator.createSchema('LoadReport');
  schema.$id = 'https://github.com/playwright-perf/playwright-perf/docs/load-report.schema.json';
  schema.title = 'playwright-perf load report (load-report/load.json)';
  schema.description = 'Generated from src/types/load.ts by scripts/load-schema.mjs — do not edit by hand.';
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = generateLoadSchema();
  if (process.argv.includes('--check')) {
    const current = existsSync(LOAD_SCHEMA_FILE) ? readFileSync(LOAD_SCHEMA_FILE, 'utf8') : '';
    if (current !== fresh) {
      console.error('docs/load-report.schema.json is out of date with src/types/load.ts: run `npm run schema`');
      process.exit(1);
    }
    console.log('docs/load-report.schema.json is up to date');
  } else {
    writeFileSync(LOAD_SCHEMA_FILE, fresh);
    console.log(`wrote ${LOAD_SCHEMA_FILE}`);
  }
}
