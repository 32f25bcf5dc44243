// Duration-balanced shards (pure). Playwright's `--shard i/N` splits the test groups by COUNT in file
// order, so one slow file makes one shard the critical path. Here the scheduling units are the ones
// Playwright keeps together (a whole file when fullyParallel is off, one test when it is on), their
// durations are medians over the given runs, and LPT (longest first, to the least loaded shard)
// assigns them. Both splits are priced with the same model: shard start-up + the units list-scheduled
// over the shard's workers in Playwright's order + shutdown.
import type { RunRecord, ShardAssignment, ShardMeasurement, ShardPlan, ShardSplit, ShardUnit } from '../../types';
import { buildSuiteModel, listScheduleMs } from './suite-model';
import { percentile } from '../stats/descriptive';

export interface ShardTestSample {
  project: string;
  file: string;
  titlePath: string[];
  durationMs: number;
}

export interface ShardPlanInput {
  /** The latest run: test order, projects, fullyParallel, start-up cost. */
  run: RunRecord;
  /** Durations from more runs (history): medians per test are taken across all. */
  history?: ShardTestSample[][];
  shards: number;
  /** Workers per shard; default the run's worker count. */
  workers?: number;
  now?: Date;
}

export const testKey = (project: string, file: string, titlePath: string[]) =>
  `${project}\u0000${file}\u0000${titlePath.join('\u0000')}`;

const runSamples = (run: RunRecord): ShardTestSample[] =>
  run.tests
    .filter((t) => t.results.length)
    .map((t) => ({
      project: t.project,
      file: t.file,
      titlePath: t.titlePath,
      durationMs: t.results.reduce((s, r) => s + r.durationMs, 0),
    }));

/** Playwright's order: projects as configured, files, then declaration order. */
function orderedTests(run: RunRecord) {
  const projectIndex = new Map(run.config.projects.map((p, i) => [p.name, i]));
  return [...run.tests].sort(
    (a, b) =>
      (projectIndex.get(a.project) ?? 0) - (projectIndex.get(b.project) ?? 0) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** Units in Playwright's order, with median durations across the run and the history. */
export function shardUnits(run: RunRecord, history: ShardTestSample[][] = []): ShardUnit[] {
  const samples = new Map<string, number[]>();
  for (const s of [runSamples(run), ...history].flat()) {
    const k = testKey(s.project, s.file, s.titlePath);
    samples.set(k, [...(samples.get(k) ?? []), s.durationMs]);
  }
  const fp = new Map(run.config.projects.map((p) => [p.name, p.fullyParallel ?? run.config.fullyParallel]));
  const units: ShardUnit[] = [];
  const byFile = new Map<string, ShardUnit>();
  for (const t of orderedTests(run)) {
    const ds = (samples.get(testKey(t.project, t.file, t.titlePath)) ?? [0]).sort((a, b) => a - b);
    const d = percentile(ds, 50);
    if (fp.get(t.project) ?? run.config.fullyParallel) {
      units.push({ project: t.project, file: t.file, titlePath: t.titlePath, tests: 1, durationMs: d });
      continue;
    }
    const k = `${t.project}\u0000${t.file}`;
    let u = byFile.get(k);
    if (!u) {
      u = { project: t.project, file: t.file, tests: 0, durationMs: 0 };
      byFile.set(k, u);
      units.push(u);
    }
    u.tests++;
    u.durationMs += d;
  }
  return units;
}

interface Cost {
  overheadMs: number;
  launchMs: number;
  workers: number;
}

function split(groups: ShardUnit[][], order: ShardUnit[], cost: Cost): ShardSplit {
  const pos = new Map(order.map((u, i) => [u, i]));
  const shards: ShardAssignment[] = groups.map((units, i) => {
    const inOrder = [...units].sort((a, b) => pos.get(a)! - pos.get(b)!);
    const workMs = inOrder.reduce((s, u) => s + u.durationMs, 0);
    const busyMs = inOrder.length
      ? listScheduleMs(
          inOrder.map((u) => u.durationMs),
          cost.workers,
          cost.launchMs,
        )
      : 0;
    return {
      index: i + 1,
      units: inOrder,
      tests: inOrder.reduce((s, u) => s + u.tests, 0),
      workMs: Math.round(workMs),
      busyMs: Math.round(busyMs),
      predictedMs: Math.round(inOrder.length ? cost.overheadMs + busyMs : 0),
    };
  });
  // The per-shard start-up is the same everywhere and cannot be balanced: compare the test time.
  const walls = shards.map((s) => s.busyMs);
  const maxMs = Math.max(0, ...walls);
  const meanMs = walls.reduce((s, v) => s + v, 0) / Math.max(1, walls.length);
  return {
    shards,
    maxMs,
    meanMs: Math.round(meanMs),
    imbalance: meanMs > 0 ? Number((maxMs / meanMs - 1).toFixed(3)) : 0,
  };
}

/** Longest first, each to the shard with the least work so far (ties: lower index). */
export function lptShards(units: ShardUnit[], shards: number): ShardUnit[][] {
  const out: ShardUnit[][] = Array.from({ length: shards }, () => []);
  const load = new Array<number>(shards).fill(0);
  for (const u of [...units].sort((a, b) => b.durationMs - a.durationMs)) {
    let min = 0;
    for (let i = 1; i < shards; i++) if (load[i] < load[min]) min = i;
    out[min].push(u);
    load[min] += u.durationMs;
  }
  return out;
}

/** Playwright's own split (filterForShard): contiguous groups by test count, the remainder to the first shards. */
export function playwrightShards(units: ShardUnit[], shards: number): ShardUnit[][] {
  const total = units.reduce((s, u) => s + u.tests, 0);
  const sizes = Array.from({ length: shards }, (_, i) => Math.floor(total / shards) + (i < total % shards ? 1 : 0));
  const out: ShardUnit[][] = Array.from({ length: shards }, () => []);
  let current = 0;
  for (const u of units) {
    let from = 0;
    for (let i = 0; i < shards; i++) {
      if (current >= from && current < from + sizes[i]) {
        out[i].push(u);
        break;
      }
      from += sizes[i];
    }
    current += u.tests;
  }
  return out;
}

function grepCollisions(units: ShardUnit[]): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const u of units.filter((x) => x.titlePath)) {
    const k = `${u.project}\u0000${u.file.split('/').pop()}\u0000${u.titlePath!.join(' ')}`;
    if (seen.has(k) && seen.get(k) !== u.file) out.push(`${u.file} › ${u.titlePath!.join(' › ')}`);
    seen.set(k, u.file);
  }
  return out;
}

export function planShards(input: ShardPlanInput): ShardPlan {
  const n = input.shards;
  if (!Number.isInteger(n) || n < 1) throw new Error(`shards must be an integer ≥ 1 (got ${n})`);
  const model = buildSuiteModel(input.run);
  const workers = Math.max(1, input.workers ?? model.workers);
  const units = shardUnits(input.run, input.history);
  const cost: Cost = { overheadMs: model.preMs + model.postMs, launchMs: model.launchMs, workers };
  const plan = split(lptShards(units, n), units, cost);
  const playwrightDefault = split(playwrightShards(units, n), units, cost);
  const kinds = new Set(units.map((u) => (u.titlePath ? 'test' : 'file')));
  const collisions = grepCollisions(units);
  return {
    kind: 'playwright-perf-shard-plan',
    version: 1,
    createdAt: (input.now ?? new Date()).toISOString(),
    shards: n,
    workers,
    unit: kinds.size === 1 ? ([...kinds][0] as 'file' | 'test') : 'mixed',
    overheadMs: Math.round(cost.overheadMs + cost.launchMs),
    runs: 1 + (input.history?.length ?? 0),
    plan,
    playwrightDefault,
    savingMs: Math.max(0, Math.round(playwrightDefault.maxMs - plan.maxMs)),
    ...(collisions.length ? { grepUnsafe: collisions } : {}),
  };
}

/** Per-shard wall and work from a merged run record (shardIndex on each attempt, shard runs when known). */
export function measureShards(merged: RunRecord): ShardMeasurement {
  const by = new Map<number, { work: number; tests: number; first: number; last: number }>();
  for (const t of merged.tests)
    for (const r of t.results) {
      const i = r.shardIndex ?? 1;
      const s = by.get(i) ?? { work: 0, tests: 0, first: Infinity, last: -Infinity };
      s.work += r.durationMs;
      s.tests += r.retry === 0 ? 1 : 0;
      s.first = Math.min(s.first, r.startTime);
      s.last = Math.max(s.last, r.startTime + r.durationMs);
      by.set(i, s);
    }
  const runs = merged.meta.merged?.shardRuns ?? [];
  const shards = [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, s]) => {
      const own = runs.find((r) => r.shardIndex === index);
      return {
        index,
        durationMs: Math.round(own?.durationMs ?? s.last - s.first),
        busyMs: Math.round(s.last - s.first),
        workMs: Math.round(s.work),
        tests: s.tests,
      };
    });
  const walls = shards.map((s) => s.busyMs);
  const maxMs = Math.max(0, ...walls);
  const meanMs = walls.reduce((a, b) => a + b, 0) / Math.max(1, walls.length);
  const work = shards.map((s) => s.workMs);
  const workMean = work.reduce((a, b) => a + b, 0) / Math.max(1, work.length);
  const ratio = (max: number, mean: number) => (mean > 0 ? Number((max / mean - 1).toFixed(3)) : 0);
  return {
    shards,
    maxMs,
    meanMs: Math.round(meanMs),
    imbalance: ratio(maxMs, meanMs),
    workImbalance: ratio(Math.max(0, ...work), workMean),
  };
}
