// ajv validator for load-report/load.json against the published docs/load-report.schema.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

export const LOAD_SCHEMA_PATH = join(__dirname, '..', '..', 'docs', 'load-report.schema.json');

export function loadReportValidator(): (data: unknown) => { ok: boolean; errors: string } {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(LOAD_SCHEMA_PATH, 'utf8')));
  return (data) => {
    const ok = validate(data) as boolean;
    return { ok, errors: ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) };
  };
}
