// perfOptions: defaults, switches, and bad input reported by name (never thrown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PERF_OPTIONS, resolvePerfOptions } from '../../src/fixtures/options';

test('defaults: everything on', () => {
  assert.deepEqual(resolvePerfOptions(undefined), { options: DEFAULT_PERF_OPTIONS, problems: [] });
  assert.ok(Object.values(DEFAULT_PERF_OPTIONS).every((v) => v === true));
});

test('single collectors switch off; enabled:false switches all off', () => {
  const r = resolvePerfOptions({ webVitals: false, runtime: false });
  assert.equal(r.options.webVitals, false);
  assert.equal(r.options.runtime, false);
  assert.equal(r.options.navigation, true);
  assert.ok(Object.values(resolvePerfOptions({ enabled: false }).options).every((v) => v === false));
});

test('unknown keys and wrong types are named and ignored', () => {
  const r = resolvePerfOptions({ webVitls: false, locators: 'no' });
  assert.equal(r.options.locators, true);
  assert.equal(r.problems.length, 2);
  assert.match(r.problems[0], /unknown perfOptions key "webVitls"/);
  assert.match(r.problems[1], /perfOptions.locators must be true or false, got "no"/);
  assert.match(resolvePerfOptions('yes').problems[0], /must be an object, got string/);
  assert.match(resolvePerfOptions([]).problems[0], /got an array/);
});
