// Chromium runtime counters (CDP) per URL: JS heap at the end of each page's life, plus DOM size and
// script time. Absent for other browsers (no section), not an error.
import type { RunRecord, RuntimeAnalysis, RuntimeMetric } from '../../types';
import { distribution } from '../stats/descriptive';

export function analyzeRuntime(run: RunRecord): RuntimeAnalysis | undefined {
  const byUrl = new Map<string, RuntimeMetric[]>();
  for (const t of run.tests)
    for (const r of t.results)
      for (const m of r.perf?.runtime ?? []) {
        let list = byUrl.get(m.url);
        if (!list) byUrl.set(m.url, (list = []));
        list.push(m);
      }
  if (!byUrl.size) return undefined;
  const num = (xs: Array<number | undefined>) => xs.filter((x): x is number => typeof x === 'number');
  const perUrl = [...byUrl.entries()]
    .map(([url, ms]) => ({
      url,
      jsHeapUsedBytes: distribution(num(ms.map((m) => m.jsHeapUsedBytes))),
      nodes: distribution(num(ms.map((m) => m.nodes))),
      scriptDurationMs: distribution(num(ms.map((m) => m.scriptDurationMs))),
    }))
    .sort((a, b) => b.jsHeapUsedBytes.p95 - a.jsHeapUsedBytes.p95 || a.url.localeCompare(b.url));
  return { perUrl };
}
