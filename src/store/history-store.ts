// The storage interface behind history. The default is a lowdb JSON file (json-file-store.ts);
// another backend (SQLite, a server) only has to provide these three calls.
import type { HistoryData } from '../types';
import { JsonFileHistoryStore } from './json-file-store';

export interface HistoryStore {
  /** Where the history lives, for messages. */
  describe(): string;
  /** A consistent snapshot (empty history when nothing was stored yet). */
  read(): Promise<HistoryData>;
  /** Read-modify-write under an exclusive lock; `fn` mutates the data in place. */
  update<T>(fn: (data: HistoryData) => T | Promise<T>): Promise<T>;
  /** Optional: a cheap value that changes whenever the stored history changes (readers that cache a
   *  snapshot, such as `playwright-perf serve`, re-read only then). Null when nothing is stored. */
  changeToken?(): Promise<string | null>;
}

export function openHistoryStore(file: string): HistoryStore {
  return new JsonFileHistoryStore(file);
}
