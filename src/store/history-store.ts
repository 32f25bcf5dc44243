// The storage interface behind history. The default is a lowdb JSON file (json-file-store.ts); a
// Postgres database (postgres/postgres-store.ts) serves a fleet of runners. Every reader and writer
// (reporter, CLI, optimizer, serve) goes through these calls, so both stores behave the same.
import type { CompactRun, HistoryData } from '../types';
import { JsonFileHistoryStore } from './json-file-store';
import { isDatabaseUrl } from './postgres/connection';

export interface HistoryStore {
  /** Where the history lives, for messages (never with a password). */
  describe(): string;
  /** A consistent snapshot (empty history when nothing was stored yet). */
  read(): Promise<HistoryData>;
  /** Read-modify-write under an exclusive lock; `fn` mutates the data in place. With a scope, a
   *  store may hand `fn` only the runs the scope needs (plus pins); runs it leaves out are kept. */
  update<T>(fn: (data: HistoryData) => T | Promise<T>, scope?: HistoryScope): Promise<T>;
  /** Optional: a cheap value that changes whenever the stored history changes (readers that cache a
   *  snapshot, such as `playwright-perf serve`, re-read only then). Null when nothing is stored. */
  changeToken?(): Promise<string | null>;
  /** Releases connections (database stores); a no-op for files. */
  close?(): Promise<void>;
}

/** What the history stage of one run reads: the runs near `current` that a baseline, the quality
 *  window and the trends can use, and the retention to apply to everything else. */
export interface HistoryScope {
  current: CompactRun;
  /** How many latest runs each window needs (overall, same machine class, same branch and shard). */
  recent: number;
  /** A `runId` baseline: that run is loaded too, wherever it is in history. */
  baselineRunId?: string;
  retention?: { keepRuns: number; keepDays: number; now?: number };
}

/** A file path, or a `postgres://` / `postgresql://` URL. */
export function openHistoryStore(target: string): HistoryStore {
  if (isDatabaseUrl(target)) {
    const { PostgresHistoryStore } = require('./postgres/postgres-store') as typeof import('./postgres/postgres-store');
    return new PostgresHistoryStore(target);
  }
  return new JsonFileHistoryStore(target);
}
