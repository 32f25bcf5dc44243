// Navigations per URL (query stripped in the worker): TTFB, DOMContentLoaded, load, bytes; plus the
// slowest individual navigations with the step that triggered them.
import type { NavigationAnalysis, NavigationMetric, RunRecord } from '../../types';
import { distribution } from '../stats/descriptive';
import { stepTitleAt } from './step-at';

export function analyzeNavigation(run: RunRecord, slowest = 10): NavigationAnalysis | undefined {
  const byUrl = new Map<string, NavigationMetric[]>();
  const all: Array<NavigationMetric & { testId: string }> = [];
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const n of r.perf?.navigations ?? []) {
        const withStep = { ...n, step: n.step ?? stepTitleAt(r, n.startTime), testId: t.id };
        all.push(withStep);
        let list = byUrl.get(n.url);
        if (!list) byUrl.set(n.url, (list = []));
        list.push(withStep);
      }
    }
  }
  if (!all.length) return undefined;
  const perUrl = [...byUrl.entries()]
    .map(([url, navs]) => ({
      url,
      count: navs.length,
      ttfb: distribution(navs.map((n) => n.ttfbMs)),
      domContentLoaded: distribution(navs.map((n) => n.domContentLoadedMs)),
      load: distribution(navs.filter((n) => n.loadMs > 0).map((n) => n.loadMs)),
      transferBytes: distribution(navs.map((n) => n.transferBytes + n.resources.transferBytes)),
    }))
    .sort((a, b) => b.load.p95 - a.load.p95 || a.url.localeCompare(b.url));
  const slow = [...all]
    .sort((a, b) => (b.durationMs || b.domContentLoadedMs) - (a.durationMs || a.domContentLoadedMs))
    .slice(0, slowest);
  return { perUrl, slowest: slow };
}
