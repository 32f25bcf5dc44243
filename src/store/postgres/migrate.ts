// Applies the schema migrations, one step per transaction, under a transaction-level advisory
// lock: many runners connecting at once queue up, and each step is applied exactly once.
import type { PoolClient } from 'pg';
import { LATEST_VERSION, MIGRATIONS, SCHEMA } from './schema';

/** Arbitrary but fixed: the advisory lock every playwright-perf migrator takes. */
const MIGRATION_LOCK = 0x5057_7066; // "PWpf"

export class SchemaVersionError extends Error {}

async function currentVersion(client: PoolClient): Promise<number> {
  const r = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${SCHEMA}.schema_migrations`);
  return r.rows[0]?.v ?? 0;
}

export async function migrate(client: PoolClient): Promise<{ from: number; to: number }> {
  let from = -1;
  for (const step of MIGRATIONS) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_migrations (
        version int PRIMARY KEY, title text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const version = await currentVersion(client);
      if (from < 0) from = version;
      if (version > LATEST_VERSION) {
        throw new SchemaVersionError(
          `the history database has schema version ${version}, newer than this ` +
            `playwright-perf knows (${LATEST_VERSION}); upgrade playwright-perf — nothing was changed`,
        );
      }
      if (version < step.version) {
        await client.query(step.sql);
        await client.query(`INSERT INTO ${SCHEMA}.schema_migrations (version, title) VALUES ($1, $2)`, [
          step.version,
          step.title,
        ]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
  return { from, to: LATEST_VERSION };
}
