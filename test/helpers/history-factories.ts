// Small factories for history tests: run records and compact runs with chosen durations/metrics,
// and a seeded random source so "realistic noise" is reproducible.
import type {
  CompactRun,
  CompactTest,
  MetricSeries,
  RunRecord,
  TestRecord,
  TestResultRecord,
  TestPerfData,
} from '../../src/types';
import { rng } from './random';

export { rng };

let seq = 0;

/** Standard normal via Box-Muller. */
export function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Timing-like noise: log-normal around `median` with coefficient of variation ≈ cv. */
export function noisy(r: () => number, median: number, cv: number, n: number): number[] {
  return Array.from({ length: n }, () => Math.round(median * Math.exp(cv * gauss(r)) * 10) / 10);
}

export function makeResult(over: Partial<TestResultRecord> = {}): TestResultRecord {
  return {
    retry: 0,
    status: 'passed',
    workerIndex: 0,
    parallelIndex: 0,
    startTime: 1_700_000_000_000,
    durationMs: 100,
    errors: [],
    steps: [],
    attachments: [],
    ...over,
  };
}

export function makeTest(over: Partial<TestRecord> & { durations?: number[]; perf?: TestPerfData } = {}): TestRecord {
  const { durations, perf, ...rest } = over;
  const title = rest.title ?? `test ${++seq}`;
  return {
    id: `id-${title}`,
    file: 'tests/a.spec.ts',
    line: 1,
    column: 1,
    titlePath: [title],
    title,
    project: 'chromium',
    expectedStatus: 'passed',
    outcome: 'expected',
    timeoutMs: 30_000,
    annotations: [],
    tags: [],
    results: (durations ?? [100]).map((d, i) => makeResult({ retry: i, durationMs: d, ...(perf ? { perf } : {}) })),
    ...rest,
  };
}

export function makeRun(over: Partial<RunRecord> = {}): RunRecord {
  return {
    kind: 'playwright-perf-run',
    schemaVersion: 1,
    runId: `run-${++seq}-${Math.random().toString(16).slice(2, 10)}`,
    startedAt: new Date(1_700_000_000_000).toISOString(),
    startTime: 1_700_000_000_000,
    wallTimeMs: 5000,
    status: 'passed',
    interrupted: false,
    meta: {
      perfVersion: '0.1.0',
      playwrightVersion: '1.65.1',
      nodeVersion: 'v20.20.0',
      os: { platform: 'linux', release: '6', arch: 'x64' },
      machine: { cpus: 2, cpuModel: 'cpu', memoryBytes: 8 * 2 ** 30 },
      ci: false,
      git: { branch: 'main', commit: 'abc' },
    },
    config: { workers: 2, fullyParallel: false, globalTimeoutMs: 0, maxFailures: 0, projects: [] },
    tests: [],
    system: [],
    errors: [],
    ...over,
  };
}

export function compactTest(subject: string, durations: number[], over: Partial<CompactTest> = {}): CompactTest {
  return {
    subject,
    project: 'chromium',
    outcome: 'expected',
    attempts: durations.map((d) => ['passed', d] as [string, number]),
    timeoutMs: 30_000,
    ...over,
  };
}

/** A compact run (what history stores) with the given tests and metric series. */
export function compact(
  i: number,
  tests: CompactTest[],
  metrics: MetricSeries[] = [],
  over: Partial<CompactRun> = {},
): CompactRun {
  return {
    runId: `r${i}`,
    startTime: 1_700_000_000_000 + i * 60_000,
    wallTimeMs: 5000,
    status: 'passed',
    interrupted: false,
    branch: 'main',
    machineClass: 'linux-x64-2cpu-8g',
    env: {
      playwrightVersion: '1.65.1',
      perfVersion: '0.1.0',
      nodeVersion: 'v20.20.0',
      cpuModel: 'cpu',
      ci: false,
      workers: 2,
    },
    tests,
    metrics,
    ...over,
  };
}
