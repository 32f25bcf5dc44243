// Test detail part of the view model: step trees as interned compact rows, per-attempt perf data.
// Bounded: at most DETAIL_STEP_BUDGET step nodes in the whole report and STEP_NODES_PER_TEST per
// attempt, given to failing, flaky and slow tests first; the rest link to run.json.
import type { StepRecord, TestRecord, TestResultRecord } from '../../types';
import { bucketTimes, stepBucket, BUCKET_INDEX } from './step-buckets';
import { STEP_ROW, type AttemptDetail, type StepRow, type TestDetail } from './view-model-types';
import { laneKey } from './view-model-timeline';
import { attemptRoutes } from './view-model-routes';

/** ~40 bytes per node → ≈ 8 MB worst case; measured in bench/report. */
export const DETAIL_STEP_BUDGET = 200_000;
/** A single attempt with more steps than this is a loop; its first nodes tell the story. */
export const STEP_NODES_PER_TEST = 400;
/** Step params and error texts are cut here: the report is an overview, run.json has the rest. */
export const TEXT_LIMIT = 500;

export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export function clip(s: string | undefined, n = TEXT_LIMIT): string {
  if (!s) return '';
  return s.length > n ? s.slice(0, n) + '…' : s;
}

export function countSteps(steps: StepRecord[]): number {
  let n = 0;
  for (const s of steps) n += 1 + countSteps(s.steps);
  return n;
}

/** Order in which tests get their detail embedded: failures, flaky, then slowest. */
export function detailPriority(tests: TestRecord[], durations: number[]): number[] {
  const rank = (t: TestRecord) => (t.outcome === 'unexpected' ? 0 : t.outcome === 'flaky' ? 1 : 2);
  return tests.map((_, i) => i).sort((a, b) => rank(tests[a]) - rank(tests[b]) || durations[b] - durations[a] || a - b);
}

function stepRows(steps: StepRecord[], base: number, strings: StringTable, left: { n: number }): StepRow[] {
  const out: StepRow[] = [];
  for (const s of steps) {
    if (left.n <= 0) break;
    left.n--;
    const params =
      s.params && Object.keys(s.params).length
        ? Object.fromEntries(Object.entries(s.params).map(([k, v]) => [clip(k, 80), clip(String(v))]))
        : 0;
    const kids = s.steps.length ? stepRows(s.steps, base, strings, left) : [];
    out.push(
      STEP_ROW.encode({
        title: strings.id(clip(s.title, 200)),
        category: strings.id(String(s.category)),
        startMs: Math.round(s.startTime - base),
        durationMs: Math.round(s.durationMs),
        bucket: BUCKET_INDEX[stepBucket(s)],
        error: s.error ? clip(s.error) : 0,
        params,
        children: kids.length ? kids : 0,
      }),
    );
  }
  return out;
}

function attemptDetail(
  r: TestResultRecord,
  runStart: number,
  laneOf: Map<string, number>,
  strings: StringTable,
  stepsLeft: { n: number },
): AttemptDetail {
  const perf = r.perf ?? {};
  const perTest = { n: Math.min(STEP_NODES_PER_TEST, stepsLeft.n) };
  const before = perTest.n;
  const steps = stepRows(r.steps, r.startTime, strings, perTest);
  stepsLeft.n -= before - perTest.n;
  return {
    retry: r.retry,
    status: r.status,
    lane: laneOf.get(laneKey(r.shardIndex, r.parallelIndex)) ?? -1,
    worker: r.workerIndex,
    startMs: Math.round(r.startTime - runStart),
    durationMs: Math.round(r.durationMs),
    errors: r.errors.map((e) => ({
      message: clip(e.message, 4000),
      ...(e.location ? { location: clip(e.location, 300) } : {}),
    })),
    steps,
    stepsTruncated: countSteps(r.steps) > before - perTest.n,
    attachments: r.attachments.map((a) => ({
      name: clip(a.name, 200),
      contentType: clip(a.contentType, 100),
      ...(a.bytes !== undefined ? { bytes: a.bytes } : {}),
    })),
    navigations: (perf.navigations ?? []).map((n) => ({
      url: clip(n.url, 300),
      type: n.type,
      ...(n.step ? { step: clip(n.step, 200) } : {}),
      startMs: Math.round(n.startTime - r.startTime),
      ttfbMs: n.ttfbMs,
      domContentLoadedMs: n.domContentLoadedMs,
      loadMs: n.loadMs,
      durationMs: n.durationMs,
      transferBytes: n.transferBytes,
      ...(n.httpStatus !== undefined ? { httpStatus: n.httpStatus } : {}),
    })),
    vitals: (perf.vitals ?? []).map((v) => ({
      name: v.name,
      value: v.value,
      rating: v.rating,
      url: clip(v.url, 300),
      ...(v.step ? { step: clip(v.step, 200) } : {}),
      ...(v.attribution ? { attribution: clip(v.attribution, 200) } : {}),
      startMs: Math.round(v.time - r.startTime),
    })),
    locators: (perf.locators ?? []).slice(0, 200).map((l) => ({
      selector: clip(l.selector, 300),
      action: l.action,
      ...(l.step ? { step: clip(l.step, 200) } : {}),
      totalMs: l.totalMs,
      resolveMs: l.resolveMs,
      actionabilityMs: l.actionabilityMs,
      actionMs: l.actionMs,
      retries: l.retries,
      ok: l.ok,
    })),
    flows: (perf.flows ?? []).slice(0, 100),
    ...optionalRoutes(r),
    startup: (perf.startup ?? []).map((s) => ({
      phase: s.phase,
      durationMs: s.durationMs,
      temperature: s.temperature,
    })),
    missing: (perf.missing ?? []).slice(0, 50),
    collectorErrors: (perf.errors ?? []).slice(0, 50).map((e) => ({ where: e.where, message: clip(e.message) })),
  };
}

function optionalRoutes(r: TestResultRecord): Pick<AttemptDetail, 'routes'> {
  const routes = attemptRoutes(r);
  return routes ? { routes } : {};
}

export function buildDetails(
  tests: TestRecord[],
  durations: number[],
  runStart: number,
  laneOf: Map<string, number>,
  strings: StringTable,
): { details: Record<number, TestDetail>; embedded: number } {
  const details: Record<number, TestDetail> = {};
  const left = { n: DETAIL_STEP_BUDGET };
  let embedded = 0;
  for (const i of detailPriority(tests, durations)) {
    const t = tests[i];
    const need = t.results.reduce((n, r) => n + Math.min(STEP_NODES_PER_TEST, countSteps(r.steps)), 0);
    if (need > left.n) continue; // a later, smaller test may still fit
    details[i] = {
      annotations: t.annotations.map((a) => ({
        type: clip(a.type, 100),
        ...(a.description !== undefined ? { description: clip(a.description) } : {}),
      })),
      attempts: t.results.map((r) => attemptDetail(r, runStart, laneOf, strings, left)),
    };
    embedded++;
  }
  return { details, embedded };
}

/** Per-test bucket times summed over attempts. */
export function testBuckets(t: TestRecord): number[] {
  const sum = bucketTimes([], 0);
  for (const r of t.results)
    bucketTimes(r.steps, r.durationMs).forEach((v, i) => {
      sum[i] += v;
    });
  return sum;
}
