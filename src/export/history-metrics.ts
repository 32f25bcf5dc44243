// History-level gauges for `/metrics` on `playwright-perf serve`: the latest run of each branch
// and machine class, and the alerts still open. Scraped by Prometheus like any service.
import { Gauge, Registry } from 'prom-client';
import type { CompactRun, HistoryData } from '../types';
import { PREFIX } from './run-metrics';

const OUTCOME_LABEL: Record<string, string> = {
  expected: 'passed',
  unexpected: 'failed',
  flaky: 'flaky',
  skipped: 'skipped',
};

/** Latest run per branch × machine class (history is oldest first). */
export function latestRuns(runs: CompactRun[]): CompactRun[] {
  const latest = new Map<string, CompactRun>();
  for (const r of runs) {
    const key = `${r.branch ?? ''}\u0000${r.machineClass}`;
    const seen = latest.get(key);
    if (!seen || r.startTime >= seen.startTime) latest.set(key, r);
  }
  return [...latest.values()];
}

/** An alert counts as open until it is resolved (acknowledged alerts are still open). */
function isOpen(alert: HistoryData['alerts'][number]): boolean {
  return (alert as { status?: string }).status !== 'resolved';
}

export function buildHistoryRegistry(data: HistoryData): Registry {
  const registry = new Registry();
  const reg = [registry];
  const labelNames = ['branch', 'machine_class'];
  const g = (name: string, help: string, extra: string[] = []) =>
    new Gauge({ name: `${PREFIX}${name}`, help, labelNames: [...labelNames, ...extra], registers: reg });
  const runs = g('history_runs', 'Runs kept in history');
  const wall = g('last_run_duration_seconds', 'Wall time of the latest run', ['status']);
  const started = g('last_run_start_timestamp_seconds', 'Start of the latest run (Unix time)');
  const tests = g('last_run_tests', 'Tests of the latest run by outcome', ['outcome']);
  const flaky = g('last_run_flaky_tests', 'Flaky tests in the latest run');
  const labelsOf = (r: CompactRun) => ({ branch: r.branch ?? 'unknown', machine_class: r.machineClass });
  for (const r of data.runs) runs.inc(labelsOf(r));
  for (const r of latestRuns(data.runs)) {
    const l = labelsOf(r);
    wall.set({ ...l, status: r.status }, r.wallTimeMs / 1000);
    started.set(l, r.startTime / 1000);
    flaky.set(l, r.tests.filter((t) => t.outcome === 'flaky').length);
    for (const outcome of Object.values(OUTCOME_LABEL)) tests.set({ ...l, outcome }, 0);
    for (const t of r.tests) tests.inc({ ...l, outcome: OUTCOME_LABEL[t.outcome] ?? t.outcome });
  }
  const alerts = new Gauge({
    name: `${PREFIX}open_alerts`,
    help: 'Budget and regression alerts not resolved yet',
    labelNames: ['kind', 'severity'],
    registers: reg,
  });
  for (const kind of ['budget', 'regression'])
    for (const severity of ['warn', 'error']) alerts.set({ kind, severity }, 0);
  for (const a of data.alerts) if (isOpen(a)) alerts.inc({ kind: a.kind, severity: a.severity });
  return registry;
}
