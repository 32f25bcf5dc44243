// Test quality over history: flakiness (passed on retry, passed right after failing), flip rate,
// stability, error rate, and — for this run's failures — whether a failure looks caused by
// performance (a timeout after passing durations drifted up, or ran close to the timeout) or by
// flakiness. Pure.
import type { CompactRun, CompactTest, QualitySummary, RunRecord } from '../../types';
import { normalUpperTail } from '../stats/mann-whitney';
import { median } from '../stats/descriptive';
import { testSubject } from './compact-run';
import { TestKeyMap } from './test-key-map';
import { round } from '../../util/round';

/** Runs of history looked at (older behaviour says little about today's flakiness). */
export const QUALITY_WINDOW = 30;
/** Mann-Kendall needs a few points to mean anything. */
const MIN_TREND_POINTS = 4;
/** One-sided p for "durations are rising". */
const TREND_ALPHA = 0.05;
/** A rise smaller than this between the first and last third is not called a drift. */
const MIN_DRIFT = 0.1;
/** Passing runs that used this share of the timeout were already on the edge. */
const NEAR_TIMEOUT_SHARE = 0.8;

type Entry = QualitySummary['perTest'][number];
const OUTCOME_RANK: Record<CompactTest['outcome'], number> = { skipped: 0, expected: 1, flaky: 2, unexpected: 3 };

/** Mann-Kendall trend test: one-sided p that the series rises (normal approximation, tie-corrected). */
export function risingTrendP(xs: number[]): number {
  const n = xs.length;
  if (n < MIN_TREND_POINTS) return 1;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j] - xs[i]);
  const ties = new Map<number, number>();
  for (const x of xs) ties.set(x, (ties.get(x) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (variance <= 0 || s <= 0) return 1;
  return normalUpperTail((s - 1) / Math.sqrt(variance));
}

function passedDuration(t: CompactTest): number | undefined {
  const passes = t.attempts.filter((a) => a[0] === 'passed').map((a) => a[1]);
  return passes.length ? passes[passes.length - 1] : undefined;
}

/** Why a timeout looks like a performance problem, or undefined. `past` excludes the current run. */
export function performanceReason(past: CompactTest[], timeoutMs: number): string | undefined {
  const durations = past.map(passedDuration).filter((d): d is number => d !== undefined);
  if (durations.length >= MIN_TREND_POINTS) {
    const third = Math.max(1, Math.floor(durations.length / 3));
    const first = median(durations.slice(0, third)),
      last = median(durations.slice(-third));
    const p = risingTrendP(durations);
    if (p < TREND_ALPHA && first > 0 && (last - first) / first >= MIN_DRIFT) {
      return `timed out after passing durations rose ${Math.round(((last - first) / first) * 100)} % over ${durations.length} runs (${Math.round(first)} → ${Math.round(last)} ms, Mann-Kendall p = ${p.toFixed(3)})`;
    }
  }
  const recent = durations.slice(-3);
  if (timeoutMs > 0 && recent.length && Math.max(...recent) >= NEAR_TIMEOUT_SHARE * timeoutMs) {
    return `timed out; recent passing runs already took up to ${Math.round(Math.max(...recent))} ms of the ${timeoutMs} ms timeout`;
  }
  return undefined;
}

/** A test run that can put the test in the quality list: it failed, or passed only on retry. */
export const failedOrFlaky = (t: CompactTest): boolean => t.outcome === 'unexpected' || t.outcome === 'flaky';

export function summarizeQuality(history: CompactRun[], current: CompactRun, record?: RunRecord): QualitySummary {
  const runs = [...history.filter((r) => r.runId !== current.runId).slice(-(QUALITY_WINDOW - 1)), current];
  // Only a test that failed or was flaky somewhere in the window can get an entry below (every
  // figure that puts a test in the list counts failures or flaky runs), so the per-test work is done
  // for those alone: usually a few of thousands, which keeps the dashboard's run view fast.
  const noticed = new TestKeyMap<true>();
  for (const run of runs) for (const t of run.tests) if (failedOrFlaky(t)) noticed.set(t.project, t.subject, true);
  const byKey = new TestKeyMap<CompactTest[]>();
  let currentMerged = new Set<CompactTest>();
  for (const run of noticed.size ? runs : []) {
    // Repeats of one test in one run (--repeat-each) count as one run of that test.
    const merged = new TestKeyMap<CompactTest>();
    for (const t of run.tests) {
      if (t.outcome === 'skipped' || !noticed.has(t.project, t.subject)) continue;
      const seen = merged.get(t.project, t.subject);
      merged.set(t.project, t.subject, seen ? mergeRepeat(seen, t) : t);
    }
    for (const t of merged.values()) {
      const list = byKey.get(t.project, t.subject);
      if (list) list.push(t);
      else byKey.set(t.project, t.subject, [t]);
    }
    if (run === current) currentMerged = new Set(merged.values());
  }
  const idOf = new TestKeyMap<{ id: string; title: string }>();
  for (const t of record?.tests ?? []) idOf.set(t.project, testSubject(t), { id: t.id, title: t.title });
  const currentKeys = new TestKeyMap<true>();
  let testsConsidered = 0;
  for (const t of current.tests) {
    if (!currentKeys.has(t.project, t.subject)) testsConsidered++;
    currentKeys.set(t.project, t.subject, true);
  }

  const perTest: Entry[] = [];
  for (const seq of byKey.values()) {
    const last = seq[seq.length - 1];
    if (!currentKeys.has(last.project, last.subject)) continue; // only tests that still exist
    const entry = qualityEntry(seq, currentMerged.has(last), idOf.get(last.project, last.subject));
    if (entry) perTest.push(entry);
  }
  sortQualityEntries(perTest);
  return { runs: runs.length, testsConsidered, perTest };
}

/** The test's own title: the subject's last ' › ' part. */
function lastTitle(subject: string): string {
  const at = subject.lastIndexOf(' › ');
  return at < 0 ? subject : subject.slice(at + 3);
}

/** Two runs of one test in one run (--repeat-each) as one: the worst outcome, every attempt. */
export function mergeRepeat(seen: CompactTest, t: CompactTest): CompactTest {
  return {
    ...seen,
    outcome: OUTCOME_RANK[t.outcome] > OUTCOME_RANK[seen.outcome] ? t.outcome : seen.outcome,
    attempts: [...seen.attempts, ...t.attempts],
  };
}

/** One test's figures from its runs in the window, oldest first, repeats merged, skipped runs left
 *  out; `isCurrent` when the last of them is the run judged. Undefined when there is nothing to say. */
export function qualityEntry(
  seq: CompactTest[],
  isCurrent: boolean,
  id?: { id: string; title: string },
): Entry | undefined {
  const last = seq[seq.length - 1];
  const n = seq.length;
  const failed = (t: CompactTest) => t.outcome === 'unexpected';
  let flakyRuns = 0,
    passAfterFail = 0,
    flips = 0,
    firstTryPasses = 0,
    failures = 0,
    priorFlaky = 0;
  for (let i = 0; i < n; i++) {
    const t = seq[i];
    const prevFailed = i > 0 && failed(seq[i - 1]);
    if (i < n - 1 && (t.outcome === 'flaky' || (prevFailed && !failed(t)))) priorFlaky++;
    if (t.outcome === 'flaky') flakyRuns++;
    if (failed(t)) failures++;
    if (t.attempts[0]?.[0] === 'passed') firstTryPasses++;
    if (i > 0) {
      if (prevFailed !== failed(t)) flips++;
      if (prevFailed && !failed(t)) passAfterFail++;
    }
  }
  const entry: Entry = {
    testId: id?.id ?? last.subject,
    title: id?.title ?? lastTitle(last.subject),
    runs: n,
    flakinessIndex: round(Math.min(1, (flakyRuns + passAfterFail) / n), 3),
    flipRate: n > 1 ? round(flips / (n - 1), 3) : 0,
    stability: round(firstTryPasses / n, 3),
    errorRate: round(failures / n, 3),
  };
  if (isCurrent && failedOrFlaky(last)) {
    const timedOut = last.attempts.some((a) => a[0] === 'timedOut');
    const perf = timedOut ? performanceReason(seq.slice(0, -1), last.timeoutMs) : undefined;
    if (perf) {
      entry.failureKind = 'likely-performance';
      entry.reason = perf;
    } else if (last.outcome === 'flaky' || priorFlaky > 0) {
      // Judged on earlier runs only: this run's own failure is always a flip.
      entry.failureKind = 'likely-flaky';
      entry.reason =
        last.outcome === 'flaky'
          ? 'passed on retry'
          : `flaky before: passed on retry or right after a failure in ${priorFlaky} of ${n - 1} earlier runs`;
    } else {
      entry.failureKind = 'failure';
      entry.reason = timedOut ? 'timed out with no sign of a slowdown in earlier runs' : 'failed';
    }
  }
  return entry.flakinessIndex > 0 || entry.errorRate > 0 || entry.failureKind ? entry : undefined;
}

/** Failures first, then the flakiest, then the most failing (stable: ties keep their order). */
export function sortQualityEntries(perTest: Entry[]): void {
  perTest.sort(
    (a, b) =>
      Number(!!b.failureKind) - Number(!!a.failureKind) ||
      b.flakinessIndex - a.flakinessIndex ||
      b.errorRate - a.errorRate,
  );
}
