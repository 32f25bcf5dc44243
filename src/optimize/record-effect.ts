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

/** Returns a message for the user: where it was recorded, or why not. Never throws. */
export async function recordInHistory(entry: BackupEntry, historyPath = join(dirname(entry.configPath), DEFAULT_HISTORY_PATH)): Promise<string> {
  if (!existsSync(historyPath)) return `no run history at ${historyPath}; the effect is kept in the backup manifest only`;
  try {
    const v = entry.validation;
    await recordOptimization(openHistoryStore(historyPath), {
      title: entry.edits.map((e) => `${e.path}=${e.toExpression ?? JSON.stringify(e.to)}`).join(', '),
      edits: entry.edits,
      configFile: entry.configPath,
      note: v ? `validated (${v.reason}); backup ${entry.id}` : `applied without validation; backup ${entry.id}`,
      ...(v ? {
        effect: {
          baselineMedianMs: v.comparison.baselineMedianMs, candidateMedianMs: v.comparison.candidateMedianMs, change: v.comparison.change,
          ...(v.runsSpent !== undefined ? { runsSpent: v.runsSpent } : {}),
          ...(v.chosenWorkers !== undefined ? { chosenWorkers: v.chosenWorkers } : {}),
          ...(v.edits ? { edits: v.edits.map((e) => ({ recommendationId: e.recommendationId, kept: e.kept, ...(e.effectMs !== undefined ? { effectMs: e.effectMs } : {}), reason: e.reason })) } : {}),
        },
      } : {}),
    });
    return `recorded in ${historyPath}`;
  } catch (e) {
    return `could not record in ${historyPath}: ${errorMessage(e)}`;
  }
}
