// The parts a run's history stage needs (HistoryScope), picked in SQL so a history of thousands of
// runs is not read whole for every run: the latest runs overall (quality window), of the same
// machine class (trends, any-branch baseline), of the same branch and shard (the baseline), the
// pinned runs, a named baseline run, and the current run itself (to see a duplicate upload).
import type { PoolClient } from 'pg';
import type { HistoryScope } from '../history-store';
import { partOf, type PartFilter } from './read';
import { SCHEMA } from './schema';

export async function selectScope(client: PoolClient, scope: HistoryScope): Promise<PartFilter> {
  const c = scope.current;
  const r = await client.query<{ run_id: string; part: string }>(
    `
    (SELECT run_id, part FROM ${SCHEMA}.run_parts ORDER BY start_time DESC LIMIT $1)
    UNION (SELECT run_id, part FROM ${SCHEMA}.run_parts WHERE machine_class = $2 ORDER BY start_time DESC LIMIT $1)
    UNION (SELECT run_id, part FROM ${SCHEMA}.run_parts
           WHERE machine_class = $2 AND part = $3 AND branch IS NOT DISTINCT FROM $4 ORDER BY start_time DESC LIMIT $1)
    UNION (SELECT p.run_id, p.part FROM ${SCHEMA}.run_parts p WHERE p.run_id IN (SELECT run_id FROM ${SCHEMA}.pins))
    UNION (SELECT run_id, part FROM ${SCHEMA}.run_parts WHERE run_id = $5 OR ($6::text IS NOT NULL AND starts_with(run_id, $6)))`,
    [scope.recent, c.machineClass, partOf(c), c.branch ?? null, c.runId, scope.baselineRunId ?? null],
  );
  return { runIds: r.rows.map((x) => x.run_id), parts: r.rows.map((x) => x.part) };
}

/** Retention over the whole table (the scoped read only saw part of it): same rule as the JSON
 *  store — keep the newest keepRuns parts and nothing older than keepDays, pinned runs always. */
export async function applySqlRetention(
  client: PoolClient,
  retention: NonNullable<HistoryScope['retention']>,
): Promise<void> {
  const cutoff = (retention.now ?? Date.now()) - retention.keepDays * 86_400_000;
  await client.query(
    `
    DELETE FROM ${SCHEMA}.run_parts t
    WHERE t.run_id NOT IN (SELECT run_id FROM ${SCHEMA}.pins)
      AND (t.start_time < $1 OR t.run_id NOT IN (SELECT x.run_id FROM (
        SELECT run_id FROM ${SCHEMA}.run_parts
        WHERE run_id NOT IN (SELECT run_id FROM ${SCHEMA}.pins) ORDER BY start_time DESC LIMIT $2) x))`,
    [cutoff, retention.keepRuns],
  );
  await client.query(
    `DELETE FROM ${SCHEMA}.runs r WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.run_parts p WHERE p.run_id = r.run_id)`,
  );
  await client.query(
    `DELETE FROM ${SCHEMA}.alerts a WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.run_parts p WHERE p.run_id = a.run_id)`,
  );
}
