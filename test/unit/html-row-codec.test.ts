// Compact rows with named access: the server and the page share one field definition per row type,
// so neither ever writes a column number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowCodec } from '../../src/report/html/row-codec';
import { ATTEMPT_ROW, STEP_ROW, TEST_COLS, TEST_ROW, type TestFields } from '../../src/report/html/view-model-types';

interface Pair {
  name: string;
  size: number;
}

test('a codec encodes in column order, reads fields by name, decodes, sets in place', () => {
  const PAIR = rowCodec<Pair>()(['size', 'name'] as const);
  const row = PAIR.encode({ name: 'a', size: 3 });
  assert.deepEqual(row, [3, 'a']);
  assert.equal(PAIR.field.name(row), 'a');
  assert.equal(PAIR.field.size(row), 3);
  PAIR.set(row, 'size', 4);
  assert.deepEqual(PAIR.decode(row), { name: 'a', size: 4 });
  assert.equal(PAIR.index('name'), 1);
  assert.ok(PAIR.matches(['size', 'name']));
  assert.ok(!PAIR.matches(['name', 'size']));
  assert.throws(() => rowCodec<Pair>()(['name', 'size', 'name'] as never), /repeat/);
  // @ts-expect-error a column list that misses a field does not compile
  rowCodec<Pair>()(['name'] as const);
});

test('the view model codecs keep the published column order', () => {
  assert.deepEqual(TEST_ROW.cols, TEST_COLS);
  const fields = Object.fromEntries(TEST_COLS.map((c, i) => [c, i])) as unknown as TestFields;
  const row = TEST_ROW.encode(fields);
  assert.deepEqual(
    row,
    TEST_COLS.map((_, i) => i),
    'encode puts each field at its column',
  );
  assert.deepEqual(ATTEMPT_ROW.cols, ['test', 'retry', 'lane', 'startMs', 'durationMs', 'status', 'worker']);
  const step = STEP_ROW.encode({
    title: 1,
    category: 2,
    startMs: 3,
    durationMs: 4,
    bucket: 5,
    error: 0,
    params: 0,
    children: [],
  });
  assert.deepEqual(STEP_ROW.field.children(step), []);
});
