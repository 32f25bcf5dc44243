// The validated, normalised form of a load-test definition: every duration in ms, defaults
// applied, thresholds parsed. Everything after validation works on these types only.
import type { LoadExecutor } from '../types/load';
import type { ParsedThreshold } from './threshold-parse';
import type { IterationFn } from './iteration-types';

export interface ResolvedStage {
  durationMs: number;
  target: number;
}

interface ResolvedBase {
  name: string;
  exec: IterationFn;
  startTimeMs: number;
  gracefulStopMs: number;
  iterationTimeoutMs: number;
  contextOptions: Record<string, unknown>;
  contextScope: 'iteration' | 'vu';
  thinkTime: { minMs: number; maxMs: number } | null;
}

export type ResolvedScenario = ResolvedBase &
  (
    | { executor: 'constant-vus'; vus: number; durationMs: number }
    | { executor: 'ramping-vus'; startVUs: number; stages: ResolvedStage[]; gracefulRampDownMs: number }
    | { executor: 'per-vu-iterations' | 'shared-iterations'; vus: number; iterations: number; maxDurationMs: number }
    | {
        executor: 'constant-arrival-rate';
        ratePerMs: number;
        durationMs: number;
        preAllocatedVUs: number;
        maxVUs: number;
      }
    | {
        executor: 'ramping-arrival-rate';
        startRatePerMs: number;
        stages: ResolvedStage[];
        preAllocatedVUs: number;
        maxVUs: number;
      }
  );

export interface ResolvedThreshold extends ParsedThreshold {
  metric: string;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
}

export interface ResolvedLoadTest {
  scenarios: ResolvedScenario[];
  thresholds: ResolvedThreshold[];
  windowMs: number;
  workers: number;
  browser: { connect: string[]; executablePath?: string; headless: boolean; args: string[] };
  perfOptions: Record<string, boolean>;
  relativeAccuracy: number;
  generator: { maxCpu: number; maxEventLoopDelayMs: number };
  scalabilityMetric: string;
}

export const EXECUTORS: readonly LoadExecutor[] = [
  'constant-vus',
  'ramping-vus',
  'per-vu-iterations',
  'shared-iterations',
  'constant-arrival-rate',
  'ramping-arrival-rate',
];

/** Planned end of a scenario's schedule (before graceful stop), ms from the test start. */
export function scenarioEndMs(s: ResolvedScenario): number {
  switch (s.executor) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return s.startTimeMs + s.durationMs;
    case 'ramping-vus':
    case 'ramping-arrival-rate':
      return s.startTimeMs + s.stages.reduce((sum, st) => sum + st.durationMs, 0);
    case 'per-vu-iterations':
    case 'shared-iterations':
      return s.startTimeMs + s.maxDurationMs;
  }
}
