// Binds a handler to every route of the API table (api-spec.ts). A route in the table without a
// handler, or a handler without a route, fails at start-up rather than 404-ing at run time.
import type { Handler } from './context';
import { API_PREFIX, API_ROUTES, type RouteSpec } from './api-spec';
import { Router } from './router';
import { getRun, listRuns, runRegressions } from './handlers/runs';
import { getSeries, getTrends, listMetrics } from './handlers/series';
import { compareRuns } from './handlers/compare';
import { flaky, searchTests, slowest, testHistory } from './handlers/tests';
import { acknowledgeAlert, gateHistory, listAlerts, resolveAlert } from './handlers/alerts';
import { listOptimizations, rollbackOptimization } from './handlers/optimizations';
import { health, loadTests, summary, version } from './handlers/overview';

const HANDLERS: Record<string, Handler> = {
  health,
  version,
  summary,
  listRuns,
  getRun,
  runRegressions,
  compareRuns,
  listMetrics,
  getSeries,
  getTrends,
  searchTests,
  testHistory,
  flaky,
  slowest,
  listAlerts,
  acknowledgeAlert,
  resolveAlert,
  gateHistory,
  listOptimizations,
  rollbackOptimization,
  loadTests,
};

export interface BoundRoute {
  spec: RouteSpec;
  handler: Handler;
}

export function buildApiRouter(): Router<BoundRoute> {
  const router = new Router<BoundRoute>();
  const unbound = new Set(Object.keys(HANDLERS));
  for (const spec of API_ROUTES) {
    const handler = HANDLERS[spec.id];
    if (!handler) throw new Error(`no handler for API route ${spec.id}`);
    unbound.delete(spec.id);
    router.add(spec.method, API_PREFIX + spec.path, { spec, handler });
  }
  if (unbound.size) throw new Error(`handlers without a route: ${[...unbound].join(', ')}`);
  return router;
}
