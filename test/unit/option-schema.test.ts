// The shared option checking (valibot schemas + worded expectations): typed values out, and a
// message naming the key for values that used to break the old hand-written checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { option, parseOption, plainObject, stringRecord, v } from '../../src/util/option-schema';
import { resolvePerfOptions } from '../../src/fixtures/options';
import { resolveHistoryOptions } from '../../src/store/options';

test('parseOption returns the parsed value or not-ok', () => {
  const spec = option(v.pipe(v.number(), v.integer(), v.minValue(1)), 'a positive integer');
  assert.deepEqual(parseOption(spec, 3), { ok: true, value: 3 });
  assert.deepEqual(parseOption(spec, 0), { ok: false });
  assert.deepEqual(parseOption(spec, '3'), { ok: false });
  assert.equal(v.is(plainObject, []), false);
  assert.equal(v.is(plainObject, null), false);
  assert.equal(v.is(stringRecord, { env: 'ci' }), true);
  assert.equal(v.is(stringRecord, { n: 1 }), false);
});

test('fixture options: a BigInt or a function is reported by key, never thrown', () => {
  const r = resolvePerfOptions({ webVitals: 10n, startup: () => true, locators: false });
  assert.equal(r.options.webVitals, true);
  assert.equal(r.options.startup, true);
  assert.equal(r.options.locators, false);
  assert.deepEqual(r.problems, [
    'perfOptions.webVitals must be true or false, got 10; using true',
    'perfOptions.startup must be true or false, got a function; using true',
  ]);
});

test('history.baseline accepts exactly one of its three shapes', () => {
  assert.deepEqual(resolveHistoryOptions({ baseline: { pinned: 'release' } }).history, {
    ...(resolveHistoryOptions({}).history as object),
    baseline: { pinned: 'release' },
  });
  const both = resolveHistoryOptions({ baseline: { previous: 3, pinned: 'x' } });
  assert.match(both.problems[0], /^option "history\.baseline" must be one of \{ previous: <positive integer> \}/);
});
