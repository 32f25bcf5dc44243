// One suite, two stores: every behaviour of history (round trip, idempotent appends, shards, pins,
// retention, import, the regression verdicts) is checked on the JSON file and on a real Postgres
// server, and both must give the same answers.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openHistoryStore, type HistoryStore } from '../../src/store/history-store';
import { recordRun } from '../../src/store/record-run';
import { defaultHistoryOptions } from '../../src/store/options';
import { applyRetention } from '../../src/store/retention';
import { importHistory } from '../../src/store/import-history';
import { compact, compactTest, noisy, rng } from '../helpers/history-factories';
import { startPostgres, type PgServer } from '../helpers/postgres-server';
import type { CompactRun, HistoryComparison } from '../../src/types';

let pg: PgServer;
const dir = mkdtempSync(join(tmpdir(), 'pwperf-stores-'));
let seq = 0;
const stores: HistoryStore[] = [];

before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await Promise.all(stores.map((s) => s.close?.()));
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kinds = {
  json: async () => openHistoryStore(join(dir, `h${++seq}.json`)),
  postgres: async () => openHistoryStore(await pg.createDatabase()),
};

async function fresh(kind: keyof typeof kinds): Promise<HistoryStore> {
  const s = await kinds[kind]();
  stores.push(s);
  return s;
}

/** A history where run `current` makes one test 30 % slower and leaves the others alone. */
function regressionScenario(): { earlier: CompactRun[]; current: CompactRun } {
  const r = rng(42);
  const run = (i: number, slow: number) =>
    compact(
      i,
      [
        compactTest('a.spec.ts › steady', noisy(r, 200, 0.05, 1)),
        compactTest('a.spec.ts › slows down', noisy(r, slow, 0.05, 1)),
      ],
      [{ metric: 'nav.ttfb', subject: '127.0.0.1/p1', project: 'chromium', values: noisy(r, 50, 0.05, 5) }],
    );
  return { earlier: Array.from({ length: 8 }, (_, i) => run(i, 300)), current: run(8, 390) };
}

const verdicts = (c?: HistoryComparison) =>
  (c?.findings ?? [])
    .map((f) => `${f.metric}|${f.subject}|${f.verdict}|${f.baselineMedian}|${f.currentMedian}|${f.qValue}`)
    .sort();

const answers: Record<string, unknown> = {};

for (const kind of Object.keys(kinds) as Array<keyof typeof kinds>) {
  describe(`${kind} store`, () => {
    test('empty, then every field of a run round-trips', async () => {
      const store = await fresh(kind);
      assert.deepEqual((await store.read()).runs, []);
      const run = compact(
        1,
        [compactTest('x › y', [120, 80], { outcome: 'flaky' })],
        [{ metric: 'vital.CLS', subject: 'h/p', project: 'chromium', values: [0.01, 0.2] }],
        { labels: { env: 'ci', שפה: 'עברית' }, commit: 'abc', shard: '2/3' },
      );
      const r0 = await store.changeToken!();
      await store.update((d) => {
        d.runs.push(run);
      });
      assert.deepEqual((await store.read()).runs, [run]);
      const r1 = await store.changeToken!();
      assert.notEqual(r1, r0, 'a write changes the revision');
      await store.read();
      assert.equal(await store.changeToken!(), r1, 'a read does not');
    });

    test('recordRun gives the same verdicts on both stores, and appends a run once', async () => {
      const store = await fresh(kind);
      const { earlier, current } = regressionScenario();
      const opts = defaultHistoryOptions();
      const now = current.startTime + 1000;
      for (const r of earlier) await recordRun(store, r, opts, { now });
      const res = await recordRun(store, current, opts, { now });
      const again = await recordRun(store, current, opts, { now });
      assert.equal(res.added, true);
      assert.equal(again.added, false, 'a duplicate upload is not a second run');
      const data = await store.read();
      assert.equal(data.runs.length, 9);
      const flagged = res.comparison?.findings.filter((f) => f.verdict === 'regression').map((f) => f.subject);
      assert.deepEqual(flagged, ['a.spec.ts › slows down']);
      answers[kind] = { verdicts: verdicts(res.comparison), alerts: data.alerts, quality: res.quality };
      if (Object.keys(answers).length === 2) assert.deepEqual(answers.json, answers.postgres);
    });

    test('a long mixed history (branches, machines, pins, retention): same verdicts and same data as the JSON store', async () => {
      const store = await fresh(kind);
      const r = rng(7);
      const opts = { ...defaultHistoryOptions(), keepRuns: 60 };
      const results: unknown[] = [];
      for (let i = 0; i < 90; i++) {
        const branch = i % 3 === 0 ? 'feature' : 'main';
        const machineClass = i % 4 === 0 ? 'linux-x64-8cpu-32g' : 'linux-x64-2cpu-8g';
        const slow = i >= 85 && branch === 'main' ? 400 : 300;
        const run = compact(
          1000 + i,
          [compactTest('m.spec.ts › a', noisy(r, slow, 0.05, 2)), compactTest('m.spec.ts › b', noisy(r, 100, 0.05, 1))],
          [{ metric: 'nav.ttfb', subject: 'h/p', project: 'chromium', values: noisy(r, 40, 0.1, 3) }],
          { branch, machineClass },
        );
        if (i === 20)
          await store.update((d) => {
            d.pins.old = [d.runs[2].runId];
          });
        const res = await recordRun(store, run, opts, { now: run.startTime });
        results.push([res.added, verdicts(res.comparison), res.comparison?.baseline, res.quality]);
      }
      const data = await store.read();
      answers[`mixed-${kind}`] = { results, runs: data.runs.map((x) => x.runId), alerts: data.alerts, pins: data.pins };
      assert.ok(
        data.runs.some((x) => x.runId === 'r1002'),
        'the pinned run survives retention',
      );
      assert.equal(data.runs.length, 61);
      if (answers['mixed-json'] && answers['mixed-postgres'])
        assert.deepEqual(answers['mixed-postgres'], answers['mixed-json']);
    });

    test('shards sharing a run id are parts of one run; a re-upload of a shard is ignored', async () => {
      const store = await fresh(kind);
      const opts = defaultHistoryOptions();
      const part = (s: number) =>
        compact(100 + s, [compactTest(`s${s}.spec.ts › t`, [100])], [], { runId: 'ci-42', shard: `${s}/3` });
      for (const s of [3, 1, 3, 2, 1]) await recordRun(store, part(s), opts, { now: part(3).startTime });
      const runs = (await store.read()).runs;
      assert.deepEqual(runs.map((r) => r.shard).sort(), ['1/3', '2/3', '3/3']);
      assert.ok(runs.every((r) => r.runId === 'ci-42'));
    });

    test('pins, alerts, retention and import behave as in the JSON store', async () => {
      const store = await fresh(kind);
      const runs = Array.from({ length: 6 }, (_, i) => compact(200 + i, [compactTest('p › q', [100 + i])]));
      await store.update((d) => {
        d.runs.push(...runs);
        d.pins.release = [runs[0].runId];
        d.alerts.push({
          id: 'a1',
          runId: runs[1].runId,
          time: 1,
          kind: 'budget',
          severity: 'warn',
          metric: 'm',
          subject: 's',
          message: 'x',
        });
      });
      const removed = await store.update(
        (d) => applyRetention(d, { keepRuns: 2, keepDays: 100_000, now: runs[5].startTime }).removedRuns,
      );
      const data = await store.read();
      assert.deepEqual(
        data.runs.map((r) => r.runId),
        [runs[0], runs[4], runs[5]].map((r) => r.runId),
        'pinned run kept',
      );
      assert.deepEqual(removed.sort(), [1, 2, 3].map((i) => runs[i].runId).sort());
      assert.deepEqual(data.alerts, [], 'alerts go with their runs');
      assert.deepEqual(data.pins, { release: [runs[0].runId] });
      const source = await fresh('json');
      await source.update((d) => {
        d.runs.push(runs[1], runs[5]);
        d.pins.old = [runs[1].runId];
      });
      const res = await importHistory(await source.read(), store);
      assert.deepEqual([res.added, res.skipped, res.pins], [1, 1, 1]);
      assert.deepEqual(
        (await store.read()).runs.map((r) => r.runId),
        [runs[0], runs[1], runs[4], runs[5]].map((r) => r.runId),
      );
      const twice = await importHistory(await source.read(), store);
      assert.equal(twice.added, 0, 'importing again adds nothing');
    });
  });
}

describe('postgres only', () => {
  test('schema: migrated once under concurrent first connects; a newer schema is refused untouched', async () => {
    const url = await pg.createDatabase();
    const many = Array.from({ length: 6 }, () => openHistoryStore(url));
    stores.push(...many);
    await Promise.all(many.map((s) => s.read()));
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const v = await c.query('SELECT version FROM playwright_perf.schema_migrations');
      assert.deepEqual(v.rows, [{ version: 1 }]);
      await c.query("INSERT INTO playwright_perf.schema_migrations (version, title) VALUES (99, 'future')");
      const old = openHistoryStore(url);
      stores.push(old);
      await assert.rejects(old.read(), /schema version 99, newer than this playwright-perf knows \(1\)/);
      const still = await c.query('SELECT count(*)::int AS n FROM playwright_perf.schema_migrations');
      assert.equal(still.rows[0].n, 2);
    } finally {
      await c.end();
    }
  });

  test('connection lost mid-write: rolled back and retried, the run is in exactly once', async () => {
    const url = await pg.createDatabase();
    const store = openHistoryStore(url);
    stores.push(store);
    await store.read();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    let calls = 0;
    try {
      await store.update(async (d) => {
        calls++;
        d.runs.push(compact(300, [compactTest('k › l', [1])]));
        if (calls === 1) {
          // Cut this transaction's connection, as a network blip or server restart would.
          await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'playwright-perf' AND datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`);
          await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'playwright-perf' AND datname = current_database() AND pid <> pg_backend_pid()`);
        }
      });
    } finally {
      await admin.end();
    }
    assert.equal(calls, 2, 'the update ran again on a new connection');
    assert.deepEqual(
      (await store.read()).runs.map((r) => r.runId),
      ['r300'],
    );
  });

  test('database down: a clear error naming the database without its password', async () => {
    const store = openHistoryStore('postgres://user:secret@127.0.0.1:9/nothing');
    await assert.rejects(
      store.read(),
      (e: Error) =>
        /history database postgres:\/\/user:\*\*\*@127\.0\.0\.1:9\/nothing: read failed/.test(e.message) &&
        !e.message.includes('secret'),
    );
  });
});
