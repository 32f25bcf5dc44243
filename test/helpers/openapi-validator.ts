// Validates API responses against docs/openapi.json: every schema of the document is compiled with
// ajv (OpenAPI 3.1 = JSON Schema 2020-12), and a response is checked against the schema its
// operation declares for its status code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

export const OPENAPI_PATH = join(__dirname, '..', '..', 'docs', 'openapi.json');
const DOC_ID = 'https://playwright-perf.local/openapi.json';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: { 'application/json'?: { schema: { $ref: string } } } }>;
}

export interface OpenApiValidator {
  operations: string[];
  /** Throws with ajv's errors when the body does not match. */
  check(operationId: string, status: number, body: unknown): void;
}

export function openApiValidator(): OpenApiValidator {
  const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  ajv.addSchema({ $id: DOC_ID, components: doc.components });
  const ops = new Map<string, Operation>();
  for (const methods of Object.values(doc.paths) as Array<Record<string, Operation>>) {
    for (const op of Object.values(methods)) ops.set(op.operationId, op);
  }
  return {
    operations: [...ops.keys()],
    check(operationId, status, body) {
      const op = ops.get(operationId);
      if (!op) throw new Error(`operation ${operationId} is not in docs/openapi.json`);
      const response = op.responses[String(status)];
      if (!response) throw new Error(`${operationId}: status ${status} is not documented`);
      const ref = response.content?.['application/json']?.schema.$ref;
      if (!ref) throw new Error(`${operationId}: no JSON schema for ${status}`);
      const validate = ajv.getSchema(DOC_ID + ref);
      if (!validate) throw new Error(`${operationId}: cannot resolve ${ref}`);
      if (!validate(body))
        throw new Error(
          `${operationId} ${status}: ${ajv.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(body).slice(0, 500)}`,
        );
    },
  };
}
