// Validation by measurement, as a search: baseline runs of the current config; every selected change
// applied (with a backup); a race over worker counts; leave-one-out over the other changes at the
// chosen count, dropping those that do not measurably help; then keep the result only when it is
// faster than the baseline with no new failures — otherwise roll back. The outcome, with each
// change's measured effect, is stored with the backup entry.
import { readFileSync } from 'node:fs';
import type {
  BackupEntry,
  ConfigEdit,
  EditEffect,
  MeasuredRun,
  Recommendation,
  SearchBudget,
  ValidationSummary,
} from '../types';
import { writeFileAtomic } from '../util/atomic-write';
import { applyWithBackup, rollback, sha256, updateBackup } from './backup';
import { compareSamples as defaultCompare, type CompareSamples } from './compare';
import { rewriteConfig } from './config-rewriter';
import { measureRun, type Measure, type MeasureOptions } from './measure';
import type { OptimizationPlan } from './plan';
import { ablate, CLEAR_MARGIN, raceWorkers, type WorkerArm } from './search';
import { SearchProgress } from './search-progress';

/** Runs per side by default: 3 is the smallest sample where the exact Mann-Whitney p can reach 0.05. */
export const DEFAULT_RUNS = 3;

export interface ValidateOptions {
  plan: OptimizationPlan;
  /** Runs per arm at most (baseline, the chosen worker count, each leave-one-out). */
  runs?: number;
  /** Worker counts to race; default: the workers recommendation's sweep. false = no sweep. */
  sweep?: number[] | false;
  /** Most the search may spend: runs (baseline included) and/or minutes. Default: unbounded. */
  budget?: SearchBudget;
  /** Leave-one-out over the changes (drop what does not measurably help). Default true. */
  ablate?: boolean;
  /** Decide with interleaved runs of the current and the final config (drift-proof). Default true. */
  confirm?: boolean;
  measure?: Measure;
  compare?: CompareSamples;
  progress?: (line: string) => void;
  /** Extra `playwright test` args for every run. */
  args?: string[];
  env?: Record<string, string | undefined>;
}

export interface ValidateResult {
  entry: BackupEntry;
  validation: ValidationSummary;
}

function checkBudget(b: SearchBudget, runs: number): void {
  if (b.runs !== undefined && (!Number.isInteger(b.runs) || b.runs < runs + 1))
    throw new Error(
      `budget.runs must be an integer ≥ ${runs + 1} (the ${runs} baseline runs and one candidate run); got ${b.runs}`,
    );
  if (b.minutes !== undefined && !(b.minutes > 0))
    throw new Error(`budget.minutes must be a positive number; got ${b.minutes}`);
}

export async function applyAndValidate(o: ValidateOptions): Promise<ValidateResult> {
  const { plan } = o;
  if (!plan.configPath || !plan.rewrite || !plan.rewrite.applied.length)
    throw new Error(plan.configProblem ?? 'nothing to apply: no config edit was applicable');
  const configPath = plan.configPath;
  const original = plan.rewrite.original;
  if (readFileSync(configPath, 'utf8') !== original)
    throw new Error(`${configPath} changed since the plan was made; run optimize again`);
  const measure = o.measure ?? measureRun;
  const compare = o.compare ?? defaultCompare;
  const runs = Math.max(1, o.runs ?? DEFAULT_RUNS);
  const budget = o.budget ?? {};
  checkBudget(budget, runs);

  const appliedPaths = new Set(plan.rewrite.applied.map((a) => a.edit.path));
  // An explicit sweep races worker counts even when the model proposed no worker change.
  const workersEdit: ConfigEdit | undefined =
    plan.rewrite.applied.map((a) => a.edit).find((e) => e.path === 'workers') ??
    (Array.isArray(o.sweep) && o.sweep.length ? { path: 'workers', from: undefined, to: o.sweep[0] } : undefined);
  // Each recommendation is one group of edits (only the edits the rewriter could make).
  const groups = plan.selected
    .map((r) => ({ ...r, edits: r.edits.filter((e) => appliedPaths.has(e.path) && e.path !== 'workers') }))
    .filter((r) => r.edits.length);
  const sweep =
    o.sweep === false || !workersEdit
      ? []
      : (o.sweep ?? plan.selected.find((r) => r.edits.some((e) => e.path === 'workers'))?.sweep ?? []);
  const ablating = o.ablate !== false && groups.length > 0;
  const counts = sweep.length ? sweep : [undefined];
  const confirmLater = o.confirm !== false ? 2 * runs : 0;
  const later = (ablating ? groups.length * runs : 0) + confirmLater;
  const progress = new SearchProgress(runs + counts.length * runs + later, budget, o.progress);
  const m = (x: Omit<MeasureOptions, 'configPath'>) => measure({ configPath, args: o.args, env: o.env, ...x });

  const editsFor = (kept: Recommendation[], workers: number | undefined): ConfigEdit[] => [
    ...(workersEdit ? [{ ...workersEdit, to: workers ?? workersEdit.to }] : []),
    ...kept.flatMap((g) => g.edits),
  ];
  const write = (edits: ConfigEdit[]) => {
    const text = rewriteConfig(original, configPath, edits, { env: plan.env }).text;
    if (readFileSync(configPath, 'utf8') !== text) writeFileAtomic(configPath, text);
    return text;
  };

  const baseline: MeasuredRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await m({ label: `baseline ${i + 1}` });
    baseline.push(r);
    progress.record(r, `baseline run ${i + 1}/${runs}`);
  }

  let entry = applyWithBackup(
    configPath,
    plan.rewrite.text,
    plan.rewrite.applied.map((a) => a.edit),
  );
  entry = updateBackup(configPath, entry.id, { status: 'validating' });
  try {
    // 1. Race the worker counts with every change applied.
    write(editsFor(groups, undefined));
    let exhausted = false;
    let chosen: WorkerArm;
    let arms: WorkerArm[] = [];
    if (sweep.length) {
      const race = await raceWorkers({
        counts: sweep,
        runs,
        progress,
        later,
        measure: async (w) => {
          const r = await m({ label: `sweep workers=${w}`, workers: w });
          progress.record(r, `sweep workers=${w}`);
          return r;
        },
      });
      ({ arms, chosen } = race);
      exhausted = race.exhausted;
    } else {
      const rs: MeasuredRun[] = [];
      while (rs.length < runs && (rs.length === 0 || progress.canRun())) {
        const r = await m({ label: `candidate ${rs.length + 1}` });
        rs.push(r);
        progress.record(r, `candidate run ${rs.length}/${runs}`);
      }
      chosen = { workers: workersEdit ? Number(workersEdit.to) : 0, runs: rs, medianMs: 0 };
    }
    const W = sweep.length ? chosen.workers : undefined;

    // 2. Leave one change out at a time; drop what does not measurably help.
    let effects: EditEffect[] = [];
    let kept = groups;
    let candidate = chosen.runs;
    if (ablating && !exhausted) {
      const ab = await ablate({
        groups,
        reference: chosen.runs,
        runs,
        progress,
        compare,
        later: confirmLater,
        measureWithout: async (g) => {
          write(
            editsFor(
              groups.filter((x) => x.id !== g.id),
              W,
            ),
          );
          return m({ label: `without ${g.id}`, ...(W ? { workers: W } : {}) });
        },
      });
      effects = ab.effects;
      exhausted = ab.exhausted;
      const dropped = effects.filter((e) => !e.kept).map((e) => e.recommendationId);
      if (dropped.length) {
        kept = groups.filter((g) => !dropped.includes(g.id));
        const reuse = dropped.length === 1 ? (ab.without.get(dropped[0]) ?? []) : [];
        const finalRuns = reuse.length >= runs ? reuse : [];
        write(editsFor(kept, W));
        progress.replan(runs - finalRuns.length + confirmLater);
        while (finalRuns.length < runs && progress.canRun()) {
          const r = await m({ label: `final ${finalRuns.length + 1}`, ...(W ? { workers: W } : {}) });
          finalRuns.push(r);
          progress.record(r, `final config run ${finalRuns.length}/${runs}`);
        }
        const together =
          finalRuns.length && dropped.length > 1
            ? compare(
                finalRuns.map((r) => r.durationMs),
                chosen.runs.map((r) => r.durationMs),
              )
            : undefined;
        if (together?.faster) {
          // Each dropped change looked useless with the others in place, but the config without all
          // of them is measurably slower than with them: together they help, so all stay.
          kept = groups;
          for (const e of effects)
            if (!e.kept)
              Object.assign(e, {
                kept: true,
                reason: `${e.reason} alone; kept: without all ${dropped.length} such changes the run was measurably slower (${(-together.change * 100).toFixed(1)} % faster with them)`,
              });
        } else if (finalRuns.length) candidate = finalRuns;
        else {
          // no budget left to confirm the smaller set: keep every change, as measured in the race
          kept = groups;
          for (const e of effects)
            if (!e.kept)
              Object.assign(e, {
                kept: true,
                reason: `${e.reason}; kept: no budget left to confirm the config without it`,
              });
        }
      }
    }
    if (ablating && !effects.length) {
      effects = groups.map((g) => ({
        recommendationId: g.id,
        title: g.title,
        paths: g.edits.map((e) => e.path),
        kept: true,
        measured: false,
        runs: 0,
        reason: 'not measured: the budget ran out (kept untested)',
      }));
    }
    const finalEdits = editsFor(kept, W);
    const finalText = write(finalEdits);
    entry = updateBackup(configPath, entry.id, { edits: finalEdits, sha256After: sha256(finalText) });

    // 3. The final config against the current one, interleaved (current, final, current, final…), so
    // load that drifts during the search hits both sides alike; pooled with the earlier runs only
    // when the budget cuts the pairs short.
    const confirmation = { baseline: [] as MeasuredRun[], candidate: [] as MeasuredRun[] };
    // Already decisive (every candidate run > 10 % faster than every baseline run): pairs add nothing.
    const decisive =
      Math.max(...candidate.map((r) => r.durationMs)) <
      Math.min(...baseline.map((r) => r.durationMs)) * (1 - CLEAR_MARGIN);
    if (o.confirm !== false && !decisive) {
      progress.replan(2 * runs);
      for (let i = 0; i < runs && progress.canRun(); i++) {
        write([]);
        const b = await m({ label: `confirm current ${i + 1}` });
        progress.record(b, `confirm: current config ${i + 1}/${runs}`);
        if (!progress.canRun()) break;
        write(finalEdits);
        const c = await m({ label: `confirm final ${i + 1}`, ...(W ? { workers: W } : {}) });
        progress.record(c, `confirm: final config ${i + 1}/${runs}`);
        confirmation.baseline.push(b);
        confirmation.candidate.push(c);
      }
      write(finalEdits);
    }
    const paired = confirmation.candidate.length === runs;
    const comparison = compare(
      (paired ? confirmation.baseline : [...baseline, ...confirmation.baseline]).map((r) => r.durationMs),
      (paired ? confirmation.candidate : [...candidate, ...confirmation.candidate]).map((r) => r.durationMs),
    );
    const failedBefore = new Set([...baseline, ...confirmation.baseline].flatMap((r) => r.failedTests));
    const allCandidate = [...candidate, ...confirmation.candidate];
    const newFailures = [...new Set(allCandidate.flatMap((r) => r.failedTests))].filter((t) => !failedBefore.has(t));
    const keep = comparison.faster && newFailures.length === 0;
    const fmt = (ms: number) => (ms / 1000).toFixed(1);
    const reason = keep
      ? `faster: median ${fmt(comparison.baselineMedianMs)} s → ${fmt(comparison.candidateMedianMs)} s (${(comparison.change * 100).toFixed(1)} %), no new failures`
      : newFailures.length
        ? `new failures with the candidate: ${newFailures.slice(0, 5).join('; ')}`
        : `not faster: median ${fmt(comparison.baselineMedianMs)} s → ${fmt(comparison.candidateMedianMs)} s (${(comparison.change * 100).toFixed(1)} %, P(faster) ${comparison.probabilityFaster})`;
    const validation: ValidationSummary = {
      runsPerCandidate: runs,
      runsSpent: progress.spent,
      elapsedMs: progress.elapsedMs,
      ...(o.budget ? { budget: o.budget } : {}),
      ...(exhausted ? { budgetExhausted: true } : {}),
      baseline,
      candidate,
      ...(confirmation.candidate.length ? { confirmation } : {}),
      ...(arms.length
        ? {
            sweep: arms.map((a) => ({ workers: a.workers, runs: a.runs, medianMs: a.medianMs })),
            chosenWorkers: chosen.workers,
          }
        : {}),
      ...(effects.length ? { edits: effects } : {}),
      comparison,
      newFailures,
      kept: keep,
      reason,
    };
    entry = updateBackup(configPath, entry.id, { validation, status: keep ? 'kept' : 'applied' });
    if (!keep) entry = rollback(configPath, { id: entry.id });
    return { entry, validation };
  } catch (e) {
    // Never leave an unvalidated edit behind.
    try {
      rollback(configPath, { id: entry.id, force: true });
    } catch {
      /* reported below */
    }
    throw e;
  }
}
