// A model of the suite's schedule built from measured test durations, used to predict the wall
// time for another worker count or with fullyParallel on. Pure (no fs).
//
// Playwright dispatches test groups in order to whichever worker is free (list scheduling): with
// fullyParallel off a group is all tests of one file (per project); with it on, every test is a group.
// Each worker pays a browser launch once ("Launch browser" step), measured from the run.
import type { RunRecord, StepRecord, SystemSample, TestRecord } from '../../types';
import { percentile } from '../stats/descriptive';

/** Runnable processes one worker can account for: the worker and its browser's renderer. */
const OWN_RUNNABLE_PER_WORKER = 2;
/** Load above 1.5× what the run itself can produce = other work on the machine (shared CI hosts, laptops). */
const EXTERNAL_LOAD_FACTOR = 1.5;

export interface ScheduleUnit {
  key: string;
  /** Test ids in the unit. */
  tests: string[];
  durationMs: number;
}

export interface SuiteModel {
  workers: number;
  cpus: number;
  fullyParallel: boolean;
  /** Run start → first test start (config load, globalSetup, webServer, worker spawn). */
  preMs: number;
  /** Last test end → run end (teardown, reporters). */
  postMs: number;
  /** Median measured browser launch, paid once per worker (0 when no launch step was seen). */
  launchMs: number;
  launches: number;
  /** Groups as Playwright schedules them now, durations without the browser launch. */
  units: ScheduleUnit[];
  /** The same attempts, one unit per test (what fullyParallel would schedule). */
  testUnits: ScheduleUnit[];
  /** CPU used by the run while it was busy (0..1): its own processes when measured (Linux), else the
   *  whole machine; null without samples or when other work dominated the machine figure. */
  cpuAvg: number | null;
  /** Median 1-minute load while tests ran, when it was too high for this run alone to explain. */
  externalLoad: number | null;
  /** Σ attempt durations. */
  testTimeMs: number;
}

function launchStepsMs(steps: StepRecord[], out: number[]): void {
  for (const s of steps) {
    if (s.category === 'pw:api' && /^Launch browser/i.test(s.title)) out.push(s.durationMs);
    launchStepsMs(s.steps, out);
  }
}

function attemptsOf(t: TestRecord) {
  return t.results.filter((r) => r.workerIndex >= 0 && r.status !== 'skipped');
}

export function buildSuiteModel(run: RunRecord): SuiteModel {
  const projectsFp = new Map(run.config.projects.map((p) => [p.name, p.fullyParallel ?? run.config.fullyParallel]));
  const launches: number[] = [];
  const testUnits: ScheduleUnit[] = [];
  const fileUnits = new Map<string, ScheduleUnit>();
  let first = Infinity,
    last = -Infinity,
    testTimeMs = 0;
  // Playwright orders groups by file, then by declaration; the record keeps tests in report order.
  const tests = [...run.tests].sort(
    (a, b) =>
      a.project.localeCompare(b.project) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  for (const t of tests) {
    let ms = 0;
    for (const r of attemptsOf(t)) {
      const own: number[] = [];
      launchStepsMs(r.steps, own);
      launches.push(...own);
      ms += Math.max(0, r.durationMs - own.reduce((s, v) => s + v, 0));
      testTimeMs += r.durationMs;
      first = Math.min(first, r.startTime);
      last = Math.max(last, r.startTime + r.durationMs);
    }
    if (ms === 0 && attemptsOf(t).length === 0) continue;
    testUnits.push({ key: t.id, tests: [t.id], durationMs: ms });
    const fp = projectsFp.get(t.project) ?? run.config.fullyParallel;
    const key = fp ? `${t.project}:${t.id}` : `${t.project}:${t.file}`;
    const u = fileUnits.get(key) ?? { key: fp ? t.id : t.file, tests: [], durationMs: 0 };
    u.tests.push(t.id);
    u.durationMs += ms;
    fileUnits.set(key, u);
  }
  const sortedLaunch = [...launches].sort((a, b) => a - b);
  const hasTests = Number.isFinite(first);
  const busy = run.system.filter((s) => hasTests && s.time >= first && s.time <= last + 1000);
  const cpus = Math.max(1, run.meta.machine.cpus);
  const load = percentile(
    busy.map((s) => s.load1).sort((a, b) => a - b),
    50,
  );
  // Whole-machine CPU can be attributed to this run only when the load is one the run can produce.
  const external =
    busy.length > 0 &&
    load > EXTERNAL_LOAD_FACTOR * Math.max(cpus, OWN_RUNNABLE_PER_WORKER * Math.max(1, run.config.workers) + 1);
  return {
    workers: Math.max(1, run.config.workers),
    cpus,
    fullyParallel: run.config.fullyParallel,
    preMs: hasTests ? Math.max(0, first - run.startTime) : 0,
    postMs: hasTests ? Math.max(0, run.startTime + run.wallTimeMs - last) : 0,
    launchMs: percentile(sortedLaunch, 50),
    launches: launches.length,
    units: [...fileUnits.values()],
    testUnits,
    cpuAvg: ownCpuAvg(busy) ?? (busy.length && !external ? busy.reduce((s, x) => s + x.cpu, 0) / busy.length : null),
    externalLoad: external ? load : null,
    testTimeMs,
  };
}

/** The suite's own CPU (runner, workers, browsers) when the sampler could measure it: unlike the
 *  whole machine's, it does not depend on what else runs there, so the worker advice is the same
 *  on a busy CI host as on a quiet one. */
function ownCpuAvg(busy: SystemSample[]): number | null {
  const own = busy.filter((s) => s.ownCpu !== undefined);
  // Most samples must have it: a few would describe only part of the run.
  if (own.length === 0 || own.length < busy.length / 2) return null;
  return own.reduce((sum, x) => sum + x.ownCpu!, 0) / own.length;
}

/** Makespan when units are handed out in order to the first free of `workers` lanes. */
export function listScheduleMs(durations: number[], workers: number, laneStartMs = 0): number {
  const lanes: number[] = [];
  for (const d of durations) {
    if (lanes.length < workers) {
      lanes.push(laneStartMs + d);
      continue;
    }
    let min = 0;
    for (let i = 1; i < lanes.length; i++) if (lanes[i] < lanes[min]) min = i;
    lanes[min] += d;
  }
  return lanes.length ? Math.max(...lanes) : 0;
}

/** Longest-processing-time-first makespan: a near-optimal bound (within 4/3 of the best order). */
export function lptMs(durations: number[], workers: number, laneStartMs = 0): number {
  return listScheduleMs(
    [...durations].sort((a, b) => b - a),
    workers,
    laneStartMs,
  );
}

/** CPU one worker used, in cores, from the run's samples (null without samples). */
export function cpuPerWorker(m: SuiteModel): number | null {
  if (m.cpuAvg === null) return null;
  const active = Math.max(1, Math.min(m.workers, m.units.length));
  return (m.cpuAvg * m.cpus) / active;
}

/**
 * Makespan with CPU sharing: units go in order to the first free lane; while k lanes are busy each
 * progresses at min(1, cpus ÷ (k × coresPerWorker)) — processor sharing, so a lane alone runs at full
 * speed and a crowded machine slows everyone down. Durations are in uncontended ms.
 */
export function sharedCpuMakespanMs(
  durations: number[],
  workers: number,
  laneStartMs: number,
  coresPerWorker: number,
  cpus: number,
): number {
  const queue = [...durations];
  const remaining: number[] = [];
  const lanes = Math.max(1, Math.min(workers, durations.length));
  for (let i = 0; i < lanes && queue.length; i++) remaining.push(laneStartMs + queue.shift()!);
  let t = 0;
  while (remaining.length) {
    const rate = Math.min(1, cpus / (remaining.length * Math.max(coresPerWorker, 1e-6)));
    const next = Math.min(...remaining);
    const dt = next / rate;
    t += dt;
    for (let i = remaining.length - 1; i >= 0; i--) {
      remaining[i] -= next;
      if (remaining[i] <= 1e-9) {
        if (queue.length)
          remaining[i] = queue.shift()!; // the worker (and its browser) stay warm
        else remaining.splice(i, 1);
      }
    }
  }
  return t;
}

/** Cores one worker keeps busy: from samples, else assume a whole core (conservative; the sweep measures it). */
function coresPerWorkerOf(m: SuiteModel): number {
  return cpuPerWorker(m) ?? 1;
}

export interface Prediction {
  workers: number;
  fullyParallel: boolean;
  wallMs: number;
  lptWallMs: number;
}

/** Predicted wall time for a worker count and parallel mode, from the measured durations. */
export function predictWall(m: SuiteModel, workers: number, fullyParallel = m.fullyParallel): Prediction {
  const units = fullyParallel ? m.testUnits : m.units;
  const per = coresPerWorkerOf(m);
  // Measured durations already include the slow-down of the run's own concurrency: remove it.
  const measuredLanes = Math.max(1, Math.min(m.workers, m.units.length));
  const measuredRate = Math.min(1, m.cpus / (measuredLanes * per));
  const d = units.map((u) => u.durationMs * measuredRate);
  const launch = m.launchMs * measuredRate;
  return {
    workers,
    fullyParallel,
    wallMs: m.preMs + sharedCpuMakespanMs(d, workers, launch, per, m.cpus) + m.postMs,
    lptWallMs:
      m.preMs +
      sharedCpuMakespanMs(
        [...d].sort((a, b) => b - a),
        workers,
        launch,
        per,
        m.cpus,
      ) +
      m.postMs,
  };
}

/** Model error: predicted wall for the current settings minus the measured wall (for confidence). */
export function modelErrorPct(m: SuiteModel, measuredWallMs: number): number {
  if (measuredWallMs <= 0) return 0;
  return (predictWall(m, m.workers).wallMs - measuredWallMs) / measuredWallMs;
}
