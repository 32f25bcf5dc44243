// The package exports exactly the values docs/public-api.md documents: an internal helper cannot leak
// into the public API unnoticed, and a documented export cannot disappear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../../src/index';
import type { PerfApi } from '../../src/index';

// Type-checked by `npm run typecheck`: the raw collector is not part of the `perf` fixture any more.
// @ts-expect-error PerfApi has no `collector`; extensions attach their data with attachPerfData.
export type NoCollector = PerfApi['collector'];

test('src/index.ts exports exactly the values listed in docs/public-api.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'public-api.md'), 'utf8');
  const values = doc.slice(doc.indexOf('## Values'), doc.indexOf('## Types'));
  const documented = [...values.matchAll(/^\|\s*`([A-Za-z_]+)`\s*\|/gm)].map((m) => m[1]).sort();
  assert.ok(documented.length >= 15, `parsed only ${documented.length} exports from docs/public-api.md`);
  assert.deepEqual(
    Object.keys(api)
      .filter((k) => k !== '__esModule')
      .sort(),
    documented,
  );
});

test('internals stay internal: the schedule model and the detectors are not exported', () => {
  for (const name of ['lptMs', 'listScheduleMs', 'predictWall', 'buildSuiteModel', 'detectBottlenecks', 'recommend']) {
    assert.equal(name in api, false, name);
  }
});
