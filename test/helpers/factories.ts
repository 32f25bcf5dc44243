// Factory-built run records for unit tests: complete, valid objects with sensible defaults, so a
// test states only what it is about. Every factory takes overrides (shallow, except where noted).
//
//   const run = makeRun({ tests: [makeTest({ results: [makeResult({ durationMs: 300 })] })] });
//
// Times: by default the run starts at T0 and attempts/steps start where you put them; use
// `at(ms)` for readable absolute times relative to T0.
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  type RunRecord,
  type TestRecord,
  type TestResultRecord,
  type StepRecord,
  type SystemSample,
  type RunMeta,
  type ConfigSnapshot,
} from '../../src/types';

/** Start of every factory-built run (a fixed instant, so exact values are reproducible). */
export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
/** Absolute epoch ms `ms` after T0. */
export const at = (ms: number) => T0 + ms;

let seq = 0;
/** Resets the id counter (call in beforeEach when ids matter). */
export function resetIds(): void {
  seq = 0;
}

export function makeMeta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    perfVersion: '0.0.0-test',
    playwrightVersion: '1.65.1',
    nodeVersion: 'v20.0.0',
    os: { platform: 'linux', release: '6.0', arch: 'x64' },
    machine: { cpus: 2, cpuModel: 'test cpu', memoryBytes: 8 * 2 ** 30 },
    ci: false,
    ...overrides,
  };
}

export function makeConfig(overrides: Partial<ConfigSnapshot> = {}): ConfigSnapshot {
  return {
    workers: 2,
    fullyParallel: false,
    globalTimeoutMs: 0,
    maxFailures: 0,
    projects: [{ name: 'chromium', retries: 0, timeoutMs: 30_000, repeatEach: 1, dependencies: [], use: {} }],
    ...overrides,
  };
}

export function makeStep(overrides: Partial<StepRecord> = {}): StepRecord {
  return { title: 'Click', category: 'pw:api', startTime: T0, durationMs: 10, steps: [], ...overrides };
}

export function makeResult(overrides: Partial<TestResultRecord> = {}): TestResultRecord {
  return {
    retry: 0,
    status: 'passed',
    workerIndex: 0,
    parallelIndex: 0,
    startTime: T0,
    durationMs: 100,
    errors: [],
    steps: [],
    attachments: [],
    ...overrides,
  };
}

/** A test; `outcome` defaults to what Playwright would derive from the results' statuses. */
export function makeTest(overrides: Partial<TestRecord> = {}): TestRecord {
  const n = ++seq;
  const results = overrides.results ?? [makeResult()];
  const title = overrides.title ?? `test ${n}`;
  return {
    id: `id-${n}`,
    file: 'tests/a.spec.ts',
    line: n,
    column: 1,
    titlePath: overrides.titlePath ?? [title],
    title,
    project: 'chromium',
    expectedStatus: 'passed',
    outcome: outcomeOf(results, overrides.expectedStatus ?? 'passed'),
    timeoutMs: 30_000,
    annotations: [],
    tags: [],
    ...overrides,
    results,
  };
}

/** Playwright's TestCase.outcome() rule, for factories. */
export function outcomeOf(
  results: TestResultRecord[],
  expected: TestRecord['expectedStatus'] = 'passed',
): TestRecord['outcome'] {
  const statuses = results.map((r) => r.status).filter((s) => s !== 'interrupted');
  if (!statuses.length || statuses.every((s) => s === 'skipped')) return 'skipped';
  const ok = statuses.map((s) => s === expected);
  if (ok.every(Boolean)) return 'expected';
  if (ok.some(Boolean)) return 'flaky';
  return 'unexpected';
}

export function makeSample(overrides: Partial<SystemSample> = {}): SystemSample {
  return {
    time: T0,
    cpu: 0.5,
    memUsedBytes: 2 * 2 ** 30,
    memTotalBytes: 8 * 2 ** 30,
    load1: 1,
    chromiumProcesses: 0,
    ...overrides,
  };
}

export function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    kind: RUN_RECORD_KIND,
    schemaVersion: RUN_RECORD_VERSION,
    runId: '00000000-0000-4000-8000-000000000000',
    startedAt: new Date(T0).toISOString(),
    startTime: T0,
    wallTimeMs: 1000,
    status: 'passed',
    interrupted: false,
    meta: makeMeta(),
    config: makeConfig(),
    tests: [],
    system: [],
    errors: [],
    ...overrides,
  };
}
