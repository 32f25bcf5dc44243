// Benchmark: how often the regression gate fails a run where nothing changed (false alarms) and how
// often it catches a page whose server got 10 % slower (detection), over many seeds of a synthetic
// suite whose noise is modelled on a shared 2-core CI machine: a per-run load factor on everything
// the browser and runner do, late timers that add a few ms to a local server's time, and rare
// hiccups (one sample 2–3× slower). Run: `npx tsx bench/gate.ts [seeds]`.
import { detectRegressions } from '../src/analyze/history/regression';
import { evaluateGate } from '../src/analyze/budgets/gate';
import type { CompactRun, HistoryComparison, MetricSeries } from '../src/types';
import { gauss, rng } from '../test/helpers/history-factories';

const SEEDS = Number(process.argv[2] ?? 400);
const BASELINE_RUNS = 10;
/** Server delay per page (ms). Page 2 is the one that gets slower in the detection scenario. */
const PAGES = [40, 80, 120, 200, 300, 150];
const SLOWED_PAGE = 2;
const TESTS = 8;
const SETTINGS = { minChange: 0.05, fdr: 0.05 };

interface Noise {
  r: () => number;
  load: number;
  lateMs: number;
}

function hiccup(r: () => number, p: number): number {
  return r() < p ? 2 + r() : 1;
}
/** Browser/runner time: scales with the run's load, per-sample noise ~8 %, rare hiccups. */
function client(n: Noise, ms: number): number {
  return Math.round(ms * n.load * Math.exp(0.08 * gauss(n.r)) * hiccup(n.r, 0.02) * 10) / 10;
}
/** Server time: the delay, plus the run's late-timer offset and ~1 ms jitter; rare stalls. */
function server(n: Noise, ms: number): number {
  const stall = n.r() < 0.01 ? 50 + 100 * n.r() : 0;
  return Math.round((ms + n.lateMs + Math.abs(gauss(n.r)) + stall) * 10) / 10;
}

/** One run: every page visited `visits` times; `slowdown` multiplies the slowed page's server delay. */
function makeRun(i: number, r: () => number, visits: number, slowdown: number): CompactRun {
  const n: Noise = { r, load: Math.exp(0.12 * gauss(r)), lateMs: Math.abs(gauss(r)) * 2 };
  const metrics: MetricSeries[] = [];
  const add = (metric: string, subject: string, values: number[]) =>
    metrics.push({ metric, subject, project: 'chromium', values });
  PAGES.forEach((delay, p) => {
    const d = delay * (p === SLOWED_PAGE ? slowdown : 1);
    const ttfb = Array.from({ length: visits }, () => server(n, d));
    add('nav.ttfb', `app/p${p}`, ttfb);
    add(
      'vital.TTFB',
      `app/p${p}`,
      ttfb.map((v) => v + 1),
    );
    add(
      'nav.load',
      `app/p${p}`,
      ttfb.map((v) => v + client(n, 40)),
    );
    add(
      'vital.FCP',
      `app/p${p}`,
      ttfb.map((v) => v + client(n, 60)),
    );
  });
  // Position-dependent series: repeat 0 only, so one sample per test whatever the repeat count.
  add(
    'step.duration',
    'Before Hooks',
    Array.from({ length: TESTS }, () => client(n, 250)),
  );
  add(
    'startup.pageCreate',
    'chromium:warm',
    Array.from({ length: TESTS - 1 }, () => client(n, 90)),
  );
  return {
    runId: `r${i}`,
    startTime: 1_700_000_000_000 + i * 60_000,
    wallTimeMs: 20_000,
    status: 'passed',
    interrupted: false,
    machineClass: 'linux-x64-2cpu-8g',
    env: { playwrightVersion: '1.65.1', perfVersion: '0', nodeVersion: 'v20', cpuModel: 'cpu', ci: true, workers: 2 },
    tests: Array.from({ length: TESTS }, (_, t) => ({
      subject: `t${t}`,
      project: 'chromium',
      outcome: 'expected' as const,
      attempts: [['passed', client(n, 800 + 100 * t)]] as Array<[string, number]>,
      timeoutMs: 30_000,
    })),
    metrics,
  };
}

function comparison(baseline: CompactRun[], current: CompactRun): HistoryComparison {
  const d = detectRegressions(baseline, current, SETTINGS);
  return {
    baseline: { kind: 'previous', runIds: baseline.map((r) => r.runId), description: '' },
    caveats: [],
    findings: d.findings,
    summary: d.summary,
  };
}

interface Tally {
  gateFailed: number;
  listed: number;
  caught: number;
  otherFlagged: number;
}

function scenario(visits: number, currentVisits: number, slowdown: number): Tally {
  const t: Tally = { gateFailed: 0, listed: 0, caught: 0, otherFlagged: 0 };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = rng(seed * 7919);
    const baseline = Array.from({ length: BASELINE_RUNS }, (_, i) => makeRun(i, r, visits, 1));
    const current = makeRun(BASELINE_RUNS, r, currentVisits, slowdown);
    const cmp = comparison(baseline, current);
    const gate = evaluateGate({ failOnRegression: true }, [], cmp);
    const regressions = cmp.findings.filter((f) => f.verdict === 'regression');
    const slowedSubject = `app/p${SLOWED_PAGE}`;
    if (gate.failed) t.gateFailed++;
    if (regressions.length) t.listed++;
    if (gate.reasons.some((x) => x.startsWith(`regression: nav.ttfb ${slowedSubject} `))) t.caught++;
    if (
      cmp.findings.some(
        (f) => (f.verdict === 'regression' || f.verdict === 'improvement') && f.subject !== slowedSubject,
      )
    )
      t.otherFlagged++;
  }
  return t;
}

const pct = (n: number) => `${((100 * n) / SEEDS).toFixed(1)} %`;
console.log(
  `bench/gate: ${SEEDS} seeds, ${BASELINE_RUNS} baseline runs, ${PAGES.length} pages, default thresholds (5 %, fdr 0.05)`,
);
for (const visits of [1, 6]) {
  const u = scenario(visits, visits, 1);
  console.log(
    `unchanged, ${visits} visit(s) per page per run: gate failed ${pct(u.gateFailed)}; any regression listed ${pct(u.listed)}; any series flagged ${pct(u.otherFlagged)}`,
  );
}
for (const [visits, current] of [
  [1, 5],
  [6, 30],
]) {
  const d = scenario(visits, current, 1.1);
  console.log(
    `page p${SLOWED_PAGE} +10 %, ${visits} visit(s)/run in the baseline, ${current} in the current run (--repeat-each=5): ` +
      `gate caught it ${pct(d.caught)}; gate failed ${pct(d.gateFailed)}; another series flagged ${pct(d.otherFlagged)}`,
  );
}
