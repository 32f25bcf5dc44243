#!/usr/bin/env node
// Generates the published JSON Schemas FROM the TypeScript contracts in src/types/, so they cannot
// drift from the code: docs/report.schema.json (report.json) and docs/load-report.schema.json
// (load-report/load.json). `npm run schema` rewrites both; `node scripts/schema.mjs --check` exits 1
// when a committed file is stale (unit tests run the same comparison). Uses ts-json-schema-generator.
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SCHEMAS = {
  report: {
    file: join(root, 'docs', 'report.schema.json'),
    source: join(root, 'src', 'types', 'index.ts'),
    type: 'JsonReport',
    title: 'playwright-perf JSON report (report.json)',
    description: 'Generated from src/types by scripts/schema.mjs — do not edit by hand.',
  },
  load: {
    file: join(root, 'docs', 'load-report.schema.json'),
    source: join(root, 'src', 'types', 'load.ts'),
    type: 'LoadReport',
    title: 'playwright-perf load report (load-report/load.json)',
    description: 'Generated from src/types/load.ts by scripts/schema.mjs — do not edit by hand.',
  },
};
export const SCHEMA_FILE = SCHEMAS.report.file;
export const LOAD_SCHEMA_FILE = SCHEMAS.load.file;

function generate(spec) {
  const require = createRequire(import.meta.url);
  const { createGenerator } = require('ts-json-schema-generator');
  const generator = createGenerator({
    path: spec.source,
    tsconfig: join(root, 'tsconfig.json'),
    type: spec.type,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    sortProps: true,
    strictTuples: false,
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const schema = generator.createSchema(spec.type);
  schema.$id = `https://github.com/playwright-perf/playwright-perf/${relative(root, spec.file)}`;
  schema.title = spec.title;
  schema.description = spec.description;
  return JSON.stringify(schema, null, 2) + '\n';
}

export const generateSchema = () => generate(SCHEMAS.report);
export const generateLoadSchema = () => generate(SCHEMAS.load);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let stale = false;
  for (const spec of Object.values(SCHEMAS)) {
    const fresh = generate(spec);
    const name = relative(root, spec.file);
    if (process.argv.includes('--check')) {
      const current = existsSync(spec.file) ? readFileSync(spec.file, 'utf8') : '';
      if (current !== fresh) {
        console.error(`${name} is out of date with src/types: run \`npm run schema\``);
        stale = true;
      } else console.log(`${name} is up to date`);
    } else {
      writeFileSync(spec.file, fresh);
      console.log(`wrote ${spec.file}`);
    }
  }
  if (stale) process.exit(1);
}
