// JsonReport → ViewModel: the compact, display-ready data embedded in index.html. Pure.
import type { JsonReport, TestRecord } from '../../types';
import {
  ATTEMPT_COLS,
  ATTEMPT_ROW,
  BUCKETS,
  OUTCOMES,
  STATUSES,
  STEP_COLS,
  SYSTEM_SAMPLE_ROW,
  TEST_COLS,
  TEST_ROW,
  VIEW_MODEL_VERSION,
  type AttemptRow,
  type TestRow,
  type TrendSeries,
  type ViewModel,
} from './view-model-types';
import { StringTable, buildDetails, clip, testBuckets } from './view-model-details';
import { buildLanes, laneIndex, laneKey } from './view-model-timeline';
import { round } from '../../util/round';
import { routesView } from './view-model-routes';

/** Trend series drawn at most (regressions first); each is a small SVG. */
export const MAX_TREND_SERIES = 300;
/** Regression findings listed at most (regressions, then improvements, by size of change). */
export const MAX_FINDINGS = 2000;
/** System samples drawn at most (evenly thinned); a 1 s sampler gives 3,600 per hour. */
export const MAX_SYSTEM_POINTS = 2000;
/** Flow samples kept for the per-direction chart. */
export const MAX_FLOW_SAMPLES = 2000;

const OUTCOME_CODE: Record<TestRecord['outcome'], number> = {
  expected: OUTCOMES.indexOf('passed'),
  unexpected: OUTCOMES.indexOf('failed'),
  flaky: OUTCOMES.indexOf('flaky'),
  skipped: OUTCOMES.indexOf('skipped'),
};
export { OUTCOMES };

export function buildViewModel(report: JsonReport): ViewModel {
  const run = report.run;
  const strings = new StringTable();
  const laneOf = laneIndex(report);
  const attempts: AttemptRow[] = [];
  const durations: number[] = [];
  const buckets = BUCKETS.map(() => 0);
  const tests: TestRow[] = run.tests.map((t, i) => {
    let dur = 0,
      start = Infinity,
      lane = -1;
    for (const r of t.results) {
      dur += r.durationMs;
      if (r.workerIndex < 0) continue;
      const l = laneOf.get(laneKey(r.shardIndex, r.parallelIndex)) ?? -1;
      if (r.startTime < start) {
        start = r.startTime;
        lane = l;
      }
      attempts.push(
        ATTEMPT_ROW.encode({
          test: i,
          retry: r.retry,
          lane: l,
          startMs: Math.round(r.startTime - run.startTime),
          durationMs: Math.round(r.durationMs),
          status: statusCode(r.status),
          worker: r.workerIndex,
        }),
      );
    }
    durations.push(dur);
    const b = testBuckets(t);
    b.forEach((v, k) => {
      buckets[k] += v;
    });
    const last = t.results[t.results.length - 1];
    return TEST_ROW.encode({
      id: t.id,
      title: clip(t.title, 300),
      path: clip(t.titlePath.slice(0, -1).join(' › '), 300),
      file: strings.id(t.file),
      line: t.line,
      project: strings.id(t.project),
      outcome: OUTCOME_CODE[t.outcome] ?? 0,
      status: last ? statusCode(last.status) : 4,
      durationMs: Math.round(dur),
      attempts: t.results.length,
      startMs: Number.isFinite(start) ? Math.round(start - run.startTime) : -1,
      lane,
      tags: clip(t.tags.join(' '), 200),
      detail: 0,
      fixtures: b[0],
      hooks: b[1],
      navigation: b[2],
      actions: b[3],
      assertions: b[4],
      waits: b[5],
      other: b[6],
    });
  });
  const { details, embedded } = buildDetails(run.tests, durations, run.startTime, laneOf, strings);
  for (const k of Object.keys(details)) TEST_ROW.set(tests[Number(k)], 'detail', 1);

  const a = report.analysis;
  const vm: ViewModel = {
    v: VIEW_MODEL_VERSION,
    generatedAt: report.generatedAt,
    run: {
      runId: run.runId,
      startedAt: run.startedAt,
      startTime: run.startTime,
      status: run.status,
      interrupted: run.interrupted,
      wallTimeMs: run.wallTimeMs,
      workers: run.config.workers,
      meta: metaPairs(report),
    },
    summary: a.summary,
    cols: { tests: TEST_COLS, attempts: ATTEMPT_COLS, steps: STEP_COLS, buckets: BUCKETS },
    strings: strings.list,
    tests,
    attempts,
    buckets,
    ...buildLanes(report, attempts, laneOf),
    system: thin(run.system, MAX_SYSTEM_POINTS).map((s) =>
      SYSTEM_SAMPLE_ROW.encode({
        atMs: Math.round(s.time - run.startTime),
        cpu: round(s.cpu, 3),
        memUsedBytes: s.memUsedBytes,
      }),
    ),
    memTotalBytes: run.system.reduce((m, s) => Math.max(m, s.memTotalBytes), 0),
    slowestFiles: a.slowest.files.length ? a.slowest.files : slowestFiles(run.tests, durations),
    slowestSteps: a.slowest.steps,
    details,
    detailStats: { embedded, total: run.tests.length },
    ...(a.navigation ? { navigation: a.navigation } : {}),
    ...(a.routes ? { routes: routesView(a.routes) } : {}),
    ...(a.vitals ? { vitals: a.vitals } : {}),
    ...(a.locators ? { locators: a.locators } : {}),
    ...(a.actions ? { actions: a.actions } : {}),
    ...(a.userTimings ? { userTimings: a.userTimings } : {}),
    ...(a.flows ? { flows: { perFlow: a.flows.perFlow } } : {}),
    flowSamples: (a.flows?.samples ?? run.tests.flatMap((t) => t.results.flatMap((r) => r.perf?.flows ?? []))).slice(
      0,
      MAX_FLOW_SAMPLES,
    ),
    ...(a.startup ? { startup: a.startup } : {}),
    ...(a.lighthouse && a.lighthouse.results.length ? { lighthouse: a.lighthouse } : {}),
    ...(report.history ? { history: historyPart(report) } : {}),
    budgets: report.budgets ?? [],
    ...(report.quality ? { quality: report.quality } : {}),
    recommendations: report.recommendations ?? [],
    ...(report.gate ? { gate: report.gate } : {}),
    errors: [...run.errors, ...a.errors].slice(0, 500),
  };
  return vm;
}

function statusCode(s: string): number {
  return (STATUSES as readonly string[]).indexOf(s);
}

function thin<T>(list: T[], max: number): T[] {
  if (list.length <= max) return list;
  const step = list.length / max;
  return Array.from({ length: max }, (_, i) => list[Math.floor(i * step)]);
}

function slowestFiles(tests: TestRecord[], durations: number[]): ViewModel['slowestFiles'] {
  const m = new Map<string, { file: string; durationMs: number; tests: number }>();
  tests.forEach((t, i) => {
    const f = m.get(t.file) ?? { file: t.file, durationMs: 0, tests: 0 };
    f.durationMs += durations[i];
    f.tests++;
    m.set(t.file, f);
  });
  return [...m.values()].sort((x, y) => y.durationMs - x.durationMs).slice(0, 50);
}

function metaPairs(report: JsonReport): Array<[string, string]> {
  const m = report.run.meta;
  const out: Array<[string, string]> = [
    ['playwright-perf', m.perfVersion],
    ['Playwright', m.playwrightVersion],
    ['Node', m.nodeVersion],
    ['OS', `${m.os.platform} ${m.os.release} ${m.os.arch}`],
    ['CPU', `${m.machine.cpus} × ${m.machine.cpuModel}`],
    ['Memory', `${(m.machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
    ['CI', m.ci ? 'yes' : 'no'],
  ];
  if (m.git?.branch || m.git?.commit)
    out.push([
      'Git',
      `${m.git.branch ?? ''} ${m.git.commit?.slice(0, 10) ?? ''}${m.git.dirty ? ' (dirty)' : ''}`.trim(),
    ]);
  if (m.merged) out.push(['Merged', `${m.merged.shards} shards`]);
  if (m.shard) out.push(['Shard', `${m.shard.current}/${m.shard.total}`]);
  if (report.run.config.configFile) out.push(['Config', report.run.config.configFile]);
  for (const [k, v] of Object.entries(m.labels ?? {})) out.push([clip(k, 100), clip(v, 300)]);
  return out;
}

function historyPart(report: JsonReport): NonNullable<ViewModel['history']> {
  const h = report.history!;
  const order = { regression: 0, improvement: 1, unchanged: 2, 'not-enough-data': 3 } as const;
  const findings = [...h.findings].sort(
    (x, y) => order[x.verdict] - order[y.verdict] || Math.abs(y.change ?? 0) - Math.abs(x.change ?? 0),
  );
  const verdictOf = new Map(h.findings.map((f) => [`${f.metric}|${f.subject}|${f.project ?? ''}`, f]));
  const trends: TrendSeries[] = (h.trends ?? [])
    .map((t) => {
      const f = verdictOf.get(`${t.metric}|${t.subject}|${t.project ?? ''}`);
      return {
        metric: t.metric,
        subject: t.subject,
        ...(t.project ? { project: t.project } : {}),
        points: t.points.map((p): [number, number] => [p.time, p.value]),
        ...(f ? { verdict: f.verdict, change: f.change } : {}),
      };
    })
    .sort((x, y) => order[x.verdict ?? 'unchanged'] - order[y.verdict ?? 'unchanged']);
  return {
    baseline: h.baseline.description,
    caveats: h.caveats,
    findings: findings.slice(0, MAX_FINDINGS),
    findingsTotal: h.findings.length,
    trends: trends.slice(0, MAX_TREND_SERIES),
    trendsTotal: trends.length,
  };
}
