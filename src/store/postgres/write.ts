// Writes what a read-modify-write changed, inside the caller's transaction: new run parts (with
// their tests and metric samples) are inserted idempotently, parts that retention removed are
// deleted, and the small collections (alerts, pins, optimizations) are replaced when they changed.
import type { PoolClient } from 'pg';
import type { CompactRun, HistoryData } from '../../types';
import { partKey, partOf } from './read';
import { SCHEMA } from './schema';

export interface Snapshot {
  parts: Set<string>;
  alerts: HistoryData['alerts'];
  /** Set for a scoped read: only these runs' alerts were loaded, so only they are rewritten. */
  scopedRunIds?: string[];
  pins: string;
  optimizations: string;
}

/** Postgres text and jsonb cannot hold U+0000; such a character (only ever seen in hostile test
 *  titles) is stored as U+FFFD, the one change a round trip through the database makes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Postgres text cannot hold U+0000; it is replaced
export const pgText = (s: string): string => s.replace(/\u0000/g, '\uFFFD');
const pgJson = (v: unknown): string => JSON.stringify(v).replace(/\\u0000/g, '\\ufffd');

export function snapshot(data: HistoryData, scopedRunIds?: string[]): Snapshot {
  return {
    parts: new Set(data.runs.map((r) => partKey(r.runId, partOf(r)))),
    alerts: [...data.alerts],
    ...(scopedRunIds ? { scopedRunIds } : {}),
    pins: JSON.stringify(data.pins),
    optimizations: JSON.stringify(data.optimizations),
  };
}

/** `1/3` → 3; a whole run has one part. */
function shardTotal(run: CompactRun): number {
  const total = Number(run.shard?.split('/')[1]);
  return Number.isInteger(total) && total > 0 ? total : 1;
}

/** Inserts one part; a part already stored (a retried or duplicate upload) is left as it is. */
export async function insertPart(client: PoolClient, run: CompactRun): Promise<boolean> {
  const part = partOf(run);
  const { tests, metrics, ...header } = run;
  await client.query(
    `INSERT INTO ${SCHEMA}.runs (run_id, shard_total) VALUES ($1, $2) ON CONFLICT (run_id) DO NOTHING`,
    [run.runId, shardTotal(run)],
  );
  const added = await client.query(
    `INSERT INTO ${SCHEMA}.run_parts (run_id, part, start_time, wall_time_ms, status, interrupted, branch, commit,
       machine_class, header)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (run_id, part) DO NOTHING RETURNING run_id`,
    [
      run.runId,
      part,
      run.startTime,
      run.wallTimeMs,
      run.status,
      run.interrupted,
      run.branch ?? null,
      run.commit ?? null,
      run.machineClass,
      pgJson(header),
    ],
  );
  if (added.rowCount === 0) return false;
  if (tests.length) {
    await client.query(
      `INSERT INTO ${SCHEMA}.tests (run_id, part, ord, project, subject, outcome, body)
       SELECT $1, $2, t.ord, t.project, t.subject, t.outcome, t.body
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS t(ord, project, subject, outcome, body)`,
      [
        run.runId,
        part,
        tests.map((_, i) => i),
        tests.map((t) => pgText(t.project)),
        tests.map((t) => pgText(t.subject)),
        tests.map((t) => t.outcome),
        tests.map(pgJson),
      ],
    );
  }
  if (metrics.length) {
    await client.query(
      `INSERT INTO ${SCHEMA}.metric_samples (run_id, part, ord, metric, project, subject, body)
       SELECT $1, $2, m.ord, m.metric, m.project, m.subject, m.body
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS m(ord, metric, project, subject, body)`,
      [
        run.runId,
        part,
        metrics.map((_, i) => i),
        metrics.map((m) => m.metric),
        metrics.map((m) => (m.project === undefined ? null : pgText(m.project))),
        metrics.map((m) => pgText(m.subject)),
        metrics.map(pgJson),
      ],
    );
  }
  // Sealed once: when the last expected shard arrives (a whole run seals itself).
  await client.query(
    `UPDATE ${SCHEMA}.runs r SET sealed_at = now() WHERE r.run_id = $1 AND r.sealed_at IS NULL
       AND (SELECT count(*) FROM ${SCHEMA}.run_parts p WHERE p.run_id = r.run_id) >= r.shard_total`,
    [run.runId],
  );
  return true;
}

async function insertAlerts(client: PoolClient, alerts: HistoryData['alerts']): Promise<void> {
  if (!alerts.length) return;
  await client.query(
    `INSERT INTO ${SCHEMA}.alerts (run_id, body)
    SELECT r, b FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(r, b, n) ORDER BY n`,
    [alerts.map((a) => pgText(a.runId)), alerts.map(pgJson)],
  );
}

/** The usual change is alerts appended for the new run: insert those; anything else rewrites the
 *  alerts that were read (all of them, or the scoped runs' ones). */
async function writeAlerts(client: PoolClient, before: Snapshot, alerts: HistoryData['alerts']): Promise<void> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const appended = alerts.length >= before.alerts.length && before.alerts.every((a, i) => same(a, alerts[i]));
  if (appended) return insertAlerts(client, alerts.slice(before.alerts.length));
  if (before.scopedRunIds) {
    await client.query(`DELETE FROM ${SCHEMA}.alerts WHERE run_id = ANY($1::text[])`, [
      [...new Set(before.scopedRunIds)],
    ]);
  } else {
    await client.query(`DELETE FROM ${SCHEMA}.alerts`);
  }
  await insertAlerts(client, alerts);
}

async function replaceOptimizations(client: PoolClient, rows: unknown[]): Promise<void> {
  await client.query(`DELETE FROM ${SCHEMA}.optimizations`);
  if (rows.length) {
    await client.query(
      `INSERT INTO ${SCHEMA}.optimizations (body)
      SELECT b FROM unnest($1::jsonb[]) WITH ORDINALITY AS t(b, n) ORDER BY n`,
      [rows.map(pgJson)],
    );
  }
}

export async function writeChanges(client: PoolClient, before: Snapshot, data: HistoryData): Promise<void> {
  const after = new Set<string>();
  for (const run of data.runs) {
    const key = partKey(run.runId, partOf(run));
    after.add(key);
    if (!before.parts.has(key)) await insertPart(client, run);
  }
  const removed = [...before.parts].filter((k) => !after.has(k)).map((k) => k.split('\u0000'));
  if (removed.length) {
    await client.query(
      `DELETE FROM ${SCHEMA}.run_parts p USING unnest($1::text[], $2::text[]) AS d(run_id, part)
       WHERE p.run_id = d.run_id AND p.part = d.part`,
      [removed.map((r) => r[0]), removed.map((r) => r[1])],
    );
    await client.query(
      `DELETE FROM ${SCHEMA}.runs r WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.run_parts p WHERE p.run_id = r.run_id)`,
    );
  }
  await writeAlerts(client, before, data.alerts);
  if (JSON.stringify(data.optimizations) !== before.optimizations)
    await replaceOptimizations(client, data.optimizations);
  if (JSON.stringify(data.pins) !== before.pins) {
    await client.query(`DELETE FROM ${SCHEMA}.pins`);
    const rows = Object.entries(data.pins).flatMap(([name, ids]) => ids.map((id, ord) => [name, ord, id] as const));
    if (rows.length) {
      await client.query(
        `INSERT INTO ${SCHEMA}.pins (name, ord, run_id) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    }
  }
}
