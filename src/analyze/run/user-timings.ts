// User timings: `perf.mark/measure/time` in tests and `performance.measure` in pages, per name.
import type { RunRecord, UserTimingAnalysis } from '../../types';
import { distribution } from '../stats/descriptive';

export function analyzeUserTimings(run: RunRecord): UserTimingAnalysis | undefined {
  const groups = new Map<string, { name: string; source: 'page' | 'test'; values: number[] }>();
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const u of r.perf?.userTimings ?? []) {
        if (u.type !== 'measure') continue;
        const key = `${u.source}\u0000${u.name}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { name: u.name, source: u.source, values: [] }));
        g.values.push(u.durationMs);
      }
    }
  }
  if (!groups.size) return undefined;
  const perName = [...groups.values()]
    .map((g) => ({ name: g.name, source: g.source, dist: distribution(g.values) }))
    .sort((a, b) => b.dist.p95 - a.dist.p95 || a.name.localeCompare(b.name));
  return { perName };
}
