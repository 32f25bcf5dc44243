// On-disk form of the history document. In memory a run is a list of objects (CompactRun); on disk
// every string (test subject, project, metric name, URL) is stored once in a shared table and each
// run keeps parallel arrays of indices, outcome letters and durations. 200 runs × 1,000 tests: 34 MB
// as plain objects, ~4 MB packed — and JSON.parse time scales with size (bench/history).
import type { CompactRun, CompactTest, HistoryData, MetricSeries } from '../types';

export interface PackedRun extends Omit<CompactRun, 'tests' | 'metrics'> {
  /** Per test: index of subject / project in `strings`. */
  ts: number[];
  tp: number[];
  /** Outcome letters, one per test (see OUTCOME_CODES). */
  to: string;
  /** Per test: a number = one passed attempt of that many ms; else "<status letter><ms> …" per attempt. */
  ta: Array<number | string>;
  /** Per-test timeout: one number when all tests share it. */
  tt: number | number[];
  /** Per test: `--repeat-each` index; absent when every test is repeat 0 (and in older files). */
  tr?: number[];
  /** Metric series: [metric index, subject index, project index (−1 = none), values]. */
  m: Array<[number, number, number, number[]]>;
}

export interface PackedHistory extends Omit<HistoryData, 'runs'> {
  packing: 1;
  strings: string[];
  runs: PackedRun[];
}

const OUTCOME_CODES: Record<CompactTest['outcome'], string> = {
  expected: 'e',
  unexpected: 'u',
  flaky: 'f',
  skipped: 's',
};
const OUTCOMES = Object.fromEntries(Object.entries(OUTCOME_CODES).map(([k, v]) => [v, k])) as Record<
  string,
  CompactTest['outcome']
>;
const STATUS_CODES: Record<string, string> = {
  passed: 'p',
  failed: 'f',
  timedOut: 't',
  skipped: 's',
  interrupted: 'i',
};
const STATUSES = Object.fromEntries(Object.entries(STATUS_CODES).map(([k, v]) => [v, k])) as Record<string, string>;

export function isPacked(doc: unknown): doc is PackedHistory {
  return !!doc && typeof doc === 'object' && (doc as { packing?: unknown }).packing === 1;
}

export function packHistory(data: HistoryData): PackedHistory {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const runs = data.runs.map((run): PackedRun => {
    const { tests, metrics, ...rest } = run;
    const timeouts = tests.map((t) => t.timeoutMs);
    return {
      ...rest,
      ts: tests.map((t) => id(t.subject)),
      tp: tests.map((t) => id(t.project)),
      to: tests.map((t) => OUTCOME_CODES[t.outcome] ?? 'u').join(''),
      ta: tests.map((t) =>
        t.attempts.length === 1 && t.attempts[0][0] === 'passed'
          ? t.attempts[0][1]
          : t.attempts.map(([s, d]) => `${STATUS_CODES[s] ?? 'f'}${d}`).join(' '),
      ),
      tt: timeouts.every((x) => x === timeouts[0]) ? (timeouts[0] ?? 0) : timeouts,
      ...(tests.some((t) => t.repeat) ? { tr: tests.map((t) => t.repeat ?? 0) } : {}),
      m: metrics.map((s) => [id(s.metric), id(s.subject), s.project === undefined ? -1 : id(s.project), s.values]),
    };
  });
  return { ...data, packing: 1, strings, runs };
}

export function unpackHistory(doc: PackedHistory): HistoryData {
  const { strings, packing: _packing, runs, ...rest } = doc;
  return {
    ...rest,
    runs: runs.map((p): CompactRun => {
      const { ts, tp, to, ta, tt, tr, m, ...run } = p;
      const tests: CompactTest[] = new Array(ts.length);
      for (let i = 0; i < ts.length; i++) {
        const a = ta[i];
        tests[i] = {
          subject: strings[ts[i]],
          project: strings[tp[i]],
          outcome: OUTCOMES[to[i]] ?? 'unexpected',
          attempts:
            typeof a === 'number'
              ? [['passed', a]]
              : a
                ? a.split(' ').map((x) => [STATUSES[x[0]] ?? 'failed', Number(x.slice(1))] as [string, number])
                : [],
          timeoutMs: typeof tt === 'number' ? tt : tt[i],
          ...(tr?.[i] ? { repeat: tr[i] } : {}),
        };
      }
      const metrics: MetricSeries[] = m.map(([mi, si, pi, values]) => ({
        metric: strings[mi],
        subject: strings[si],
        ...(pi >= 0 ? { project: strings[pi] } : {}),
        values,
      }));
      return { ...run, tests, metrics };
    }),
  };
}
