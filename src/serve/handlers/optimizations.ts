// Optimisations the optimizer applied: each with its measured effect on the suite's wall time (median
// of the runs before vs after it), and a rollback that restores the config from its backup.
import type { AppliedOptimization, OptimizationsResponse, RollbackResponse, WallTimeEffect } from '../../types';
import { median } from '../../analyze/stats/descriptive';
import { rollback } from '../../optimize/backup';
import { errorMessage } from '../../util/errors';
import { badRequest, conflict, notFound } from '../api-error';
import { checkId } from '../ids';
import { intParam } from '../query';
import { MAX_WINDOW } from '../api-spec';
import type { Handler } from '../context';
import type { HistoryIndex } from '../history-index';

/** The backup id: recorded since history schema 2, in the note ("…; backup <id>") before. */
export function backupIdOf(o: AppliedOptimization): string | null {
  return o.backupId ?? /\bbackup (\S+)$/.exec(o.note ?? '')?.[1] ?? null;
}

function effectOf(index: HistoryIndex, o: AppliedOptimization, window: number): WallTimeEffect {
  const split = o.runIdBefore
    ? (index.runIndex(o.runIdBefore) ?? -1) + 1
    : index.runs.findIndex((r) => r.startTime >= o.time);
  const at = split < 0 ? index.runs.length : split;
  const usable = (r: { interrupted: boolean }) => !r.interrupted;
  const before = index.runs
    .slice(Math.max(0, at - window), at)
    .filter(usable)
    .map((r) => r.wallTimeMs);
  const after = index.runs
    .slice(at, at + window)
    .filter(usable)
    .map((r) => r.wallTimeMs);
  const mb = before.length ? median(before) : null;
  const ma = after.length ? median(after) : null;
  return {
    runsBefore: before.length,
    runsAfter: after.length,
    wallTimeBeforeMs: mb,
    wallTimeAfterMs: ma,
    change: mb && ma !== null ? Math.round(((ma - mb) / mb) * 10_000) / 10_000 : null,
  };
}

export const listOptimizations: Handler = async (ctx): Promise<OptimizationsResponse> => {
  const window = intParam(ctx.query, 'window', { min: 1, max: MAX_WINDOW, fallback: 10 });
  const index = await ctx.history();
  const items = index.data.optimizations.map(({ effect: validation, ...o }) => ({
    ...o,
    ...(validation ? { validation } : {}),
    effect: effectOf(index, { ...o }, window),
    backupId: backupIdOf(o),
  }));
  return { items: items.reverse() };
};

export const rollbackOptimization: Handler = async (ctx): Promise<RollbackResponse> => {
  const id = checkId('optimizationId', ctx.params.optimizationId);
  const extra = Object.keys(ctx.body).filter((k) => k !== 'force');
  if (extra.length) throw badRequest(extra[0], `unknown body property "${extra[0]}" (known: force)`);
  if (ctx.body.force !== undefined && typeof ctx.body.force !== 'boolean')
    throw badRequest('force', 'body property "force" must be true or false');
  const index = await ctx.history();
  const o = index.data.optimizations.find((x) => x.id === id);
  if (!o) throw notFound(`no optimisation "${id}" in history`, 'optimizationId');
  const backupId = backupIdOf(o);
  if (!o.configFile || !backupId)
    throw conflict(`optimisation "${id}" has no recorded config backup to restore`, 'optimizationId');
  let restoredFrom: string;
  try {
    restoredFrom = rollback(o.configFile, { id: backupId, force: ctx.body.force === true }).backupPath;
  } catch (e) {
    throw conflict(`rollback of "${id}" refused: ${errorMessage(e)}`, 'optimizationId');
  }
  await ctx.store.update((data) => {
    const stored = data.optimizations.find((x) => x.id === id);
    if (stored) stored.rolledBackAt = Date.now();
  });
  await ctx.cache.reload();
  return { optimizationId: id, backupId, configFile: o.configFile, restoredFrom };
};
