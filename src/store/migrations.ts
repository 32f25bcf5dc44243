// Step-by-step upgrades of the stored history document: each step takes version N to N+1, so a file
// written by any older playwright-perf is brought up to date one version at a time. A file from a
// newer version is refused (never rewritten): an old reporter must not destroy a new history.
import { createHash } from 'node:crypto';
import { HISTORY_KIND, HISTORY_SCHEMA_VERSION, type HistoryData } from '../types';

export type MigrationStep = (doc: Record<string, unknown>) => Record<string, unknown>;

/** steps[n] upgrades version n to n + 1. Version 1 is the first published shape. */
export const HISTORY_MIGRATIONS: Record<number, MigrationStep> = {
  // 1 → 2: alerts get an id and a status, so they can be acknowledged and resolved (playwright-perf serve).
  1: (doc) => {
    const perRun = new Map<string, number>();
    const alerts = Array.isArray(doc.alerts) ? (doc.alerts as Array<Record<string, unknown>>) : [];
    return {
      ...doc,
      alerts: alerts.map((a) => {
        const runId = String(a.runId);
        const n = perRun.get(runId) ?? 0;
        perRun.set(runId, n + 1);
        return { id: alertId(runId, n), status: 'open', ...a };
      }),
    };
  },
};

/** `a-` + 16 hex digits from the run id and the alert's position among that run's alerts: stable and URL-safe. */
export function alertId(runId: string, index: number): string {
  return 'a-' + createHash('sha256').update(`${runId}\u0000${index}`).digest('hex').slice(0, 16);
}

export class HistoryFormatError extends Error {}

export function emptyHistory(): HistoryData {
  return {
    kind: HISTORY_KIND,
    schemaVersion: HISTORY_SCHEMA_VERSION,
    runs: [],
    pins: {},
    alerts: [],
    optimizations: [],
  };
}

export function migrateHistory(
  input: unknown,
  file: string,
  steps: Record<number, MigrationStep> = HISTORY_MIGRATIONS,
  target: number = HISTORY_SCHEMA_VERSION,
): { data: HistoryData; migratedFrom?: number } {
  if (
    !input ||
    typeof input !== 'object' ||
    Array.isArray(input) ||
    (input as { kind?: unknown }).kind !== HISTORY_KIND
  ) {
    throw new HistoryFormatError(
      `${file} is not a playwright-perf history file (no "kind": "${HISTORY_KIND}"); it was left untouched`,
    );
  }
  let doc = input as Record<string, unknown>;
  const from = doc.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    throw new HistoryFormatError(`${file} has an invalid schemaVersion ${JSON.stringify(from)}; it was left untouched`);
  }
  if (from > target) {
    throw new HistoryFormatError(
      `${file} was written by a newer playwright-perf (history schema ${from}, this version reads up to ${target}); upgrade playwright-perf or point history.path elsewhere. The file was left untouched`,
    );
  }
  for (let v = from; v < target; v++) {
    const step = steps[v];
    if (!step) throw new HistoryFormatError(`no migration from history schema ${v} to ${v + 1}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const data = doc as unknown as HistoryData;
  // Tolerate missing collections (hand-edited files) rather than crash later.
  data.runs ??= [];
  data.pins ??= {};
  data.alerts ??= [];
  data.optimizations ??= [];
  if (!Array.isArray(data.runs))
    throw new HistoryFormatError(`${file}: "runs" must be an array; the file was left untouched`);
  return from < target ? { data, migratedFrom: from } : { data };
}
