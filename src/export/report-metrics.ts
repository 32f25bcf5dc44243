// What the report adds to the run's metrics: the CI gate, the history verdicts, budgets and our own
// warnings — the series a team alerts on ("the perf gate failed on main").
import { Gauge, Registry } from 'prom-client';
import type { CompactRun, JsonReport } from '../types';
import { compactRun } from '../analyze/history/compact-run';
import { addRunMetrics, PREFIX, type PerTestSelection } from './run-metrics';

export function addReportMetrics(registry: Registry, report: JsonReport): void {
  const reg = [registry];
  const summary = report.analysis.summary;
  new Gauge({
    name: `${PREFIX}parallel_efficiency_ratio`,
    help: 'Σ test time ÷ (workers × wall time)',
    registers: reg,
  }).set(summary.parallelEfficiency);
  // An unlabelled gauge always exposes a value (0), so it is only registered when the gate ran.
  if (report.gate) {
    new Gauge({
      name: `${PREFIX}gate_failed`,
      help: '1 when the CI gate failed the run, 0 when it passed',
      registers: reg,
    }).set(report.gate.failed ? 1 : 0);
  }
  const verdicts = new Gauge({
    name: `${PREFIX}history_findings`,
    help: 'Series compared with the baseline, by verdict',
    labelNames: ['verdict'],
    registers: reg,
  });
  const s = report.history?.summary;
  if (s) {
    verdicts.set({ verdict: 'regression' }, s.regressions);
    verdicts.set({ verdict: 'improvement' }, s.improvements);
    verdicts.set({ verdict: 'unchanged' }, s.unchanged);
    verdicts.set({ verdict: 'not-enough-data' }, s.notEnoughData);
  }
  const breaches = new Gauge({
    name: `${PREFIX}budget_breaches`,
    help: 'Budget rules not met, by severity',
    labelNames: ['severity'],
    registers: reg,
  });
  if (report.budgets) {
    for (const severity of ['warn', 'error'] as const) {
      breaches.set({ severity }, report.budgets.filter((b) => !b.ok && b.severity === severity).length);
    }
  }
  new Gauge({
    name: `${PREFIX}reporter_errors`,
    help: 'Problems playwright-perf recorded in the run',
    registers: reg,
  }).set(report.run.errors.filter((e) => e.where !== 'playwright').length);
}

/** Labels every series of a run carries: the comparability key of its timings. */
export function runDefaultLabels(run: CompactRun): Record<string, string> {
  return { machine_class: run.machineClass };
}

/** The full registry of one run, as pushed to a Pushgateway or printed by `playwright-perf metrics`. */
export function buildRunRegistry(
  report: JsonReport,
  perTest: PerTestSelection,
  extraLabels: Record<string, string> = {},
) {
  const registry = new Registry();
  const compact = compactRun(report.run);
  registry.setDefaultLabels({ ...runDefaultLabels(compact), ...extraLabels });
  addRunMetrics(registry, compact, perTest);
  addReportMetrics(registry, report);
  return registry;
}
