// The dashboard's home figures, load test results, health and version.
import type {
  HealthResponse,
  HistoryData,
  LoadTestResult,
  LoadTestsResponse,
  SummaryResponse,
  VersionResponse,
} from '../../types';
import { API_VERSION } from '../../types';
import { perfVersion } from '../../util/version';
import { intParam, stringParam } from '../query';
import { MAX_WINDOW } from '../api-spec';
import type { Handler } from '../context';
import { statusOf } from './alerts';

export const summary: Handler = async (ctx): Promise<SummaryResponse> => {
  const window = intParam(ctx.query, 'window', { min: 1, max: MAX_WINDOW, fallback: 30 });
  const index = await ctx.history();
  return index.memo.get(`summary\u0000${window}`, (): SummaryResponse => {
    const recent = index.items.slice(-window);
    const alerts = { open: 0, acknowledged: 0, resolved: 0 };
    for (const a of index.data.alerts) alerts[statusOf(a)]++;
    const flakyTests = new Set<string>();
    for (const r of index.runs.slice(-window))
      for (const t of r.tests) if (t.outcome === 'flaky') flakyTests.add(`${t.project}\u0000${t.subject}`);
    return {
      runs: index.runs.length,
      firstRunTime: index.runs[0]?.startTime ?? null,
      latest: index.items[index.items.length - 1] ?? null,
      passRate: recent.length
        ? Math.round((recent.filter((r) => r.status === 'passed').length / recent.length) * 1000) / 1000
        : null,
      recent: [...recent].reverse(),
      alerts,
      flakyTests: flakyTests.size,
      branches: [...new Set(index.runs.map((r) => r.branch).filter((b): b is string => !!b))].sort(),
      machineClasses: [...new Set(index.runs.map((r) => r.machineClass))].sort(),
    };
  });
};

/** Load test results, if a load-testing feature stored any under `loadTests`; malformed entries are skipped. */
export function loadResultsOf(data: HistoryData): LoadTestResult[] {
  const raw = (data as unknown as { loadTests?: unknown }).loadTests;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (x): x is LoadTestResult =>
      !!x &&
      typeof x === 'object' &&
      typeof (x as LoadTestResult).id === 'string' &&
      typeof (x as LoadTestResult).name === 'string' &&
      typeof (x as LoadTestResult).startTime === 'number',
  );
}

export const loadTests: Handler = async (ctx): Promise<LoadTestsResponse> => {
  const name = stringParam(ctx.query, 'name', { maxLength: 500 });
  const index = await ctx.history();
  const items = loadResultsOf(index.data)
    .filter((x) => name === undefined || x.name === name)
    .sort((a, b) => a.startTime - b.startTime);
  return { items };
};

export const health: Handler = async (ctx): Promise<HealthResponse> => {
  let runs = 0;
  try {
    runs = (await ctx.history()).runs.length;
  } catch {
    /* reported below */
  }
  const snap = ctx.cache.snapshotIfLoaded();
  const error = ctx.cache.lastError;
  return {
    status: error ? 'error' : 'ok',
    store: ctx.cache.describe(),
    runs,
    loadedAt: snap?.loadedAt ?? null,
    ...(error ? { error } : {}),
  };
};

export const version: Handler = (): VersionResponse => ({
  name: 'playwright-perf',
  version: perfVersion(),
  apiVersion: API_VERSION,
  node: process.version,
});
