// Connection settings for the Postgres store. The URL is a libpq-style connection string, so TLS is
// configured the way Postgres users know it (`?sslmode=require`, `sslrootcert=…`, `sslcert=…`,
// `sslkey=…`), parsed by pg itself; credentials never appear in messages.
import type { PoolConfig } from 'pg';

/** Lets CI keep the database URL (with its password) in a secret instead of the config. */
export const HISTORY_URL_ENV = 'PLAYWRIGHT_PERF_HISTORY_URL';
/** A reporter must not wait long for a database that is down: the run's reports come first. */
export const CONNECT_TIMEOUT_MS = 5000;
/** Writers hold one connection at a time; a few cover the server's concurrent readers. */
export const POOL_SIZE = 4;

export function isDatabaseUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function poolConfig(url: string): PoolConfig {
  return {
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 2000,
    // Idle pooled connections must not keep the test runner's process alive at the end of a run.
    allowExitOnIdle: true,
    application_name: 'playwright-perf',
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
