// Load runs in history: kept in their own history file (same store and format as test runs, so
// locking, atomic writes and retention are shared) so load numbers never mix with suite runs.
// A load run is stored as a compact run (no tests) whose metric series are the summaries:
// metric 'load.p95' | 'load.p50' | 'load.errorRate' | 'load.throughput', subject the load metric.
// A new run is compared with the median of the earlier runs of the same file on the same machine class.
import { cpus, totalmem, platform, arch } from 'node:os';
import type { CompactRun, LoadReport, MetricSeries } from '../types';
import { openHistoryStore } from '../store/history-store';
import { perfVersion } from '../util/version';

export const DEFAULT_LOAD_HISTORY_PATH = '.playwright-perf/load-history.json';
/** Runs compared against (the most recent comparable ones). */
const COMPARE_RUNS = 5;

export interface LoadHistoryChange {
  metric: string;
  subject: string;
  current: number;
  baseline: number;
  /** current / baseline − 1. */
  change: number;
  runs: number;
}

function machineClassHere(): string {
  return `${platform()}-${arch()}-${cpus().length}cpu-${Math.round(totalmem() / 2 ** 30)}g`;
}

export function compactLoadRun(report: LoadReport): CompactRun {
  const metrics: MetricSeries[] = [];
  for (const [name, s] of Object.entries(report.metrics)) {
    metrics.push({ metric: 'load.p95', subject: name, project: 'load', values: [s.p95] });
    metrics.push({ metric: 'load.p50', subject: name, project: 'load', values: [s.p50] });
  }
  metrics.push({ metric: 'load.errorRate', subject: 'errors', project: 'load', values: [report.totals.errorRate] });
  metrics.push({
    metric: 'load.throughput',
    subject: 'iterations',
    project: 'load',
    values: [report.totals.iterationsPerSecond],
  });
  return {
    runId: report.runId,
    startTime: report.startTime,
    wallTimeMs: Math.round(report.raw.durationMs),
    status: report.status,
    interrupted: report.interrupted,
    machineClass: machineClassHere(),
    ...(report.segments.length === 1 && report.segments[0] !== '1/1' ? { shard: report.segments[0] } : {}),
    env: {
      playwrightVersion: '',
      perfVersion: perfVersion(),
      nodeVersion: process.version,
      cpuModel: cpus()[0]?.model ?? '',
      ci: !!process.env.CI,
      workers: report.workers,
    },
    labels: { kind: 'load', file: report.file },
    tests: [],
    metrics,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Changes of p95 per metric, errors and throughput vs the median of earlier comparable runs (pure). */
export function compareLoadRun(current: CompactRun, earlier: CompactRun[]): LoadHistoryChange[] {
  const comparable = earlier
    .filter(
      (r) =>
        r.runId !== current.runId &&
        r.labels?.file === current.labels?.file &&
        r.machineClass === current.machineClass &&
        !r.interrupted,
    )
    .sort((a, b) => b.startTime - a.startTime)
    .slice(0, COMPARE_RUNS);
  const out: LoadHistoryChange[] = [];
  for (const m of current.metrics) {
    if (m.metric === 'load.p50') continue;
    const past = comparable
      .map((r) => r.metrics.find((x) => x.metric === m.metric && x.subject === m.subject)?.values[0])
      .filter((v): v is number => v !== undefined);
    if (!past.length) continue;
    const baseline = median(past);
    const cur = m.values[0];
    out.push({
      metric: m.metric,
      subject: m.subject,
      current: cur,
      baseline,
      change: baseline ? cur / baseline - 1 : 0,
      runs: past.length,
    });
  }
  return out;
}

export async function recordLoadRun(file: string, report: LoadReport): Promise<LoadHistoryChange[]> {
  const store = openHistoryStore(file);
  const compact = compactLoadRun(report);
  return store.update((data) => {
    const changes = compareLoadRun(compact, data.runs);
    if (!data.runs.some((r) => r.runId === compact.runId)) data.runs.push(compact);
    return changes;
  });
}
