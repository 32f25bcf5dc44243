// The data the load view page reads (embedded as JSON by src/load/html.ts). Types only: shared by
// the page and by the Node side that builds it.
export interface LoadPageModel {
  title: string;
  status: 'passed' | 'failed' | 'aborted' | 'interrupted';
  startedAt: string;
  segments: string[];
  workers: number;
  windowSeconds: number;
  metric: string;
  totals: {
    iterations: number;
    failed: number;
    dropped: number;
    interrupted: number;
    flows: number;
    iterationsPerSecond: number;
    flowsPerSecond: number;
    errorRate: number;
    errors: Record<string, number | undefined>;
  };
  /** Per window: start (s), VUs, iterations/s, failed iterations, p50/p95/p99 of `metric`, saturated. */
  windows: Array<{
    t: number;
    vus: number;
    throughput: number;
    errors: number;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    saturated: boolean;
  }>;
  metrics: Array<{ name: string; count: number; p50: number; p90: number; p95: number; p99: number; max: number }>;
  thresholds: Array<{ metric: string; expression: string; ok: boolean; actual?: number; reason: string }>;
  scalability: {
    metric: string;
    points: Array<{
      vus: number;
      p50: number;
      p95: number;
      throughput: number;
      errorRate: number;
      meetsThresholds: boolean;
    }>;
    kneeVUs?: number;
    maxVUsMeetingThresholds?: number;
  };
  errorSamples: Array<{ kind: string; scenario: string; at: number; message: string }>;
  warnings: string[];
}
