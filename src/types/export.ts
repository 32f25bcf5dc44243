// Options of the Prometheus / OpenMetrics export (reporter option `prometheus`). The metric model
// itself is documented in docs/metrics-export.md.

export interface PrometheusOptions {
  /** Push the run's metrics to a Prometheus Pushgateway at the end of the run. */
  pushgateway?: PushgatewayOptions | string;
  /** Cardinality guard for the only per-test series (`playwright_perf_slow_test_duration_seconds`). */
  perTest?: PerTestSeriesOptions;
}

export interface PushgatewayOptions {
  /** Base URL of the gateway, e.g. 'http://127.0.0.1:9091'. Env PLAYWRIGHT_PERF_PUSHGATEWAY_URL also works. */
  url: string;
  /** Grouping key `job`. Default 'playwright-perf'. */
  job?: string;
  /** Extra grouping labels (added to job, branch and shard). */
  grouping?: Record<string, string>;
  /** Give up on the push after this many ms. Default 5000. */
  timeoutMs?: number;
}

export interface PerTestSeriesOptions {
  /** Export per-test series for the N slowest tests of the run. Default 10; 0 turns them off. */
  slowest?: number;
  /** Globs on `file › title` of tests that always get a per-test series. */
  allow?: string[];
}
