// A synthetic compact run for the history and serve benchmarks: `tests` tests with noisy durations
// (1 % flaky), 50 navigation series and 20 step series, on one branch and machine class.
import type { CompactRun, MetricSeries } from '../../src/types';
import { noisy } from '../../test/helpers/history-factories';

export const benchSubject = (t: number): string =>
  `tests/area-${t % 40}/feature-${t}.spec.ts › group ${t % 7} › does thing ${t}`;

export function syntheticCompactRun(r: () => number, tests: number, runId: string, startTime: number): CompactRun {
  const list = Array.from({ length: tests }, (_, t) => ({
    subject: benchSubject(t),
    project: 'chromium',
    outcome: (r() < 0.01 ? 'flaky' : 'expected') as CompactRun['tests'][number]['outcome'],
    attempts: [['passed', Math.round(noisy(r, 500 + (t % 50) * 40, 0.1, 1)[0])]] as Array<[string, number]>,
    timeoutMs: 30_000,
  }));
  const metrics: MetricSeries[] = [];
  for (let u = 0; u < 50; u++) {
    metrics.push({
      metric: 'nav.ttfb',
      subject: `app.example.com/page/${u}`,
      project: 'chromium',
      values: noisy(r, 80 + u, 0.2, 5),
    });
  }
  for (let s = 0; s < 20; s++) {
    metrics.push({
      metric: 'step.duration',
      subject: `step ${s}`,
      project: 'chromium',
      values: noisy(r, 200, 0.2, 20),
    });
  }
  return {
    runId,
    startTime,
    wallTimeMs: 600_000,
    status: 'passed',
    interrupted: false,
    branch: 'main',
    commit: 'c'.repeat(40),
    machineClass: 'linux-x64-2cpu-8g',
    env: {
      playwrightVersion: '1.65.1',
      perfVersion: '0.1.0',
      nodeVersion: 'v20.20.0',
      cpuModel: 'cpu',
      ci: true,
      workers: 2,
    },
    tests: list,
    metrics,
  };
}
