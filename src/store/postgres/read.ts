// Reads the whole history document from Postgres: one query per table, assembled in memory in the
// order the JSON store keeps (runs oldest first, tests and series in recorded order).
import type { PoolClient } from 'pg';
import {
  HISTORY_KIND,
  HISTORY_SCHEMA_VERSION,
  type CompactRun,
  type CompactTest,
  type HistoryData,
  type MetricSeries,
} from '../../types';
import { SCHEMA } from './schema';

/** A part is one shard of a run, or 'all' for a whole (unsharded or merged) run. */
export const WHOLE_RUN = 'all';

export const partOf = (run: Pick<CompactRun, 'shard'>): string => run.shard ?? WHOLE_RUN;
export const partKey = (runId: string, part: string): string => `${runId}\u0000${part}`;

type Header = Omit<CompactRun, 'tests' | 'metrics'>;

/** Which parts to read: all of them, or the (run_id, part) pairs picked by selectScope. */
export type PartFilter = { runIds: string[]; parts: string[] } | undefined;

/** `(run_id, part) IN (the filter)` for table alias `t`, with the filter as parameters $1, $2. */
function where(filter: PartFilter): { sql: string; params: unknown[] } {
  if (!filter) return { sql: '', params: [] };
  return {
    sql: `WHERE (t.run_id, t.part) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    params: [filter.runIds, filter.parts],
  };
}

export async function readHistory(client: PoolClient, filter?: PartFilter): Promise<HistoryData> {
  const w = where(filter);
  const parts = await client.query<{ run_id: string; part: string; header: Header }>(
    `SELECT run_id, part, header FROM ${SCHEMA}.run_parts t ${w.sql} ORDER BY start_time, run_id, part`,
    w.params,
  );
  const byKey = new Map<string, CompactRun>();
  const runs: CompactRun[] = [];
  for (const row of parts.rows) {
    const run: CompactRun = { ...row.header, tests: [], metrics: [] };
    byKey.set(partKey(row.run_id, row.part), run);
    runs.push(run);
  }
  const tests = await client.query<{ run_id: string; part: string; body: CompactTest }>(
    `SELECT run_id, part, body FROM ${SCHEMA}.tests t ${w.sql} ORDER BY run_id, part, ord`,
    w.params,
  );
  for (const row of tests.rows) byKey.get(partKey(row.run_id, row.part))?.tests.push(row.body);
  const series = await client.query<{ run_id: string; part: string; body: MetricSeries }>(
    `SELECT run_id, part, body FROM ${SCHEMA}.metric_samples t ${w.sql} ORDER BY run_id, part, ord`,
    w.params,
  );
  for (const row of series.rows) byKey.get(partKey(row.run_id, row.part))?.metrics.push(row.body);
  // A scoped read sees the alerts of the runs it loaded (and writes back only those).
  const alerts = await client.query<{ body: HistoryData['alerts'][number] }>(
    filter
      ? `SELECT body FROM ${SCHEMA}.alerts WHERE run_id = ANY($1::text[]) ORDER BY ord`
      : `SELECT body FROM ${SCHEMA}.alerts ORDER BY ord`,
    filter ? [[...new Set(filter.runIds)]] : [],
  );
  const pins = await client.query<{ name: string; run_id: string }>(
    `SELECT name, run_id FROM ${SCHEMA}.pins ORDER BY name, ord`,
  );
  const opts = await client.query<{ body: HistoryData['optimizations'][number] }>(
    `SELECT body FROM ${SCHEMA}.optimizations ORDER BY ord`,
  );
  const pinMap: Record<string, string[]> = {};
  for (const p of pins.rows) (pinMap[p.name] ??= []).push(p.run_id);
  return {
    kind: HISTORY_KIND,
    schemaVersion: HISTORY_SCHEMA_VERSION,
    runs,
    pins: pinMap,
    alerts: alerts.rows.map((r) => r.body),
    optimizations: opts.rows.map((r) => r.body),
  };
}
