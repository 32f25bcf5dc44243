// The storage interface behind history. The default is a lowdb JSON file (json-file-store.ts); a
// Postgres database (postgres/postgres-store.ts) serves a fleet of runners. Every reader and writer
// (reporter, CLI, optimizer, serve) goes through these calls, so both stores behave the same.
import type { HistoryData } from '../types';
import { JsonFileHistoryStore } from './json-file-store';
import { isDatabaseUrl } from './postgres/connection';

export interface HistoryStore {
  /** Where the history lives, for messages (never with a password). */
  describe(): string;
  /** A consistent snapshot (empty history when nothing was stored yet). */
  read(): Promise<HistoryData>;
  /** Read-modify-write under an exclusive lock; `fn` mutates the data in place. */
  update<T>(fn: (data: HistoryData) => T | Promise<T>): Promise<T>;
  /** Releases connections (database stores); a no-op for files. */
  close?(): Promise<void>;
}

/** A file path, or a `postgres://` / `postgresql://` URL. */
export function openHistoryStore(target: string): HistoryStore {
  if (isDatabaseUrl(target)) {
    const { PostgresHistoryStore } = require('./postgres/postgres-store') as typeof import('./postgres/postgres-store');
    return new PostgresHistoryStore(target);
  }
  return new JsonFileHistoryStore(target);
}
