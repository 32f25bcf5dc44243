// The API's routes as data: method, path, parameters, response type (a type in src/types/api.ts).
// routes.ts binds a handler to each; scripts/openapi.mjs turns the same table into docs/openapi.json.
export interface ParamSpec {
  name: string;
  in: 'path' | 'query';
  type: 'string' | 'integer';
  description: string;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  default?: number | string;
}

export interface RouteSpec {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  params: ParamSpec[];
  /** Response body type (src/types/api.ts). */
  response: string;
  /** Request body type, for writes. */
  request?: string;
  /** Needs the write token. */
  write?: boolean;
}

export const API_PREFIX = '/api/v1';
export const MAX_PAGE = 500;
export const MAX_WINDOW = 1000;

const page = (fallback: number): ParamSpec[] => [
  {
    name: 'limit',
    in: 'query',
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE,
    default: fallback,
    description: 'items per page',
  },
  {
    name: 'offset',
    in: 'query',
    type: 'integer',
    minimum: 0,
    maximum: 10_000_000,
    default: 0,
    description: 'items to skip',
  },
];
const window = (fallback: number): ParamSpec => ({
  name: 'window',
  in: 'query',
  type: 'integer',
  minimum: 1,
  maximum: MAX_WINDOW,
  default: fallback,
  description: 'the latest N runs looked at',
});
const runId = (name = 'runId'): ParamSpec => ({
  name,
  in: 'path',
  type: 'string',
  required: true,
  description: 'a run id',
});
const last: ParamSpec = {
  name: 'last',
  in: 'query',
  type: 'integer',
  minimum: 1,
  maximum: MAX_WINDOW,
  default: 30,
  description: 'the latest N runs that have the series',
};
const key: ParamSpec[] = [
  {
    name: 'metric',
    in: 'query',
    type: 'string',
    required: true,
    description: 'e.g. test.duration, step.duration, nav.ttfb, vital.LCP',
  },
  {
    name: 'subject',
    in: 'query',
    type: 'string',
    required: true,
    description: 'test (file › title), step title, URL (host/path)…',
  },
  {
    name: 'project',
    in: 'query',
    type: 'string',
    description: 'Playwright project (default: the only or first project that has the series)',
  },
];
const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'];

export const API_ROUTES: RouteSpec[] = [
  {
    id: 'health',
    method: 'GET',
    path: '/health',
    summary: 'Is the server up and the history readable',
    params: [],
    response: 'HealthResponse',
  },
  {
    id: 'version',
    method: 'GET',
    path: '/version',
    summary: 'Versions of playwright-perf and of this API',
    params: [],
    response: 'VersionResponse',
  },
  {
    id: 'summary',
    method: 'GET',
    path: '/summary',
    summary: 'Figures for the dashboard home page',
    params: [window(30)],
    response: 'SummaryResponse',
  },
  {
    id: 'listRuns',
    method: 'GET',
    path: '/runs',
    summary: 'Runs, newest first, filtered and paged',
    response: 'RunListResponse',
    params: [
      { name: 'branch', in: 'query', type: 'string', description: 'only runs of this git branch' },
      { name: 'machineClass', in: 'query', type: 'string', description: 'only runs of this machine class' },
      {
        name: 'status',
        in: 'query',
        type: 'string',
        enum: ['passed', 'failed', 'timedout', 'interrupted'],
        description: 'only runs with this status',
      },
      { name: 'from', in: 'query', type: 'string', description: 'runs started at or after (ISO date or epoch ms)' },
      { name: 'to', in: 'query', type: 'string', description: 'runs started at or before (ISO date or epoch ms)' },
      ...page(50),
    ],
  },
  {
    id: 'getRun',
    method: 'GET',
    path: '/runs/:runId',
    summary: 'One run: the stored record and its analysis',
    params: [runId()],
    response: 'RunDetailResponse',
  },
  {
    id: 'runRegressions',
    method: 'GET',
    path: '/runs/:runId/regressions',
    summary: 'Regressions of a run against its baseline',
    response: 'RegressionsResponse',
    params: [
      runId(),
      {
        name: 'previous',
        in: 'query',
        type: 'integer',
        minimum: 1,
        maximum: 200,
        description: 'baseline: the previous N runs (default 10)',
      },
      { name: 'baseline', in: 'query', type: 'string', description: 'baseline: this run id instead of previous runs' },
    ],
  },
  {
    id: 'compareRuns',
    method: 'GET',
    path: '/compare',
    summary: 'Two runs side by side',
    response: 'CompareResponse',
    params: [
      { name: 'base', in: 'query', type: 'string', required: true, description: 'run id of the older / reference run' },
      { name: 'head', in: 'query', type: 'string', required: true, description: 'run id of the run to judge' },
      {
        name: 'limit',
        in: 'query',
        type: 'integer',
        minimum: 1,
        maximum: 5000,
        default: 100,
        description: 'tests listed (most changed first)',
      },
    ],
  },
  {
    id: 'listMetrics',
    method: 'GET',
    path: '/metrics',
    summary: 'Metric names in history and how many series each has',
    params: [],
    response: 'MetricsResponse',
  },
  {
    id: 'getSeries',
    method: 'GET',
    path: '/series',
    summary: 'One metric × subject over the latest runs',
    params: [...key, last],
    response: 'SeriesResponse',
  },
  {
    id: 'getTrends',
    method: 'GET',
    path: '/trends',
    summary: 'Every series of a metric over the latest runs, most changed first',
    response: 'TrendsResponse',
    params: [
      key[0],
      last,
      {
        name: 'limit',
        in: 'query',
        type: 'integer',
        minimum: 1,
        maximum: 200,
        default: 20,
        description: 'series listed',
      },
      { name: 'search', in: 'query', type: 'string', description: 'only subjects containing this text' },
    ],
  },
  {
    id: 'searchTests',
    method: 'GET',
    path: '/tests',
    summary: 'Tests in history (for pickers)',
    response: 'TestSearchResponse',
    params: [
      { name: 'search', in: 'query', type: 'string', description: 'only subjects containing this text' },
      {
        name: 'limit',
        in: 'query',
        type: 'integer',
        minimum: 1,
        maximum: MAX_PAGE,
        default: 50,
        description: 'tests listed',
      },
    ],
  },
  {
    id: 'testHistory',
    method: 'GET',
    path: '/test',
    summary: "One test's outcomes and durations over the latest runs",
    response: 'TestHistoryResponse',
    params: [key[1], key[2], last],
  },
  {
    id: 'flaky',
    method: 'GET',
    path: '/flaky',
    summary: 'Flaky tests over a window of runs',
    params: [window(30), page(50)[0]],
    response: 'FlakyResponse',
  },
  {
    id: 'slowest',
    method: 'GET',
    path: '/slowest',
    summary: 'Slowest tests (median duration) over a window of runs',
    params: [window(30), page(50)[0]],
    response: 'SlowestResponse',
  },
  {
    id: 'listAlerts',
    method: 'GET',
    path: '/alerts',
    summary: 'Alerts (budget breaches, regressions), newest first',
    response: 'AlertListResponse',
    params: [
      { name: 'status', in: 'query', type: 'string', enum: ALERT_STATUSES, description: 'only alerts in this state' },
      {
        name: 'kind',
        in: 'query',
        type: 'string',
        enum: ['budget', 'regression'],
        description: 'only alerts of this kind',
      },
      { name: 'runId', in: 'query', type: 'string', description: 'only alerts of this run' },
      ...page(50),
    ],
  },
  {
    id: 'acknowledgeAlert',
    method: 'POST',
    path: '/alerts/:alertId/acknowledge',
    summary: 'Mark an alert as seen',
    write: true,
    params: [{ name: 'alertId', in: 'path', type: 'string', required: true, description: 'an alert id' }],
    request: 'AlertUpdateRequest',
    response: 'AlertUpdateResponse',
  },
  {
    id: 'resolveAlert',
    method: 'POST',
    path: '/alerts/:alertId/resolve',
    summary: 'Close an alert',
    write: true,
    params: [{ name: 'alertId', in: 'path', type: 'string', required: true, description: 'an alert id' }],
    request: 'AlertUpdateRequest',
    response: 'AlertUpdateResponse',
  },
  {
    id: 'gateHistory',
    method: 'GET',
    path: '/gate',
    summary: 'Per run: would the gate pass (no error alerts)',
    params: [window(100)],
    response: 'GateHistoryResponse',
  },
  {
    id: 'listOptimizations',
    method: 'GET',
    path: '/optimizations',
    summary: 'Optimisations applied, with their measured effect',
    params: [window(10)],
    response: 'OptimizationsResponse',
  },
  {
    id: 'rollbackOptimization',
    method: 'POST',
    path: '/optimizations/:optimizationId/rollback',
    summary: 'Restore the config from the backup taken before the edit',
    write: true,
    params: [{ name: 'optimizationId', in: 'path', type: 'string', required: true, description: 'an optimisation id' }],
    request: 'RollbackRequest',
    response: 'RollbackResponse',
  },
  {
    id: 'loadTests',
    method: 'GET',
    path: '/load-tests',
    summary: 'Load test results over time (empty until load tests record any)',
    params: [{ name: 'name', in: 'query', type: 'string', description: 'only this load test' }],
    response: 'LoadTestsResponse',
  },
];
