// Lighthouse section: every audit of the run (in-test or standalone) with the test it came from,
// plus a small summary for the report header. Pure: reads the run record only.
import type { LighthouseAnalysis, RunRecord } from '../../types';

export function analyzeLighthouse(run: RunRecord): LighthouseAnalysis | undefined {
  const results: LighthouseAnalysis['results'] = [];
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const lh of r.perf?.lighthouse ?? []) {
        results.push({ ...lh, testId: t.id, title: t.title, project: t.project, retry: r.retry });
      }
    }
  }
  if (results.length === 0) return undefined;
  results.sort((a, b) => a.startTime - b.startTime);
  const minScores: Record<string, number> = {};
  for (const r of results) {
    for (const [cat, score] of Object.entries(r.scores)) {
      if (typeof score === 'number') minScores[cat] = Math.min(minScores[cat] ?? 100, score);
    }
  }
  return {
    results,
    summary: {
      audits: results.length,
      urls: new Set(results.map((r) => r.url)).size,
      thresholdBreaches: results.reduce((n, r) => n + (r.thresholds ?? []).filter((x) => !x.ok).length, 0),
      auditTimeMs: results.reduce((n, r) => n + r.durationMs, 0),
      minScores,
    },
  };
}
