// Records an applied optimisation in the run history (when the project keeps one), so later runs
// read as "after the change" and reports show what was done when. The measured effect itself is
// stored with the backup entry (validation); history gets a one-line summary.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupEntry } from '../types';
import { DEFAULT_HISTORY_PATH } from '../store/options';
import { openHistoryStore } from '../store/history-store';
import { recordOptimization } from '../store/optimizations';
import { errorMessage } from '../util/errors';
import { HISTORY_URL_ENV, isDatabaseUrl } from '../store/postgres/connection';

/** Returns a message for the user: where it was recorded, or why not. Never throws. */
export async function recordInHistory(
  entry: BackupEntry,
  // A shared Postgres history (the same env var the reporter reads) wins over the local file.
  historyPath = process.env[HISTORY_URL_ENV] || join(dirname(entry.configPath), DEFAULT_HISTORY_PATH),
): Promise<string> {
  const isDb = isDatabaseUrl(historyPath);
  if (!isDb && !existsSync(historyPath))
    return `no run history at ${historyPath}; the effect is kept in the backup manifest only`;
  const store = openHistoryStore(historyPath);
  try {
    const v = entry.validation;
    await recordOptimization(store, {
      title: entry.edits.map((e) => `${e.path}=${e.toExpression ?? JSON.stringify(e.to)}`).join(', '),
      edits: entry.edits,
      configFile: entry.configPath,
      backupId: entry.id,
      note: v ? `validated (${v.reason}); backup ${entry.id}` : `applied without validation; backup ${entry.id}`,
      ...(v
        ? {
            effect: {
              baselineMedianMs: v.comparison.baselineMedianMs,
              candidateMedianMs: v.comparison.candidateMedianMs,
              change: v.comparison.change,
              ...(v.runsSpent !== undefined ? { runsSpent: v.runsSpent } : {}),
              ...(v.chosenWorkers !== undefined ? { chosenWorkers: v.chosenWorkers } : {}),
              ...(v.edits
                ? {
                    edits: v.edits.map((e) => ({
                      recommendationId: e.recommendationId,
                      kept: e.kept,
                      ...(e.effectMs !== undefined ? { effectMs: e.effectMs } : {}),
                      reason: e.reason,
                    })),
                  }
                : {}),
            },
          }
        : {}),
    });
    return `recorded in ${store.describe()}`;
  } catch (e) {
    return `could not record in ${store.describe()}: ${errorMessage(e)}`;
  } finally {
    await store.close?.();
  }
}
