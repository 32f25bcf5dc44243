// Choosing the Postgres store: option and env var, bad values named without echoing secrets, and
// which database errors are retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHistoryOptions } from '../../src/store/options';
import { isTransient } from '../../src/store/postgres/postgres-store';
import { redactUrl } from '../../src/store/postgres/connection';
import { openHistoryStore } from '../../src/store/history-store';

test('history.url and PLAYWRIGHT_PERF_HISTORY_URL select the database; bad values keep the file', () => {
  const opt = resolveHistoryOptions({ url: 'postgresql://u:p@db/perf?sslmode=require' }, {});
  assert.equal(opt.history && opt.history.url, 'postgresql://u:p@db/perf?sslmode=require');
  const env = resolveHistoryOptions(undefined, { PLAYWRIGHT_PERF_HISTORY_URL: 'postgres://ci@db/perf' });
  assert.equal(env.history && env.history.url, 'postgres://ci@db/perf');
  const bad = resolveHistoryOptions({ url: 'mysql://root:s3cret@db' }, {});
  assert.equal(bad.history && bad.history.url, undefined);
  assert.deepEqual(bad.problems, [
    'option "history.url" must be a postgres:// or postgresql:// URL; using the history file',
  ]);
  assert.ok(!bad.problems.join().includes('s3cret'));
  const badEnv = resolveHistoryOptions(undefined, { PLAYWRIGHT_PERF_HISTORY_URL: 'file.json' });
  assert.equal(badEnv.problems.length, 1);
  assert.equal(resolveHistoryOptions(false, { PLAYWRIGHT_PERF_HISTORY_URL: 'postgres://x/y' }).history, false);
});

test('store choice, masked descriptions and transient errors', () => {
  assert.equal(openHistoryStore('postgres://a:b@h:5/d').describe(), 'postgres://a:***@h:5/d');
  assert.match(openHistoryStore('/tmp/h.json').describe(), /h\.json$/);
  assert.equal(redactUrl('postgres://h/d'), 'postgres://h/d');
  for (const e of [
    { code: '57P01' },
    { code: '08006' },
    new Error('Connection terminated unexpectedly'),
    { code: '40001' },
  ]) {
    assert.equal(isTransient(e), true, JSON.stringify(e));
  }
  for (const e of [{ code: '42P01' }, new Error('syntax error'), { code: '23505' }])
    assert.equal(isTransient(e), false);
});
