// Browser startup: launch / first context / first page per worker, cold vs warm.
import type { RunRecord, StartupAnalysis, StartupMetric } from '../../types';
import { distribution } from '../stats/descriptive';

export function analyzeStartup(run: RunRecord): StartupAnalysis | undefined {
  const samples: Array<StartupMetric & { testId: string }> = [];
  for (const t of run.tests)
    for (const r of t.results) for (const s of r.perf?.startup ?? []) samples.push({ ...s, testId: t.id });
  if (!samples.length) return undefined;
  const groups = new Map<
    string,
    { phase: string; temperature: 'cold' | 'warm'; browserName: string; values: number[] }
  >();
  for (const s of samples) {
    const key = `${s.phase}|${s.temperature}|${s.browserName}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { phase: s.phase, temperature: s.temperature, browserName: s.browserName, values: [] }));
    g.values.push(s.durationMs);
  }
  const order = ['browserLaunch', 'contextCreate', 'pageCreate'];
  const phases = [...groups.values()]
    .sort(
      (a, b) =>
        order.indexOf(a.phase) - order.indexOf(b.phase) ||
        a.temperature.localeCompare(b.temperature) ||
        a.browserName.localeCompare(b.browserName),
    )
    .map((g) => ({
      phase: g.phase,
      temperature: g.temperature,
      browserName: g.browserName,
      dist: distribution(g.values),
    }));
  // Per worker: what its cold start cost and which test paid the launch.
  const workers = new Map<number, StartupAnalysis['perWorker'][number]>();
  for (const s of samples) {
    if (s.temperature !== 'cold') continue;
    let w = workers.get(s.workerIndex);
    if (!w)
      workers.set(
        s.workerIndex,
        (w = { workerIndex: s.workerIndex, browserName: s.browserName, launchMs: 0, contextMs: 0, pageMs: 0 }),
      );
    if (s.phase === 'browserLaunch') {
      w.launchMs = s.durationMs;
      w.testId = s.testId;
    }
    if (s.phase === 'contextCreate') w.contextMs = s.durationMs;
    if (s.phase === 'pageCreate') w.pageMs = s.durationMs;
  }
  return {
    phases,
    perWorker: [...workers.values()].sort((a, b) => a.workerIndex - b.workerIndex),
    totalMs: Math.round(samples.reduce((s, x) => s + x.durationMs, 0) * 100) / 100,
  };
}
