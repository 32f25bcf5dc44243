// History in Postgres, for a fleet of CI runners sharing one history (docs/history-postgres.md).
// Same contract as the JSON file: read() is a consistent snapshot, update() a read-modify-write
// that is exclusive across every writer (a transaction-level advisory lock) and all-or-nothing (one
// transaction). A connection lost mid-write rolls back and the whole update is retried, so a run is
// either fully in or not at all — and its unique keys make a retry that did commit harmless.
import type { Pool, PoolClient } from 'pg';
import type { HistoryData } from '../../types';
import type { HistoryScope, HistoryStore } from '../history-store';
import { applySqlRetention, selectScope } from './scope';
import { errorMessage } from '../../util/errors';
import { migrate } from './migrate';
import { readHistory } from './read';
import { snapshot, writeChanges } from './write';
import { poolConfig, redactUrl } from './connection';
import { SCHEMA } from './schema';

/** Fixed key of the writers' advisory lock (distinct from the migration lock). */
const WRITE_LOCK = 0x5057_7077; // "PWpw"
/** Tries of one update when the connection breaks (server restart, network blip, failover). */
const RETRIES = 3;
const RETRY_DELAYS_MS = [200, 1000, 3000];

/** Errors worth a retry: the connection or the server went away, or a serialization conflict. */
export function isTransient(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const msg = errorMessage(e);
  return (
    /^(08|57P0[123]|40001|40P01|53300)/.test(code) ||
    /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|Connection terminated|connection timeout|terminating connection|connection error/i.test(
      msg,
    )
  );
}

export class HistoryDatabaseError extends Error {}

export class PostgresHistoryStore implements HistoryStore {
  private pool: Pool | undefined;
  private ready: Promise<void> | undefined;

  constructor(private readonly url: string) {}

  describe(): string {
    return redactUrl(this.url);
  }

  private async client(): Promise<PoolClient> {
    if (!this.pool) {
      // pg is only loaded by users who opt into a database.
      const { Pool } = require('pg') as typeof import('pg');
      this.pool = new Pool(poolConfig(this.url));
      // An idle client losing its connection must not crash the user's test runner.
      this.pool.on('error', () => undefined);
    }
    const client = await this.pool.connect();
    // A connection cut while checked out emits 'error' on the client; without a listener that would
    // be an uncaught exception in the user's runner. The pending query rejects anyway (and retries).
    if (!client.listenerCount('error')) client.on('error', () => undefined);
    try {
      this.ready ??= migrate(client).then(() => undefined);
      await this.ready;
    } catch (e) {
      this.ready = undefined;
      client.release(true);
      throw e;
    }
    return client;
  }

  private async withRetry<T>(what: string, fn: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let client: PoolClient | undefined;
      try {
        client = await this.client();
        const result = await fn(client);
        client.release();
        return result;
      } catch (e) {
        client?.release(true);
        if (attempt + 1 < RETRIES && isTransient(e)) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        throw new HistoryDatabaseError(`history database ${this.describe()}: ${what} failed: ${errorMessage(e)}`);
      }
    }
  }

  read(): Promise<HistoryData> {
    return this.withRetry('read', async (client) => {
      // REPEATABLE READ: the six queries see one snapshot, even while other runners commit.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        return await readHistory(client);
      } finally {
        await client.query('COMMIT').catch(() => undefined);
      }
    });
  }

  update<T>(fn: (data: HistoryData) => T | Promise<T>, scope?: HistoryScope): Promise<T> {
    return this.withRetry('update', async (client) => {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        const filter = scope ? await selectScope(client, scope) : undefined;
        const data = await readHistory(client, filter);
        const before = snapshot(data, filter?.runIds);
        const result = await fn(data);
        await writeChanges(client, before, data);
        if (scope?.retention) await applySqlRetention(client, scope.retention);
        await client.query(`UPDATE ${SCHEMA}.revision SET value = value + 1`);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  changeToken(): Promise<string> {
    return this.withRetry('change token', async (client) => {
      const r = await client.query<{ value: string }>(`SELECT value FROM ${SCHEMA}.revision`);
      return `pg:${r.rows[0]?.value ?? 0}`;
    });
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.ready = undefined;
    await pool?.end().catch(() => undefined);
  }
}
