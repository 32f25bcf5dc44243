// Route-change parts of the HTML view model: the run-wide per-route table (from the analysis) and
// each attempt's own changes. Route patterns, URLs and step titles come from the app under test and
// the test code: clipped here, escaped by the client like every other string.
import type { RouteAnalysis, TestResultRecord } from '../../types';
import { stepTitleAt } from '../../analyze/run/step-at';
import type { AttemptRouteRow, RoutesView } from './view-model-types';

const MAX_ROUTES_PER_ATTEMPT = 100;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function routesView(a: RouteAnalysis): RoutesView {
  return {
    perRoute: a.perRoute.map((p) => ({ ...p, route: clip(p.route, 300) })),
    slowest: (a.slowest ?? []).map((r) => ({
      route: clip(r.route, 300),
      url: clip(r.url, 300),
      trigger: r.trigger,
      cause: r.cause,
      ...(r.step ? { step: clip(r.step, 200) } : {}),
      durationMs: r.durationMs,
      source: r.sources?.start ?? r.cause,
      testId: r.testId,
    })),
  };
}

export function attemptRoutes(r: TestResultRecord): AttemptRouteRow[] | undefined {
  const list = r.perf?.routes;
  if (!list?.length) return undefined;
  return list.slice(0, MAX_ROUTES_PER_ATTEMPT).map((rc) => {
    const step = rc.step ?? stepTitleAt(r, rc.startTime);
    return {
      route: clip(rc.route, 300),
      trigger: rc.trigger,
      cause: rc.cause,
      ...(step ? { step: clip(step, 200) } : {}),
      startMs: Math.round(rc.startTime - r.startTime),
      durationMs: rc.durationMs,
      complete: rc.complete,
      cls: rc.cls,
      ...(rc.inpMs !== undefined ? { inpMs: rc.inpMs } : {}),
      longTasks: rc.longTasks.count,
      source: rc.sources?.start ?? rc.cause,
    };
  });
}
