// The Prometheus metric model against the run it was built from: every value is recomputed here
// from the report by hand, and the exposition passes `promtool check metrics`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticReport } from '../helpers/synthetic-report';
import { buildRunRegistry } from '../../src/export/report-metrics';
import { selectTests } from '../../src/export/run-metrics';
import { compactRun } from '../../src/analyze/history/compact-run';
import { resolvePrometheusOptions } from '../../src/export/options';
import { promtoolCheck } from '../helpers/prometheus-servers';

const PER_TEST = { slowest: 5, allow: [] as string[] };

async function values(report = syntheticReport({ tests: 60, seed: 7, historyRuns: 3 }), perTest = PER_TEST) {
  const registry = buildRunRegistry(report, perTest);
  const json = await registry.getMetricsAsJSON();
  const byName = new Map(
    json.map((m) => [
      m.name,
      m.values as Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>,
    ]),
  );
  return { report, registry, byName };
}

test('run-level gauges equal the run record (seconds, base units)', async () => {
  const { report, byName } = await values();
  assert.equal(byName.get('playwright_perf_run_duration_seconds')![0].value, report.run.wallTimeMs / 1000);
  assert.equal(byName.get('playwright_perf_run_start_timestamp_seconds')![0].value, report.run.startTime / 1000);
  assert.equal(byName.get('playwright_perf_run_workers')![0].value, report.run.config.workers);
  const machine = byName.get('playwright_perf_run_duration_seconds')![0].labels.machine_class;
  assert.equal(machine, compactRun(report.run).machineClass);
});

test('test outcomes and attempts are counted per project and status', async () => {
  const { report, byName } = await values();
  const outcome = { expected: 'passed', unexpected: 'failed', flaky: 'flaky', skipped: 'skipped' } as const;
  const want = new Map<string, number>();
  for (const t of report.run.tests) {
    const k = `${t.project}|${outcome[t.outcome]}`;
    want.set(k, (want.get(k) ?? 0) + 1);
  }
  const got = new Map(
    byName.get('playwright_perf_tests')!.map((v) => [`${v.labels.project}|${v.labels.outcome}`, v.value]),
  );
  assert.deepEqual(got, want);
  const attempts = byName.get('playwright_perf_test_attempts_total')!.reduce((s, v) => s + v.value, 0);
  assert.equal(
    attempts,
    report.run.tests.reduce((s, t) => s + t.results.length, 0),
  );
});

test('test duration histogram: one observation per passed attempt, sum in seconds', async () => {
  const { report, byName } = await values();
  const passed = report.run.tests.flatMap((t) => t.results.filter((r) => r.status === 'passed'));
  const h = byName.get('playwright_perf_test_duration_seconds')!;
  const count = h
    .filter((v) => v.metricName === 'playwright_perf_test_duration_seconds_count')
    .reduce((s, v) => s + v.value, 0);
  const sum = h
    .filter((v) => v.metricName === 'playwright_perf_test_duration_seconds_sum')
    .reduce((s, v) => s + v.value, 0);
  assert.equal(count, passed.length);
  const want = passed.reduce((s, r) => s + Math.round(r.durationMs), 0) / 1000;
  assert.ok(Math.abs(sum - want) < 1e-6, `${sum} vs ${want}`);
  // Labels are project and file only: never a test title.
  for (const v of h)
    assert.deepEqual(
      Object.keys(v.labels)
        .sort()
        .filter((k) => k !== 'le'),
      ['file', 'machine_class', 'project'],
    );
});

test('vitals and flows become histograms; CLS stays unitless', async () => {
  const { report, byName } = await values();
  const compact = compactRun(report.run);
  const lcp = compact.metrics.filter((s) => s.metric === 'vital.LCP').flatMap((s) => s.values);
  const cls = compact.metrics.filter((s) => s.metric === 'vital.CLS').flatMap((s) => s.values);
  assert.ok(lcp.length > 0 && cls.length > 0, 'the synthetic run has vitals');
  const vital = byName.get('playwright_perf_web_vital_seconds')!;
  const lcpCount = vital
    .filter((v) => v.metricName?.endsWith('_count') && v.labels.name === 'LCP')
    .reduce((s, v) => s + v.value, 0);
  assert.equal(lcpCount, lcp.length);
  const clsSum = byName
    .get('playwright_perf_web_vital_cls')!
    .filter((v) => v.metricName?.endsWith('_sum'))
    .reduce((s, v) => s + v.value, 0);
  assert.ok(Math.abs(clsSum - cls.reduce((a, b) => a + b, 0)) < 1e-9);
  const flows = compact.metrics.filter((s) => s.metric === 'flow.duration');
  const flowLabels = new Set(byName.get('playwright_perf_flow_duration_seconds')!.map((v) => v.labels.flow));
  assert.deepEqual(flowLabels, new Set(flows.map((s) => s.subject)));
});

test('cardinality guard: per-test series only for the slowest N plus the allow-list', async () => {
  const report = syntheticReport({ tests: 80, seed: 3 });
  const compact = compactRun(report.run);
  const slow = selectTests(compact, { slowest: 4, allow: [] });
  assert.equal(slow.length, 4);
  const last = (t: (typeof slow)[number]) => t.attempts.at(-1)![1];
  const rest = compact.tests.filter((t) => !slow.includes(t) && t.outcome !== 'skipped');
  assert.ok(rest.every((t) => last(t) <= Math.min(...slow.map(last))));
  const target = rest[0].subject;
  const { byName } = await values(report, { slowest: 4, allow: [target.replace(/^.* › /, '*')] });
  const series = byName.get('playwright_perf_slow_test_duration_seconds')!;
  assert.equal(series.length, 5);
  assert.ok(series.some((v) => `${v.labels.file} › ${v.labels.test}` === target));
  const none = await values(report, { slowest: 0, allow: [] });
  assert.equal(none.byName.get('playwright_perf_slow_test_duration_seconds')!.length, 0);
});

test('gate, history verdicts and budgets are exported when the report has them', async () => {
  const report = syntheticReport({ tests: 30, seed: 5, historyRuns: 4 });
  report.gate = { failed: true, reasons: ['x'] };
  const { byName } = await values(report);
  assert.equal(byName.get('playwright_perf_gate_failed')![0].value, 1);
  const regressions = byName.get('playwright_perf_history_findings')!.find((v) => v.labels.verdict === 'regression');
  assert.equal(regressions?.value, report.history?.summary?.regressions);
  const errBreaches = (report.budgets ?? []).filter((b) => !b.ok && b.severity === 'error').length;
  assert.equal(
    byName.get('playwright_perf_budget_breaches')!.find((v) => v.labels.severity === 'error')?.value,
    errBreaches,
  );
  delete report.gate;
  const off = await values(report);
  assert.equal(off.byName.get('playwright_perf_gate_failed'), undefined, 'no gate, no gate series');
});

test('the exposition passes promtool check metrics', async () => {
  const { registry } = await values(syntheticReport({ tests: 40, seed: 11, historyRuns: 3, payload: '"\\\n<x>' }));
  const text = await registry.metrics();
  const r = promtoolCheck(text);
  assert.ok(r.ok, r.output);
  assert.equal(r.output, '', `promtool lint: ${r.output}`);
});

test('options: bad values are named and turn the push off, env var supplies the URL', () => {
  const bad = resolvePrometheusOptions(
    { pushgateway: { url: 'ftp://x', timeoutMs: -1 }, perTest: { slowest: 1.5 }, extra: 1 },
    {},
  );
  assert.equal(bad.options.pushgateway, null);
  assert.ok(bad.problems.some((p) => p.includes('"prometheus.pushgateway.url"')));
  assert.ok(bad.problems.some((p) => p.includes('"prometheus.perTest.slowest"')));
  assert.ok(bad.problems.some((p) => p.includes('"prometheus.extra"')));
  const env = resolvePrometheusOptions(undefined, { PLAYWRIGHT_PERF_PUSHGATEWAY_URL: 'http://127.0.0.1:9091' });
  assert.equal(env.options.pushgateway?.url, 'http://127.0.0.1:9091');
  assert.deepEqual(env.problems, []);
  const grouping = resolvePrometheusOptions(
    { pushgateway: { url: 'http://h', grouping: { job: 'x', 'bad-name': 'y', env: 'ci' } } },
    {},
  );
  assert.deepEqual(grouping.options.pushgateway?.grouping, { env: 'ci' });
  assert.equal(grouping.problems.length, 2);
  assert.deepEqual(resolvePrometheusOptions('http://h', {}).problems, [
    'option "prometheus" must be an object, got "http://h"; metrics are not exported',
  ]);
});
