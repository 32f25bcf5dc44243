// docs/openapi.json is generated from the route table and src/types/api.ts: the committed file must
// equal a fresh generation (run `npm run openapi` after changing a route or a response type), and
// every route of the table must be in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateOpenApi, OPENAPI_FILE } from '../../scripts/openapi';
import { API_ROUTES } from '../../src/serve/api-spec';
import { openApiValidator } from '../helpers/openapi-validator';

test('committed docs/openapi.json equals a fresh generation', () => {
  assert.ok(
    readFileSync(OPENAPI_FILE, 'utf8') === generateOpenApi(),
    'docs/openapi.json is stale: run `npm run openapi` and commit it',
  );
});

test('every route of the table is an operation of the document, and its schemas compile', () => {
  const v = openApiValidator();
  assert.deepEqual([...v.operations].sort(), API_ROUTES.map((r) => r.id).sort());
  assert.throws(() => v.check('listRuns', 200, { total: 1 }), /must have required property/);
  v.check('listRuns', 400, { error: { status: 400, code: 'bad_request', message: 'x', field: 'limit' } });
});
