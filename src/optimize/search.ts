// The measured search behind `--validate`: a race over worker counts (successive halving with
// repeated medians), then leave-one-out over the other changes at the chosen count. Each stage
// spends runs only while they can still tell the arms apart; the machine is noisy, so decisions
// rest on medians of repeated runs, and a single run decides only when it is far outside the noise.
import type { EditEffect, MeasuredRun, Recommendation, SampleComparison } from '../types';
import { median } from './compare';
import type { SearchProgress } from './search-progress';

/** An arm within this share of the best median survives a halving round (needs more runs to tell). */
export const RACE_KEEP_MARGIN = 0.05;
/** Near-ties between worker counts go to fewer workers (each one costs a browser and memory). */
export const NEAR_TIE = 0.03;
/** Leave-one-out decides early when every run is this far beyond the reference's extremes. */
export const CLEAR_MARGIN = 0.1;

export interface WorkerArm {
  workers: number;
  runs: MeasuredRun[];
  medianMs: number;
}

const clean = (runs: MeasuredRun[]) => runs.every((r) => r.failed === 0);
const med = (runs: MeasuredRun[]) => Math.round(median(runs.map((r) => r.durationMs)));

/** Fastest arm without failures; near-ties go to fewer workers. */
export function pickWorkers(arms: WorkerArm[]): WorkerArm {
  const pool = arms.filter((a) => clean(a.runs)).length ? arms.filter((a) => clean(a.runs)) : arms;
  const fastest = Math.min(...pool.map((a) => a.medianMs));
  return pool.filter((a) => a.medianMs <= fastest * (1 + NEAR_TIE)).sort((a, b) => a.workers - b.workers)[0];
}

/**
 * Successive halving: round k gives every surviving arm its k-th run, then keeps the top half and any
 * arm within the noise margin.
 */
export async function raceWorkers(o: {
  counts: number[];
  runs: number;
  progress: SearchProgress;
  later: number;
  measure: (workers: number) => Promise<MeasuredRun>;
}): Promise<{ arms: WorkerArm[]; chosen: WorkerArm; exhausted: boolean }> {
  const arms = o.counts.map((w) => ({ workers: w, runs: [] as MeasuredRun[], medianMs: 0 }));
  let alive = [...arms];
  let exhausted = false;
  for (let k = 1; k <= o.runs && !exhausted; k++) {
    for (const a of alive) {
      if (a.runs.length >= k) continue;
      if (!o.progress.canRun()) {
        exhausted = true;
        break;
      }
      a.runs.push(await o.measure(a.workers));
      a.medianMs = med(a.runs);
    }
    const measured = alive.filter((a) => a.runs.length);
    if (k < o.runs && measured.length > 1) {
      const okArms = measured.filter((a) => clean(a.runs));
      const pool = (okArms.length ? okArms : measured).sort((a, b) => a.medianMs - b.medianMs);
      const half = Math.ceil(pool.length / 2);
      alive = pool.filter((a, i) => i < half || a.medianMs <= pool[0].medianMs * (1 + RACE_KEEP_MARGIN));
    }
    o.progress.replan(alive.reduce((s, a) => s + o.runs - a.runs.length, 0) + o.later);
  }
  const done = alive.filter((a) => a.runs.length);
  return {
    arms: arms.filter((a) => a.runs.length),
    chosen: pickWorkers(done.length ? done : arms.filter((a) => a.runs.length)),
    exhausted,
  };
}

/** Leave-one-out: is the wall time measurably longer without this change? */
export async function ablate(o: {
  groups: Recommendation[];
  reference: MeasuredRun[];
  runs: number;
  progress: SearchProgress;
  measureWithout: (group: Recommendation) => Promise<MeasuredRun>;
  compare: (baselineMs: number[], candidateMs: number[]) => SampleComparison;
  later: number;
}): Promise<{ effects: EditEffect[]; without: Map<string, MeasuredRun[]>; exhausted: boolean }> {
  const ref = o.reference.map((r) => r.durationMs);
  const refMed = median(ref);
  const effects: EditEffect[] = [];
  const without = new Map<string, MeasuredRun[]>();
  let exhausted = false;
  for (let i = 0; i < o.groups.length; i++) {
    const g = o.groups[i];
    const base = { recommendationId: g.id, title: g.title, paths: g.edits.map((e) => e.path) };
    const runs: MeasuredRun[] = [];
    let verdict: { kept: boolean; reason: string } | null = null;
    while (runs.length < o.runs && !verdict) {
      if (!o.progress.canRun()) {
        exhausted = true;
        break;
      }
      const run = await o.measureWithout(g);
      runs.push(run);
      const ms = runs.map((r) => r.durationMs);
      if (Math.min(...ms) > Math.max(...ref) * (1 + CLEAR_MARGIN))
        verdict = { kept: true, reason: 'every run without it was clearly slower' };
      else if (Math.max(...ms) < Math.min(...ref) * (1 - CLEAR_MARGIN))
        verdict = { kept: false, reason: 'every run without it was clearly faster: it costs time here' };
      // +1: this run is recorded just below.
      o.progress.replan(1 + (verdict ? 0 : o.runs - runs.length) + (o.groups.length - i - 1) * o.runs + o.later);
      o.progress.record(run, `without ${g.title}`);
    }
    without.set(g.id, runs);
    if (!runs.length) {
      effects.push({
        ...base,
        kept: true,
        measured: false,
        runs: 0,
        reason: 'not measured: the budget ran out (kept untested)',
      });
      continue;
    }
    if (!verdict) {
      const c = o.compare(
        runs.map((r) => r.durationMs),
        ref,
      );
      verdict = c.faster
        ? {
            kept: true,
            reason: `measurably faster with it (${(c.change * 100).toFixed(1)} %, P(faster) ${c.probabilityFaster})`,
          }
        : {
            kept: false,
            reason: `no measurable gain (${(c.change * 100).toFixed(1)} %, P(faster) ${c.probabilityFaster})`,
          };
    }
    const withoutMs = median(runs.map((r) => r.durationMs));
    effects.push({
      ...base,
      ...verdict,
      measured: true,
      withMedianMs: Math.round(refMed),
      withoutMedianMs: Math.round(withoutMs),
      effectMs: Math.round(withoutMs - refMed),
      runs: runs.length,
    });
  }
  return { effects, without, exhausted };
}
