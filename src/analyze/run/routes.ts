// Single-page-app route changes per route pattern: time to the new view painted and stable, first
// and largest paint (where soft-navigation entries exist), CLS, INP and long tasks of the route;
// plus the slowest individual changes with the step that triggered them.
import type { RouteAnalysis, RouteChangeMetric, RunRecord } from '../../types';
import { distribution } from '../stats/descriptive';
import { stepTitleAt } from './step-at';

type Located = RouteChangeMetric & { testId: string };

function count<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

function summarize(route: string, all: Located[]): RouteAnalysis['perRoute'][number] {
  const done = all.filter((r) => r.complete);
  const numbers = (pick: (r: Located) => number | undefined) =>
    done.map(pick).filter((v): v is number => typeof v === 'number');
  const firstPaint = numbers((r) => r.firstPaintMs);
  const largestPaint = numbers((r) => r.largestPaintMs);
  const inp = numbers((r) => r.inpMs);
  const causes = count(all, (r) => r.cause);
  return {
    route,
    count: done.length,
    incomplete: all.length - done.length,
    duration: distribution(done.map((r) => r.durationMs)),
    ...(firstPaint.length ? { firstPaint: distribution(firstPaint) } : {}),
    ...(largestPaint.length ? { largestPaint: distribution(largestPaint) } : {}),
    cls: distribution(done.map((r) => r.cls)),
    ...(inp.length ? { inp: distribution(inp) } : {}),
    longTasks: {
      count: all.reduce((s, r) => s + r.longTasks.count, 0),
      totalBlockingTimeMs: distribution(done.map((r) => r.longTasks.totalBlockingTimeMs)),
    },
    causes: { input: causes.input ?? 0, call: causes.call ?? 0 },
    startSources: count(all, (r) => r.sources?.start ?? 'call'),
  };
}

export function analyzeRoutes(run: RunRecord, slowest = 10): RouteAnalysis | undefined {
  const byRoute = new Map<string, Located[]>();
  const all: Located[] = [];
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const rc of r.perf?.routes ?? []) {
        const located = { ...rc, step: rc.step ?? stepTitleAt(r, rc.startTime), testId: t.id };
        all.push(located);
        let list = byRoute.get(rc.route);
        if (!list) byRoute.set(rc.route, (list = []));
        list.push(located);
      }
    }
  }
  if (!all.length) return undefined;
  const perRoute = [...byRoute.entries()]
    .map(([route, list]) => summarize(route, list))
    .sort((a, b) => b.duration.p95 - a.duration.p95 || a.route.localeCompare(b.route));
  const slow = all
    .filter((r) => r.complete)
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, slowest);
  return { perRoute, slowest: slow };
}
