// Prometheus / OpenMetrics export: the metric model (run-metrics, report-metrics, history-metrics)
// and the ways out (Pushgateway push, /metrics text). See docs/metrics-export.md.
export { resolvePrometheusOptions, PUSHGATEWAY_URL_ENV, type ResolvedPrometheus } from './options';
export { buildRunRegistry } from './report-metrics';
export { pushRunMetrics, groupingKey, redact } from './push';
export { buildHistoryRegistry, latestRuns } from './history-metrics';
