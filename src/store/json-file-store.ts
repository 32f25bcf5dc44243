// The default history backend: one JSON document managed with lowdb, through our own lowdb adapter
// so that every write is (1) under a cross-process lock (proper-lockfile: a lock directory next to
// the file, stale after STALE_MS, so shards and parallel CI jobs on one machine queue up instead of
// losing each other's runs), (2) atomic (temp file + fsync + rename), and (3) keeps the previous
// version as `<file>.bak`. A file that cannot be parsed is never overwritten: it is copied to
// `<file>.corrupt-<hash>.bak` and a HistoryFileError explains what to do.
import { readFileSync, existsSync, copyFileSync, linkSync, rmSync, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import type { HistoryData } from '../types';
import { writeFileAtomic } from '../util/atomic-write';
import { emptyHistory, migrateHistory, HistoryFormatError } from './migrations';
import type { HistoryStore } from './history-store';
import { isPacked, packHistory, unpackHistory } from './packed-format';
import { errorMessage } from '../util/errors';

/** A lock not refreshed for this long is considered abandoned (a crashed run). proper-lockfile's default. */
const STALE_MS = 10_000;
/** Waiting for other writers: ~60 tries with backoff up to 1 s ≈ a minute at most. */
const LOCK_RETRIES = { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 1000, randomize: true };

export class HistoryFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly backup?: string,
  ) {
    super(message);
  }
}

/** Minimal lowdb adapter shape (lowdb's `Adapter<T>`), declared here so lowdb stays behind import(). */
interface Adapter<T> {
  read(): Promise<T | null>;
  write(data: T): Promise<void>;
}

class SafeJsonAdapter implements Adapter<HistoryData> {
  migratedFrom?: number;
  constructor(private readonly file: string) {}

  async read(): Promise<HistoryData | null> {
    if (!existsSync(this.file)) return null;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      throw new HistoryFileError(`cannot read history file ${this.file}: ${errorMessage(e)}`, this.file);
    }
    let parsed: unknown;
    try {
      if (!text.trim()) throw new Error('the file is empty');
      parsed = JSON.parse(text);
    } catch (e) {
      const backup = backupCorrupt(this.file, text);
      throw new HistoryFileError(
        `history file ${this.file} is corrupt (${errorMessage(e)}). It was left untouched and copied to ${backup}; ` +
          'this run was not added to history. Repair it (the previous good version may be in ' +
          `${this.file}.bak` +
          ') or delete it to start a new history.',
        this.file,
        backup,
      );
    }
    try {
      // Migrations work on the stored form; unpacking comes after.
      const { data, migratedFrom } = migrateHistory(parsed, this.file);
      this.migratedFrom = migratedFrom;
      return isPacked(data) ? unpackHistory(data) : data;
    } catch (e) {
      if (e instanceof HistoryFormatError) throw new HistoryFileError(e.message, this.file);
      throw e;
    }
  }

  async write(data: HistoryData): Promise<void> {
    // Keep the previous version: a hard link costs nothing and survives the rename below.
    const bak = `${this.file}.bak`;
    if (existsSync(this.file)) {
      try {
        rmSync(bak, { force: true });
        linkSync(this.file, bak);
      } catch {
        try {
          copyFileSync(this.file, bak);
        } catch {
          /* a missing backup must not lose the run */
        }
      }
    }
    writeFileAtomic(this.file, JSON.stringify(packHistory(data)));
  }
}

function backupCorrupt(file: string, text: string): string {
  const hash = createHash('sha1').update(text).digest('hex').slice(0, 8);
  const backup = `${file}.corrupt-${hash}.bak`;
  try {
    if (!existsSync(backup)) copyFileSync(file, backup);
  } catch {
    return `(backup failed; original still at ${file})`;
  }
  return backup;
}

type LowCtor = new (
  adapter: Adapter<HistoryData>,
  defaults: HistoryData,
) => {
  data: HistoryData;
  read(): Promise<void>;
  write(): Promise<void>;
};

let lowCtor: Promise<LowCtor> | undefined;
/** lowdb is ESM-only: loaded with import() (kept as import() by module Node16) on first use. */
function loadLow(): Promise<LowCtor> {
  lowCtor ??= import('lowdb').then((m) => m.Low as unknown as LowCtor);
  return lowCtor;
}

export class JsonFileHistoryStore implements HistoryStore {
  constructor(readonly file: string) {}

  describe(): string {
    return this.file;
  }

  async changeToken(): Promise<string | null> {
    // Every write renames a new file into place: a new inode, mtime and usually size.
    try {
      const s = await stat(this.file, { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch {
      return null;
    }
  }

  async read(): Promise<HistoryData> {
    // Writers rename a complete file into place, so a reader needs no lock.
    const Low = await loadLow();
    const db = new Low(new SafeJsonAdapter(this.file), emptyHistory());
    await db.read();
    return db.data;
  }

  async update<T>(fn: (data: HistoryData) => T | Promise<T>): Promise<T> {
    const Low = await loadLow();
    mkdirSync(dirname(this.file), { recursive: true });
    let compromised: Error | undefined;
    let release: () => Promise<void>;
    // Loaded on first write only: suites that never touch history pay nothing (test/e2e/lighthouse-lazy).
    const lockfile = require('proper-lockfile') as typeof import('proper-lockfile');
    try {
      release = await lockfile.lock(this.file, {
        realpath: false,
        stale: STALE_MS,
        retries: LOCK_RETRIES,
        // Default handler throws from a timer (crashing the test runner); record it instead.
        onCompromised: (e) => {
          compromised = e;
        },
      });
    } catch (e) {
      throw new HistoryFileError(
        `history file ${this.file} is locked by another run (${errorMessage(e)}); this run was not added to history`,
        this.file,
      );
    }
    try {
      const db = new Low(new SafeJsonAdapter(this.file), emptyHistory());
      await db.read();
      const result = await fn(db.data);
      if (compromised)
        throw new HistoryFileError(
          `lost the lock on ${this.file} (${compromised.message}); this run was not added to history`,
          this.file,
        );
      await db.write();
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }
}
