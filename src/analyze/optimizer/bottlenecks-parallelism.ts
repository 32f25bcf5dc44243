// Parallelism findings: worker count vs CPU, fullyParallel off with a long tail, CPU saturation,
// memory pressure. Predictions come from the measured schedule (suite-model.ts).
import type { Bottleneck } from '../../types';
import type { DetectContext } from './bottlenecks';
import { severityFor, seconds } from './bottlenecks';
import { round } from '../../util/round';
import { predictWall, cpuPerWorker, type Prediction, type SuiteModel } from './suite-model';
import {
  CPU_SATURATED,
  LONG_TAIL_SHARE,
  MAX_WORKERS_PER_CORE,
  MEMORY_PRESSURE,
  MIN_SAVING_MS,
  MIN_SAVING_PCT,
  UNBALANCED_FILE,
} from './thresholds';

export interface ParallelismPlan {
  current: Prediction;
  /** Best predicted with the current fullyParallel setting. */
  bestWorkers: Prediction;
  /** Best predicted overall (fullyParallel on allowed). */
  best: Prediction;
  /** Worker counts worth measuring: 1, 2, cores, 2×cores and the predicted best. */
  sweep: number[];
  maxWorkers: number;
}

function worthIt(savingMs: number, wallMs: number): boolean {
  return savingMs >= MIN_SAVING_MS && savingMs >= MIN_SAVING_PCT * wallMs;
}

function bestOf(m: SuiteModel, fp: boolean, maxWorkers: number): Prediction {
  let best = predictWall(m, 1, fp);
  for (let w = 2; w <= maxWorkers; w++) {
    const p = predictWall(m, w, fp);
    // Fewer workers win near-ties: each one costs a browser and memory.
    if (p.wallMs < best.wallMs * (1 - MIN_SAVING_PCT / 2)) best = p;
  }
  return best;
}

export function planParallelism(m: SuiteModel, measuredWallMs: number): ParallelismPlan {
  const units = Math.max(m.units.length, m.testUnits.length, 1);
  const perWorker = cpuPerWorker(m);
  // With CPU samples: as many workers as the CPU can feed (cores ÷ cores-per-worker); without: 2×cores.
  const cpuCap = perWorker && perWorker > 0 ? Math.floor(m.cpus / perWorker) : 2 * m.cpus;
  // Past 2× the cores only when measured CPU says workers mostly wait (I/O-bound suites).
  const ceiling = perWorker !== null ? MAX_WORKERS_PER_CORE * m.cpus : 2 * m.cpus;
  const maxWorkers = Math.max(1, Math.min(units, ceiling, Math.max(cpuCap, 1)));
  const current = { ...predictWall(m, m.workers), wallMs: measuredWallMs };
  const bestWorkers = bestOf(m, m.fullyParallel, maxWorkers);
  const bestFp = m.fullyParallel ? bestWorkers : bestOf(m, true, maxWorkers);
  const best = bestFp.wallMs < bestWorkers.wallMs * (1 - MIN_SAVING_PCT) ? bestFp : bestWorkers;
  const beyond = maxWorkers > 2 * m.cpus ? [maxWorkers] : [];
  const sweep = [...new Set([1, 2, m.cpus, 2 * m.cpus, ...beyond, best.workers])]
    .filter((w) => w >= 1 && w <= Math.max(units, 1))
    .sort((a, b) => a - b);
  return { current, bestWorkers, best, sweep, maxWorkers };
}

export function detectParallelism(ctx: DetectContext): Bottleneck[] {
  const { model: m, run } = ctx;
  const out: Bottleneck[] = [];
  if (m.testUnits.length === 0) return out;
  const wall = run.wallTimeMs;
  const plan = planParallelism(m, wall);
  const busyShare = m.testTimeMs / Math.max(1, m.workers * wall);
  const allTests = m.testUnits.map((u) => u.key);

  if (m.externalLoad !== null) {
    out.push({
      id: 'cpu.external-load',
      category: 'cpu',
      severity: 'medium',
      title: `The machine was busy with other work (load ${round(m.externalLoad, 1)} on ${m.cpus} cores)`,
      evidence: { load1Median: round(m.externalLoad, 1), cpus: m.cpus, workers: m.workers },
      affectedTests: [],
      estimatedCostS: 0,
      rootCause:
        'Other processes competed for the CPU: every duration in this run is inflated, and CPU use cannot be attributed to the suite.',
      recommendedActions: [
        'Compare runs on a quiet machine; the worker advice assumes one core per worker, and --validate measures the real effect.',
      ],
    });
  }

  const cpuSaturated = m.cpuAvg !== null && m.cpuAvg >= CPU_SATURATED && m.workers > 1;
  if (cpuSaturated) {
    out.push({
      id: 'cpu.saturated',
      category: 'cpu',
      severity: m.workers > m.cpus ? 'high' : 'medium',
      title: `CPU saturated (${Math.round(m.cpuAvg! * 100)} %) with ${m.workers} workers on ${m.cpus} cores`,
      evidence: {
        cpuAvgPct: round(m.cpuAvg! * 100),
        workers: m.workers,
        cpus: m.cpus,
        cpuPerWorkerCores: round(cpuPerWorker(m) ?? 0, 2),
      },
      affectedTests: allTests,
      estimatedCostS: seconds(Math.max(0, wall - plan.bestWorkers.wallMs)),
      rootCause:
        'Workers compete for the CPU: every test runs slower and timing-sensitive tests get flaky; more workers do not finish sooner.',
      recommendedActions: [
        `Measure a worker sweep (${plan.sweep.join(', ')}) and keep the fastest; the model suggests ${plan.bestWorkers.workers}.`,
      ],
    });
  }

  // The worker count of the best plan overall (it may assume fullyParallel), priced at today's setting.
  const target = predictWall(m, plan.best.workers);
  const workerSaving = predictWall(m, m.workers).wallMs - target.wallMs;
  if (plan.best.workers !== m.workers && worthIt(workerSaving, wall)) {
    const more = plan.best.workers > m.workers;
    out.push({
      id: 'parallelism.workers',
      category: more ? 'parallelism' : 'cpu',
      severity: severityFor(workerSaving, wall),
      title: more
        ? `${m.workers} worker${m.workers === 1 ? '' : 's'} leave${m.workers === 1 ? 's' : ''} capacity unused (${m.cpus} cores${m.cpuAvg !== null ? `, CPU ${Math.round(m.cpuAvg * 100)} %` : ''})`
        : `${m.workers} workers are more than the machine can feed`,
      evidence: {
        workers: m.workers,
        cpus: m.cpus,
        wallMs: round(wall),
        busyShare: round(busyShare, 2),
        predictedWorkers: plan.best.workers,
        predictedWallMs: round(target.wallMs),
        ...(m.cpuAvg !== null ? { cpuAvgPct: round(m.cpuAvg * 100) } : { cpuSamples: 0 }),
        launchMs: round(m.launchMs),
      },
      affectedTests: allTests,
      estimatedCostS: seconds(workerSaving),
      rootCause: more
        ? 'Tests wait for a free worker while cores sit idle.'
        : 'More workers than the CPU can serve slow every test down.',
      recommendedActions: [`Set workers to ${plan.best.workers} (or measure the sweep ${plan.sweep.join(', ')}).`],
    });
  }

  if (!m.fullyParallel && m.units.length < m.testUnits.length) {
    const atBest = predictWall(m, plan.best.workers, false);
    const fpSaving = atBest.wallMs - predictWall(m, plan.best.workers, true).wallMs;
    const biggest = [...m.units].sort((a, b) => b.durationMs - a.durationMs)[0];
    const busy = m.units.reduce((s, u) => s + u.durationMs, 0);
    const share = busy > 0 ? biggest.durationMs / busy : 0;
    // Unbalanced at the worker count we recommend, not only at today's: with one worker today and
    // two tomorrow, a file longer than an even lane still holds one worker alone. The model may call
    // that a tie (uneven test times are averaged away); --validate then measures it.
    const lanes = Math.max(m.workers, plan.best.workers);
    const unbalanced = lanes > 1 && biggest.durationMs > (busy / lanes) * (1 + UNBALANCED_FILE);
    if (worthIt(fpSaving, wall) || (share >= LONG_TAIL_SHARE && m.workers > 1) || unbalanced) {
      out.push({
        id: 'parallelism.long-tail',
        category: 'parallelism',
        severity: severityFor(Math.max(fpSaving, 0), wall),
        title: `fullyParallel is off: ${biggest.key} (${biggest.tests.length} tests, ${seconds(biggest.durationMs)} s) runs on one worker`,
        evidence: {
          files: m.units.length,
          tests: m.testUnits.length,
          biggestFile: biggest.key,
          biggestFileMs: round(biggest.durationMs),
          biggestFileShare: round(share, 2),
          atWorkers: plan.best.workers,
          predictedWallFileGroupsMs: round(atBest.wallMs),
          predictedWallFullyParallelMs: round(atBest.wallMs - fpSaving),
        },
        affectedTests: biggest.tests,
        estimatedCostS: seconds(Math.max(0, fpSaving)),
        rootCause:
          'Without fullyParallel, all tests of a file run in order on one worker, so the largest file sets the wall time.',
        recommendedActions: [
          'Set fullyParallel: true (tests must not depend on each other within a file), or split the largest file.',
        ],
      });
    }
  }

  const mem = run.system.length
    ? Math.max(...run.system.map((s) => (s.memTotalBytes > 0 ? s.memUsedBytes / s.memTotalBytes : 0)))
    : 0;
  if (mem >= MEMORY_PRESSURE) {
    out.push({
      id: 'memory.pressure',
      category: 'memory',
      severity: 'high',
      title: `Memory ${Math.round(mem * 100)} % used during the run`,
      evidence: {
        memUsedMaxPct: round(mem * 100),
        workers: m.workers,
        chromiumProcessesMax: Math.max(...run.system.map((s) => s.chromiumProcesses)),
      },
      affectedTests: [],
      estimatedCostS: 0,
      rootCause:
        'Each worker holds a browser; near the memory limit the machine swaps or the OOM killer ends browsers.',
      recommendedActions: ['Lower workers, or close pages/contexts tests open themselves.'],
    });
  }
  return out;
}
