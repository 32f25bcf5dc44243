// Validation by measurement: baseline runs of the current config, the candidate applied (with a
// backup), a measured worker sweep when the worker count changes, candidate runs, then keep the
// change only when it is faster with no new failures — otherwise roll back. The outcome is stored
// with the backup entry (the record of how effective each applied optimization was).
import { readFileSync } from 'node:fs';
import type { BackupEntry, ConfigEdit, MeasuredRun, ValidationSummary } from '../types';
import { writeFileAtomic } from '../util/atomic-write';
import { applyWithBackup, rollback, sha256, updateBackup } from './backup';
import { compareSamples as defaultCompare, median, type CompareSamples } from './compare';
import { rewriteConfig } from './config-rewriter';
import { measureRun, type Measure, type MeasureOptions } from './measure';
import type { OptimizationPlan } from './plan';

/** Runs per side by default: 3 is the smallest sample where the exact Mann-Whitney p can reach 0.05. */
export const DEFAULT_RUNS = 3;

export interface ValidateOptions {
  plan: OptimizationPlan;
  runs?: number;
  /** Worker counts to measure; default: the workers recommendation's sweep. false = no sweep. */
  sweep?: number[] | false;
  /** Runs per sweep point (the chosen point's runs count toward the candidate sample). Default 1. */
  sweepRuns?: number;
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

const fmt = (r: MeasuredRun) => `${(r.durationMs / 1000).toFixed(1)} s, ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${r.flaky ? `, ${r.flaky} flaky` : ''}`;

export async function applyAndValidate(o: ValidateOptions): Promise<ValidateResult> {
  const { plan } = o;
  if (!plan.configPath || !plan.rewrite || !plan.rewrite.applied.length) throw new Error(plan.configProblem ?? 'nothing to apply: no config edit was applicable');
  const configPath = plan.configPath;
  if (readFileSync(configPath, 'utf8') !== plan.rewrite.original) throw new Error(`${configPath} changed since the plan was made; run optimize again`);
  const measure = o.measure ?? measureRun;
  const compare = o.compare ?? defaultCompare;
  const runs = Math.max(1, o.runs ?? DEFAULT_RUNS);
  const sweepRuns = Math.max(1, o.sweepRuns ?? 1);
  let edits: ConfigEdit[] = plan.rewrite.applied.map((a) => a.edit);
  const workersEdit = edits.find((e) => e.path === 'workers');
  const sweep = o.sweep === false || !workersEdit ? [] : (o.sweep ?? plan.selected.find((r) => r.edits.some((e) => e.path === 'workers'))?.sweep ?? []);
  const total = runs * 2 + sweep.length * sweepRuns;
  let step = 0;
  const say = (s: string) => o.progress?.(`[${++step}/${total}] ${s}`);
  const m = (x: Omit<MeasureOptions, 'configPath'>) => measure({ configPath, args: o.args, env: o.env, ...x });

  const baseline: MeasuredRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await m({ label: `baseline ${i + 1}` });
    baseline.push(r);
    say(`baseline run ${i + 1}/${runs}: ${fmt(r)}`);
  }

  let entry = applyWithBackup(configPath, plan.rewrite.text, edits);
  entry = updateBackup(configPath, entry.id, { status: 'validating' });
  try {
    const candidate: MeasuredRun[] = [];
    const sweepOut: NonNullable<ValidationSummary['sweep']> = [];
    let chosenWorkers: number | undefined;
    if (sweep.length) {
      for (const w of sweep) {
        const rs: MeasuredRun[] = [];
        for (let i = 0; i < sweepRuns; i++) {
          const r = await m({ label: `sweep workers=${w}`, workers: w });
          rs.push(r);
          say(`sweep workers=${w}: ${fmt(r)}`);
        }
        sweepOut.push({ workers: w, runs: rs, medianMs: Math.round(median(rs.map((r) => r.durationMs))) });
      }
      // Fastest point without failures; near-ties (within the noise floor) go to fewer workers.
      const clean = sweepOut.filter((s) => s.runs.every((r) => r.failed === 0));
      const pool = clean.length ? clean : sweepOut;
      const fastest = Math.min(...pool.map((s) => s.medianMs));
      const best = pool.filter((s) => s.medianMs <= fastest * 1.03).sort((a, b) => a.workers - b.workers)[0];
      chosenWorkers = best.workers;
      if (best.workers !== workersEdit!.to) {
        edits = edits.map((e) => (e.path === 'workers' ? { ...e, to: best.workers } : e));
        const re = rewriteConfig(plan.rewrite.original, configPath, edits, { env: plan.env });
        writeFileAtomic(configPath, re.text);
        entry = updateBackup(configPath, entry.id, { edits, sha256After: sha256(re.text) });
      }
      candidate.push(...best.runs);
    }
    while (candidate.length < runs) {
      const r = await m({ label: `candidate ${candidate.length + 1}` });
      candidate.push(r);
      say(`candidate run ${candidate.length}/${runs}: ${fmt(r)}`);
    }
    const comparison = compare(baseline.map((r) => r.durationMs), candidate.map((r) => r.durationMs));
    const failedBefore = new Set(baseline.flatMap((r) => r.failedTests));
    const newFailures = [...new Set(candidate.flatMap((r) => r.failedTests))].filter((t) => !failedBefore.has(t));
    const kept = comparison.faster && newFailures.length === 0;
    const reason = kept
      ? `faster: median ${(comparison.baselineMedianMs / 1000).toFixed(1)} s → ${(comparison.candidateMedianMs / 1000).toFixed(1)} s (${(comparison.change * 100).toFixed(1)} %), no new failures`
      : newFailures.length ? `new failures with the candidate: ${newFailures.slice(0, 5).join('; ')}` : `not faster: median ${(comparison.baselineMedianMs / 1000).toFixed(1)} s → ${(comparison.candidateMedianMs / 1000).toFixed(1)} s (${(comparison.change * 100).toFixed(1)} %, P(faster) ${comparison.probabilityFaster})`;
    const validation: ValidationSummary = { runsPerCandidate: runs, baseline, candidate, ...(sweepOut.length ? { sweep: sweepOut, chosenWorkers } : {}), comparison, newFailures, kept, reason };
    entry = updateBackup(configPath, entry.id, { validation, status: kept ? 'kept' : 'applied' });
    if (!kept) entry = rollback(configPath, { id: entry.id });
    return { entry, validation };
  } catch (e) {
    // Never leave an unvalidated edit behind.
    try { rollback(configPath, { id: entry.id, force: true }); } catch { /* reported below */ }
    throw e;
  }
}
