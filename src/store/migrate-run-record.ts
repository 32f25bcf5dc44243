// Reads run records written by any version of playwright-perf: checks the envelope, then upgrades
// old schema versions one step at a time (v1 → v2 → … → current), so `playwright-perf report`
// and the history store can always re-process an old run.json. Adding a field with a default is
// done here too, so every consumer sees the current shape.
import { RUN_RECORD_KIND, RUN_RECORD_VERSION, type RunRecord } from '../types';

export class RunRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunRecordError';
  }
}

/** One upgrade step: takes a record of version `from` and returns one of version `from + 1`. */
export type MigrationStep = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * Steps keyed by the version they upgrade FROM. Version 1 is the first published version, so there
 * are none yet; when RUN_RECORD_VERSION becomes 2, add `1: (r) => ({ ...r, newField: default })`.
 */
export const MIGRATIONS: Record<number, MigrationStep> = {};

export interface MigrateResult {
  run: RunRecord;
  /** The version the input had, when it was upgraded. */
  migratedFrom?: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function migrateRunRecord(
  input: unknown,
  steps: Record<number, MigrationStep> = MIGRATIONS,
  current = RUN_RECORD_VERSION,
): MigrateResult {
  if (!isObject(input)) throw new RunRecordError('not a playwright-perf run record (expected a JSON object)');
  if (input.kind !== RUN_RECORD_KIND) {
    throw new RunRecordError(
      `not a playwright-perf run record (kind is ${JSON.stringify(input.kind)}, expected "${RUN_RECORD_KIND}")`,
    );
  }
  const version = input.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new RunRecordError(`run record has no valid schemaVersion (got ${JSON.stringify(version)})`);
  }
  if ((version as number) > current) {
    throw new RunRecordError(
      `run record schemaVersion ${version} is newer than this playwright-perf understands (${current}); upgrade playwright-perf`,
    );
  }
  let record: Record<string, unknown> = input;
  for (let v = version as number; v < current; v++) {
    const step = steps[v];
    if (!step) throw new RunRecordError(`no upgrade from run record schemaVersion ${v} to ${v + 1}`);
    record = { ...step(record), schemaVersion: v + 1 };
  }
  if (!Array.isArray(record.tests)) throw new RunRecordError('run record has no "tests" array');
  // Optional-in-practice collections: tolerate records from runs that were cut off early.
  if (!Array.isArray(record.system)) record = { ...record, system: [] };
  if (!Array.isArray(record.errors)) record = { ...record, errors: [] };
  return { run: record as unknown as RunRecord, ...(version !== current ? { migratedFrom: version as number } : {}) };
}
