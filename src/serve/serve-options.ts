// Command-line options of `playwright-perf serve`, checked before anything starts: a bad port, a
// public host without a token, or a database URL that is not Postgres is an error naming the flag.
import { resolve } from 'node:path';
import { UsageError } from '../util/usage-error';
import { DEFAULT_HISTORY_PATH } from '../store/options';
import { TOKEN_ENV } from './auth';
import { HISTORY_URL_ENV, isDatabaseUrl } from '../store/postgres/connection';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7400;
/** A token shorter than this is too easy to guess over a network. */
const MIN_TOKEN_LENGTH = 16;
/** More server processes than this only multiply the memory on any machine we know. */
export const MAX_WORKERS = 16;

export interface ServeCliValues {
  history?: string;
  db?: string;
  port?: string;
  host?: string;
  token?: string;
  workers?: string;
}

export interface ServeConfig {
  /** A history file path, or a Postgres URL (--db). */
  historyFile: string;
  host: string;
  port: number;
  /** Server processes (1 = this process serves; more = a primary supervising that many). */
  workers: number;
  token?: string;
  /** Where the token came from, for the start-up message (never the token itself). */
  tokenSource?: '--token' | typeof TOKEN_ENV;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function resolveServeOptions(v: ServeCliValues, env: NodeJS.ProcessEnv, cwd: string): ServeConfig {
  if (v.db !== undefined && v.history !== undefined) throw new UsageError('give either --history or --db, not both');
  // The reporter's env var names the shared database too, unless a file is asked for.
  const db = v.db ?? (v.history === undefined ? env[HISTORY_URL_ENV] || undefined : undefined);
  if (db !== undefined && !isDatabaseUrl(db)) {
    throw new UsageError(`--db must be a postgres:// URL, got "${db.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  let port = DEFAULT_PORT;
  if (v.port !== undefined) {
    port = Number(v.port);
    if (!/^\d+$/.test(v.port) || port > 65535)
      throw new UsageError(`--port must be an integer from 0 to 65535 (0 = any free port), got "${v.port}"`);
  }
  const workers = v.workers === undefined ? 1 : Number(v.workers);
  if (v.workers !== undefined && (!/^\d+$/.test(v.workers) || workers < 1 || workers > MAX_WORKERS))
    throw new UsageError(`--workers must be an integer from 1 to ${MAX_WORKERS}, got "${v.workers}"`);
  const host = v.host ?? DEFAULT_HOST;
  if (!host.trim() || /[\s/]/.test(host))
    throw new UsageError(`--host must be a host name or IP address, got "${host}"`);
  const fromEnv = env[TOKEN_ENV];
  const token = v.token ?? (fromEnv ? fromEnv : undefined);
  const tokenSource = v.token !== undefined ? ('--token' as const) : token ? TOKEN_ENV : undefined;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(`${tokenSource} must be at least ${MIN_TOKEN_LENGTH} characters long`);
  }
  if (!isLoopbackHost(host) && !token) {
    throw new UsageError(
      `--host ${host} makes the server reachable from other machines: give a --token (or ${TOKEN_ENV}) too`,
    );
  }
  return {
    historyFile: db ?? resolve(cwd, v.history ?? DEFAULT_HISTORY_PATH),
    host,
    port,
    workers,
    ...(token ? { token, tokenSource } : {}),
  };
}
