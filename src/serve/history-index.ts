// An index over one history snapshot, built once per change of the stored history: runs by id, the
// list rows, and (lazily, on the first series/trend request) every metric series as per-run points.
// Handlers read from it; they never scan the whole history per request.
import type {
  CompactRun,
  HistoryData,
  MetricKey,
  MetricSeries,
  QualitySummary,
  RunListItem,
  SeriesPoint,
} from '../types';
import { runSeries, seriesKey } from '../analyze/history/compact-run';
import { median } from '../analyze/stats/descriptive';
import { QualityIndex } from './quality-index';

export interface IndexedSeries {
  key: MetricKey;
  /** Oldest first; `runIndex` points into HistoryIndex.runs. */
  points: Array<SeriesPoint & { runIndex: number }>;
}

/** Runs indexed per event-loop turn while building in the background (~1,000 tests each). */
const RUNS_PER_TICK = 10;

/** Bounded memo for derived responses (run details, comparisons) of this snapshot. */
export class Memo {
  private readonly map = new Map<string, unknown>();
  constructor(private readonly max: number) {}
  get<V>(key: string, make: () => V): V {
    const hit = this.map.get(key) as V | undefined;
    if (hit !== undefined) return hit;
    const value = make();
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
    return value;
  }
}

export function listItem(run: CompactRun, alerts: number): RunListItem {
  const tests = { total: run.tests.length, passed: 0, failed: 0, flaky: 0, skipped: 0 };
  for (const t of run.tests) {
    if (t.outcome === 'expected') tests.passed++;
    else if (t.outcome === 'unexpected') tests.failed++;
    else if (t.outcome === 'flaky') tests.flaky++;
    else tests.skipped++;
  }
  return {
    runId: run.runId,
    startTime: run.startTime,
    wallTimeMs: run.wallTimeMs,
    status: run.status,
    interrupted: run.interrupted,
    ...(run.branch ? { branch: run.branch } : {}),
    ...(run.commit ? { commit: run.commit } : {}),
    machineClass: run.machineClass,
    ...(run.shard ? { shard: run.shard } : {}),
    tests,
    metricSeries: run.metrics.length,
    alerts,
  };
}

export class HistoryIndex {
  readonly runs: CompactRun[];
  readonly items: RunListItem[];
  private readonly byId = new Map<string, number>();
  private series?: Map<string, IndexedSeries>;
  /** Derived responses, keyed by route + arguments. */
  readonly memo = new Memo(500);

  constructor(
    readonly data: HistoryData,
    readonly loadedAt: number,
  ) {
    this.runs = [...data.runs].sort((a, b) => a.startTime - b.startTime);
    const alerts = new Map<string, number>();
    for (const a of data.alerts) alerts.set(a.runId, (alerts.get(a.runId) ?? 0) + 1);
    this.items = this.runs.map((r, i) => {
      this.byId.set(r.runId, i);
      return listItem(r, alerts.get(r.runId) ?? 0);
    });
  }

  runIndex(runId: string): number | undefined {
    return this.byId.get(runId);
  }

  private qualityIndex?: QualityIndex;
  private readonly qualityOf = new Map<number, QualitySummary>();

  /** Run i's quality summary over the runs before it. Small (failing and flaky tests only), so it is
   *  kept for the snapshot's life, unlike the bounded memo of whole responses. */
  quality(i: number): QualitySummary {
    let q = this.qualityOf.get(i);
    if (!q) {
      this.qualityIndex ??= new QualityIndex(this.runs);
      q = this.qualityIndex.summary(i);
      this.qualityOf.set(i, q);
    }
    return q;
  }

  run(runId: string): CompactRun | undefined {
    const i = this.byId.get(runId);
    return i === undefined ? undefined : this.runs[i];
  }

  /** Set when a newer snapshot replaced this one: its background work stops. */
  retired = false;
  /** Runs already added to the series index (it is built a slice at a time, see buildInBackground). */
  private seriesBuiltUpTo = 0;
  private readonly partial = new Map<string, IndexedSeries>();

  /** Builds the series index RUNS_PER_TICK runs at a time between requests, so the first series or
   *  trend request does not have to wait for all of it (1,000 runs × 1,000 tests: seconds). */
  buildInBackground(): void {
    const step = () => {
      if (this.series || this.retired) return;
      this.addRuns(Math.min(this.runs.length, this.seriesBuiltUpTo + RUNS_PER_TICK));
      if (this.seriesBuiltUpTo < this.runs.length) setImmediate(step);
      else this.series = this.partial;
    };
    setImmediate(step);
  }

  /** Every series (test.duration included) keyed by seriesKey; completed now if still building. */
  allSeries(): Map<string, IndexedSeries> {
    if (this.series) return this.series;
    this.addRuns(this.runs.length);
    this.series = this.partial;
    return this.series;
  }

  private addRuns(upTo: number): void {
    const map = this.partial;
    for (let runIndex = this.seriesBuiltUpTo; runIndex < upTo; runIndex++) {
      const run = this.runs[runIndex];
      for (const s of runSeries(run)) {
        if (!s.values.length) continue;
        const k = seriesKey(s);
        let entry = map.get(k);
        if (!entry) {
          entry = {
            key: { metric: s.metric, subject: s.subject, ...(s.project !== undefined ? { project: s.project } : {}) },
            points: [],
          };
          map.set(k, entry);
        }
        let min = Infinity,
          max = -Infinity;
        for (const v of s.values) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
        entry.points.push({
          runId: run.runId,
          time: run.startTime,
          value: median(s.values),
          samples: s.values.length,
          min,
          max,
          runIndex,
        });
      }
    }
    this.seriesBuiltUpTo = upTo;
  }

  /** runSeries(run), kept in the memo: a run is compared with many others (what detectRegressions
   *  would rebuild per comparison, a fifth of its time at 1,000 tests). */
  seriesOfRun(run: CompactRun): MetricSeries[] {
    return this.memo.get(`run-series\u0000${run.runId}`, () => runSeries(run));
  }

  seriesOfMetric(metric: string): IndexedSeries[] {
    return this.memo.get(`metric-series\u0000${metric}`, () =>
      [...this.allSeries().values()].filter((s) => s.key.metric === metric),
    ) as IndexedSeries[];
  }
}
