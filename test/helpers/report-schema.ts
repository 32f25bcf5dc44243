// ajv validator for report.json against the published docs/report.schema.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

export const SCHEMA_PATH = join(__dirname, '..', '..', 'docs', 'report.schema.json');

export function reportValidator(): (data: unknown) => { ok: boolean; errors: string } {
  // Strict: the schema itself must be clean; union types ("string | boolean") are legitimate.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  return (data) => {
    const ok = validate(data) as boolean;
    return { ok, errors: ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) };
  };
}
