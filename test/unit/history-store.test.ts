// The JSON history store on real files in a temp folder: round trip, backups, corrupt and foreign
// files kept untouched, schema migrations, retention, re-recording the same run, optimisations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openHistoryStore } from '../../src/store/history-store';
import { HistoryFileError } from '../../src/store/json-file-store';
import { migrateHistory, emptyHistory, HistoryFormatError } from '../../src/store/migrations';
import { applyRetention } from '../../src/store/retention';
import { recordRun } from '../../src/store/record-run';
import { recordOptimization, listOptimizations } from '../../src/store/optimizations';
import { defaultHistoryOptions } from '../../src/store/options';
import { packHistory, unpackHistory } from '../../src/store/packed-format';
import { compact, compactTest } from '../helpers/history-factories';

const tmp = () => mkdtempSync(join(tmpdir(), 'pp-history-'));

test('update/read round trip; the previous version is kept as .bak', async () => {
  const dir = tmp();
  try {
    const file = join(dir, 'sub', 'history.json');
    const store = openHistoryStore(file);
    assert.deepEqual(await store.read(), emptyHistory());
    await store.update((d) => {
      d.runs.push(compact(1, [compactTest('a', [1])]));
    });
    await store.update((d) => {
      d.runs.push(compact(2, []));
    });
    const data = await store.read();
    assert.deepEqual(
      data.runs.map((r) => r.runId),
      ['r1', 'r2'],
    );
    const bak = JSON.parse(readFileSync(file + '.bak', 'utf8'));
    assert.deepEqual(
      bak.runs.map((r: { runId: string }) => r.runId),
      ['r1'],
    );
    assert.ok(
      !readdirSync(join(dir, 'sub')).some((n) => n.endsWith('.tmp') || n.endsWith('.lock')),
      'no temp or lock left behind',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt file is never overwritten: clear error, backup copy, content intact', async () => {
  const dir = tmp();
  try {
    const file = join(dir, 'history.json');
    const garbage = '{"kind":"playwright-perf-history","schemaVersion":1,"runs":[{"runId":"r1"';
    writeFileSync(file, garbage);
    const store = openHistoryStore(file);
    await assert.rejects(
      store.update((d) => {
        d.runs.length = 0;
      }),
      (e: Error) => {
        assert.ok(e instanceof HistoryFileError);
        assert.match(
          e.message,
          /history\.json is corrupt \(.+\)\. It was left untouched and copied to .+corrupt-[0-9a-f]{8}\.bak; this run was not added to history/,
        );
        return true;
      },
    );
    assert.equal(readFileSync(file, 'utf8'), garbage);
    const backups = readdirSync(dir).filter((n) => n.includes('.corrupt-'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(join(dir, backups[0]), 'utf8'), garbage);
    await assert.rejects(store.read(), /corrupt/);
    assert.equal(readdirSync(dir).filter((n) => n.includes('.corrupt-')).length, 1, 'same content → one backup');
    writeFileSync(file, '');
    await assert.rejects(store.read(), /corrupt \(the file is empty\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('foreign or newer files are refused and left untouched', async () => {
  const dir = tmp();
  try {
    const file = join(dir, 'history.json');
    writeFileSync(file, '{"hello":1}');
    await assert.rejects(
      openHistoryStore(file).update(() => undefined),
      /is not a playwright-perf history file/,
    );
    assert.equal(readFileSync(file, 'utf8'), '{"hello":1}');
    const newer = JSON.stringify({ ...emptyHistory(), schemaVersion: 99 });
    writeFileSync(file, newer);
    await assert.rejects(
      openHistoryStore(file).update(() => undefined),
      /written by a newer playwright-perf \(history schema 99/,
    );
    assert.equal(readFileSync(file, 'utf8'), newer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations run one step at a time', () => {
  const steps = {
    1: (d: Record<string, unknown>) => ({ ...d, pins: d.baselines ?? {} }),
    2: (d: Record<string, unknown>) => ({ ...d, alerts: [] }),
  };
  const { data, migratedFrom } = migrateHistory(
    { kind: 'playwright-perf-history', schemaVersion: 1, runs: [], baselines: { a: ['r1'] } },
    'f',
    steps,
    3,
  );
  assert.equal(migratedFrom, 1);
  assert.equal(data.schemaVersion, 3);
  assert.deepEqual(data.pins, { a: ['r1'] });
  assert.throws(
    () => migrateHistory({ kind: 'playwright-perf-history', schemaVersion: 1 }, 'f', {}, 2),
    HistoryFormatError,
  );
  assert.throws(
    () => migrateHistory({ kind: 'playwright-perf-history', schemaVersion: 'x' }, 'f'),
    /invalid schemaVersion/,
  );
});

test('retention keeps N runs and N days, pinned runs always, alerts with their runs', () => {
  const d = emptyHistory();
  const now = 1_700_000_000_000 + 100 * 60_000;
  d.runs = [1, 2, 3, 4, 5].map((i) => compact(i, []));
  d.runs[0].startTime = now - 100 * 86_400_000; // too old
  d.pins.keep = ['r2'];
  d.alerts = [
    { id: 'a1', runId: 'r3', time: 0, kind: 'budget', severity: 'error', metric: 'm', subject: 's', message: 'x' },
  ];
  const { removedRuns } = applyRetention(d, { keepRuns: 2, keepDays: 90, now });
  assert.deepEqual(removedRuns.sort(), ['r1', 'r3']);
  assert.deepEqual(
    d.runs.map((r) => r.runId),
    ['r2', 'r4', 'r5'],
  );
  assert.deepEqual(d.alerts, []);
});

test('recordRun appends once, compares against earlier runs, records alerts; optimisations API', async () => {
  const dir = tmp();
  try {
    const store = openHistoryStore(join(dir, 'h.json'));
    const opts = defaultHistoryOptions();
    const now = 1_700_000_000_000 + 3_600_000; // factory runs are from 2023: keep them inside keepDays
    for (let i = 1; i <= 6; i++) await recordRun(store, compact(i, [compactTest('a', [100 + i])]), opts, { now });
    const cur = compact(7, [compactTest('a', [400])]);
    const budgets = [
      {
        rule: 'test.duration < 300',
        subject: 'a',
        severity: 'error' as const,
        limit: 300,
        actual: 400,
        ok: false,
        message: 'too slow',
      },
    ];
    const first = await recordRun(store, cur, opts, { budgets, now });
    assert.equal(first.added, true);
    assert.equal(first.comparison!.findings[0].verdict, 'regression');
    assert.equal(first.comparison!.trends![0].points.length, 7);
    assert.deepEqual(Object.keys(first.comparison!.trends![0]).sort(), ['metric', 'points', 'project', 'subject']);
    const again = await recordRun(store, cur, opts, { budgets, now });
    assert.equal(again.added, false);
    assert.equal(again.comparison!.findings[0].verdict, 'regression', 'the run is not its own baseline');
    const data = await store.read();
    assert.equal(data.runs.length, 7);
    assert.deepEqual(
      data.alerts.map((a) => a.kind),
      ['budget', 'regression'],
    );
    const o = await recordOptimization(store, { title: 'workers 1 → 2', edits: [{ path: 'workers', from: 1, to: 2 }] });
    assert.equal(o.runIdBefore, 'r7');
    assert.deepEqual(
      (await listOptimizations(store)).map((x) => x.title),
      ['workers 1 → 2'],
    );
    // First run ever: no comparison, but quality is there.
    const fresh = await recordRun(openHistoryStore(join(dir, 'other.json')), cur, opts, { now });
    assert.equal(fresh.comparison, undefined);
    assert.equal(fresh.quality.runs, 1);
    assert.ok(existsSync(join(dir, 'other.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('packed on-disk form round-trips every field', async () => {
  const d = emptyHistory();
  d.runs = [
    compact(
      1,
      [
        compactTest('a › b', [12]),
        compactTest('c', [], {
          outcome: 'flaky',
          attempts: [
            ['failed', 900],
            ['timedOut', 30000],
            ['passed', 40],
          ],
          timeoutMs: 5000,
          project: 'firefox',
        }),
        compactTest('skip', [], { outcome: 'skipped', attempts: [] }),
      ],
      [
        { metric: 'nav.ttfb', subject: 'x/a', project: 'chromium', values: [1.5, 2] },
        { metric: 'run.x', subject: 'y', values: [] },
      ],
      { labels: { env: 'ci' } },
    ),
  ];
  d.pins = { rel: ['r1'] };
  const packed = packHistory(d);
  assert.equal(packed.runs[0].to, 'efs');
  assert.deepEqual(packed.runs[0].ta, [12, 'f900 t30000 p40', '']);
  assert.deepEqual(unpackHistory(JSON.parse(JSON.stringify(packed))), d);
});
