// Small factories for run records used by the optimizer's unit tests (exact, hand-checkable inputs).
import type { RunRecord, StepRecord, TestRecord, TestResultRecord, ProjectSnapshot } from '../../src/types';

export const T0 = 1_700_000_000_000;

export function step(
  title: string,
  category: string,
  durationMs: number,
  steps: StepRecord[] = [],
  params?: Record<string, string>,
): StepRecord {
  return { title, category, startTime: T0, durationMs, steps, ...(params ? { params } : {}) };
}

export function attempt(o: Partial<TestResultRecord> & { durationMs: number }): TestResultRecord {
  return {
    retry: 0,
    status: 'passed',
    workerIndex: 0,
    parallelIndex: 0,
    startTime: T0,
    errors: [],
    steps: [],
    attachments: [],
    ...o,
  };
}

let seq = 0;
export function makeTest(o: Partial<TestRecord> & { file: string; results: TestResultRecord[] }): TestRecord {
  seq++;
  return {
    id: o.id ?? `t${seq}`,
    line: seq,
    column: 1,
    titlePath: [o.title ?? `test ${seq}`],
    title: o.title ?? `test ${seq}`,
    project: '',
    expectedStatus: 'passed',
    outcome: 'expected',
    timeoutMs: 30000,
    annotations: [],
    tags: [],
    ...o,
  };
}

export function project(o: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return { name: '', retries: 0, timeoutMs: 30000, repeatEach: 1, dependencies: [], use: {}, ...o };
}

/**
 * A run whose tests ran back to back on the given lanes, starting `preMs` after the run start and
 * ending `postMs` before its end.
 */
export function makeRun(o: {
  tests: TestRecord[];
  workers?: number;
  cpus?: number;
  fullyParallel?: boolean;
  projects?: ProjectSnapshot[];
  preMs?: number;
  postMs?: number;
  ci?: boolean;
  webServer?: RunRecord['config']['webServer'];
  system?: RunRecord['system'];
}): RunRecord {
  const pre = o.preMs ?? 0;
  const lanes = new Map<number, number>();
  for (const t of o.tests)
    for (const r of t.results) {
      const at = lanes.get(r.parallelIndex) ?? T0 + pre;
      r.startTime = at;
      lanes.set(r.parallelIndex, at + r.durationMs);
    }
  const end = Math.max(T0 + pre, ...lanes.values());
  return {
    kind: 'playwright-perf-run',
    schemaVersion: 1,
    runId: 'run-1',
    startedAt: new Date(T0).toISOString(),
    startTime: T0,
    wallTimeMs: end - T0 + (o.postMs ?? 0),
    status: 'passed',
    interrupted: false,
    meta: {
      perfVersion: '0',
      playwrightVersion: '1.65.1',
      nodeVersion: 'v20',
      os: { platform: 'linux', release: '', arch: 'x64' },
      machine: { cpus: o.cpus ?? 2, cpuModel: 'x', memoryBytes: 8e9 },
      ci: o.ci ?? false,
    },
    config: {
      workers: o.workers ?? 1,
      fullyParallel: o.fullyParallel ?? false,
      globalTimeoutMs: 0,
      maxFailures: 0,
      projects: o.projects ?? [project()],
      webServer: o.webServer ?? null,
    },
    tests: o.tests,
    system: o.system ?? [],
    errors: [],
  };
}
