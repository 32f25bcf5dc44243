// Run-record envelope checks and step-by-step upgrades.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrateRunRecord, RunRecordError, type MigrationStep } from '../../src/store/migrate-run-record';
import { makeRun } from '../helpers/factories';

test('a current record passes through unchanged', () => {
  const run = makeRun();
  const r = migrateRunRecord(JSON.parse(JSON.stringify(run)));
  assert.deepEqual(r.run, run);
  assert.equal(r.migratedFrom, undefined);
});

test('old versions are upgraded one step at a time, in order', () => {
  const calls: number[] = [];
  const steps: Record<number, MigrationStep> = {
    1: (r) => {
      calls.push(1);
      return { ...r, addedIn2: true };
    },
    2: (r) => {
      calls.push(2);
      return { ...r, addedIn3: (r as { addedIn2?: boolean }).addedIn2 === true };
    },
  };
  const v1 = { ...makeRun(), schemaVersion: 1 };
  const r = migrateRunRecord(v1, steps, 3);
  assert.deepEqual(calls, [1, 2]);
  assert.equal(r.migratedFrom, 1);
  assert.equal(r.run.schemaVersion, 3);
  assert.equal((r.run as unknown as { addedIn3: boolean }).addedIn3, true);
  assert.throws(() => migrateRunRecord(v1, {}, 2), /no upgrade from run record schemaVersion 1 to 2/);
});

test('bad envelopes are clear errors', () => {
  const cases: Array<[unknown, RegExp]> = [
    [null, /expected a JSON object/],
    [[1], /expected a JSON object/],
    [{ kind: 'other' }, /kind is "other", expected "playwright-perf-run"/],
    [{ ...makeRun(), schemaVersion: 'x' }, /no valid schemaVersion \(got "x"\)/],
    [
      { ...makeRun(), schemaVersion: 99 },
      /schemaVersion 99 is newer than this playwright-perf understands \(1\); upgrade playwright-perf/,
    ],
    [{ ...makeRun(), tests: undefined }, /no "tests" array/],
  ];
  for (const [input, re] of cases)
    assert.throws(
      () => migrateRunRecord(input),
      (e: Error) => e instanceof RunRecordError && re.test(e.message),
    );
});

test('records cut off early get empty system/errors lists', () => {
  const { system: _s, errors: _e, ...partial } = makeRun();
  const r = migrateRunRecord(partial);
  assert.deepEqual(r.run.system, []);
  assert.deepEqual(r.run.errors, []);
});
