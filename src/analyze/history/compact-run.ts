// Turns a full run record into the compact form kept in history: per-test outcomes and attempt
// durations, plus one sample series per metric key. Step trees, errors and attachments are dropped.
// Pure: a function of the run record only.
import type { CompactRun, CompactTest, MetricSeries, RunRecord, TestRecord, TestResultRecord } from '../../types';
import { round } from '../../util/round';

/** Metric names (the `metric` half of a MetricKey). Durations in ms, CLS unitless, scores 0..100. */
export const METRIC = {
  testDuration: 'test.duration',
  stepDuration: 'step.duration',
  navTtfb: 'nav.ttfb',
  navLoad: 'nav.load',
  routeDuration: 'route.duration',
  routeInp: 'route.inp',
  locatorResolve: 'locator.resolve',
  flowDuration: 'flow.duration',
} as const;
export const VITAL_PREFIX = 'vital.';
export const STARTUP_PREFIX = 'startup.';
export const LIGHTHOUSE_PREFIX = 'lighthouse.';

/** Top-level step categories whose titles are stable enough to track across runs. `pw:api` and
 *  `expect` titles are generic ("Click", "Navigate") and already counted inside the test duration. */
const TRACKED_STEP_CATEGORIES = new Set(['test.step', 'hook', 'fixture']);

/** Series whose samples depend on where a test ran in its worker, not only on what it measured:
 *  the first test of a worker carries the worker fixtures (browser launch) in its duration and its
 *  hooks, and startup phases are "cold" or "warm" by position. `--repeat-each=5` puts 4 of 5 copies
 *  of every test at later positions, so their pooled samples are a different population than an
 *  unrepeated run's. Only repeat 0 contributes to these (the same positions as a run without
 *  repeats); per-visit series (navigations, vitals, locators, flows, Lighthouse) take every repeat. */
export function isPositionDependent(metric: string): boolean {
  return metric === METRIC.testDuration || metric === METRIC.stepDuration || metric.startsWith(STARTUP_PREFIX);
}

/** Larger is better only for Lighthouse category scores; everything else is a duration or CLS. */
export function higherIsBetter(metric: string): boolean {
  return metric.startsWith(LIGHTHOUSE_PREFIX);
}

/** `file › describe › title`: stable across runs and readable in globs. */
export function testSubject(t: Pick<TestRecord, 'file' | 'titlePath' | 'title'>): string {
  const path = t.titlePath.length ? t.titlePath : [t.title];
  return [t.file, ...path].join(' › ');
}

/** URL subject: host + path. Scheme, port, query and hash are dropped so runs against a dev server on
 *  a random port (or with cache-busting queries) still share one series. */
export function urlSubject(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0];
  }
}

/** Route subject: host + route pattern ('/documents/:id', '/app#/reports/:id'), so every document
 *  id shares one series and a dev server's random port does not split it. */
export function routeSubject(url: string, route: string): string {
  try {
    return `${new URL(url).hostname}${route}`;
  } catch {
    return route;
  }
}

/** `platform-arch-<cpus>cpu-<GiB>g`: the comparability key for timing data. */
export function machineClass(run: RunRecord): string {
  const m = run.meta.machine;
  const gib = Math.round((m.memoryBytes ?? 0) / 2 ** 30);
  return `${run.meta.os.platform}-${run.meta.os.arch}-${m.cpus}cpu-${gib}g`;
}

class SeriesBag {
  private readonly map = new Map<string, MetricSeries>();
  add(metric: string, subject: string, project: string, value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    const key = `${metric}\u0000${project}\u0000${subject}`;
    let s = this.map.get(key);
    if (!s) {
      s = { metric, subject, project, values: [] };
      this.map.set(key, s);
    }
    s.values.push(round(value, 3));
  }
  list(): MetricSeries[] {
    return [...this.map.values()];
  }
}

function addPerfSamples(bag: SeriesBag, project: string, r: TestResultRecord, firstRepeat: boolean): void {
  const p = r.perf;
  if (!p) return;
  for (const n of p.navigations ?? []) {
    bag.add(METRIC.navTtfb, urlSubject(n.url), project, n.ttfbMs);
    // durationMs is 0 when the load event never finished: not a sample.
    if (n.durationMs > 0) bag.add(METRIC.navLoad, urlSubject(n.url), project, n.durationMs);
  }
  for (const rc of p.routes ?? []) {
    // A change cut short (next route, test end) did not reach its view: not a sample.
    if (!rc.complete) continue;
    bag.add(METRIC.routeDuration, routeSubject(rc.url, rc.route), project, rc.durationMs);
    if (typeof rc.inpMs === 'number') bag.add(METRIC.routeInp, routeSubject(rc.url, rc.route), project, rc.inpMs);
  }
  for (const v of p.vitals ?? []) bag.add(VITAL_PREFIX + v.name, urlSubject(v.url), project, v.value);
  for (const l of p.locators ?? []) if (l.ok) bag.add(METRIC.locatorResolve, l.selector, project, l.resolveMs);
  for (const f of p.flows ?? []) {
    if (!f.ok) continue;
    bag.add(METRIC.flowDuration, f.direction ? `${f.name} (${f.direction})` : f.name, project, f.durationMs);
  }
  for (const s of firstRepeat ? (p.startup ?? []) : []) {
    bag.add(STARTUP_PREFIX + s.phase, `${s.browserName}:${s.temperature}`, project, s.durationMs);
  }
  for (const lh of p.lighthouse ?? []) {
    for (const [cat, score] of Object.entries(lh.scores ?? {})) {
      if (typeof score === 'number') bag.add(LIGHTHOUSE_PREFIX + cat, urlSubject(lh.url), project, score);
    }
  }
}

export function compactTest(t: TestRecord): CompactTest {
  return {
    subject: testSubject(t),
    project: t.project,
    outcome: t.outcome,
    attempts: t.results.map((r) => [r.status, Math.round(r.durationMs)] as [string, number]),
    timeoutMs: t.timeoutMs,
    ...(t.repeatEachIndex ? { repeat: t.repeatEachIndex } : {}),
  };
}

/** `allRepeats`: keep position-dependent samples of every repeat too (budgets judge each sample;
 *  the comparison with history must not — see isPositionDependent). */
export function compactRun(run: RunRecord, opts: { allRepeats?: boolean } = {}): CompactRun {
  const bag = new SeriesBag();
  for (const t of run.tests) {
    for (const r of t.results) {
      // Failed attempts stop early or run into a timeout: their timings describe the failure, not the app.
      if (r.status !== 'passed') continue;
      const firstRepeat = !t.repeatEachIndex || opts.allRepeats === true;
      for (const s of firstRepeat ? r.steps : []) {
        if (TRACKED_STEP_CATEGORIES.has(s.category)) bag.add(METRIC.stepDuration, s.title, t.project, s.durationMs);
      }
      addPerfSamples(bag, t.project, r, firstRepeat);
    }
  }
  const git = run.meta.git;
  return {
    runId: run.runId,
    startTime: run.startTime,
    wallTimeMs: run.wallTimeMs,
    status: run.status,
    interrupted: run.interrupted,
    ...(git?.branch ? { branch: git.branch } : {}),
    ...(git?.commit ? { commit: git.commit } : {}),
    machineClass: machineClass(run),
    ...(run.meta.shard ? { shard: `${run.meta.shard.current}/${run.meta.shard.total}` } : {}),
    env: {
      playwrightVersion: run.meta.playwrightVersion,
      perfVersion: run.meta.perfVersion,
      nodeVersion: run.meta.nodeVersion,
      cpuModel: run.meta.machine.cpuModel,
      ci: run.meta.ci,
      workers: run.config.workers,
    },
    ...(run.meta.labels ? { labels: run.meta.labels } : {}),
    tests: run.tests.map(compactTest),
    metrics: bag.list(),
  };
}

/** A run recorded before repeats were marked (no `repeat` on any test) whose tests repeat: its
 *  position-dependent series pool every repeat and cannot be separated after the fact. */
export function hasUnmarkedRepeats(run: CompactRun): boolean {
  if (run.tests.some((t) => t.repeat)) return false;
  const seen = new Set<string>();
  for (const t of run.tests) {
    const k = `${t.project}\u0000${t.subject}`;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/** Every series of a compact run, test.duration included (passed attempts of repeat 0 only; see
 *  isPositionDependent). A legacy repeated run (hasUnmarkedRepeats) gives test.duration from each
 *  test's first entry and none of its step/startup series. */
export function runSeries(run: CompactRun, opts: { allRepeats?: boolean } = {}): MetricSeries[] {
  const out: MetricSeries[] = [];
  const legacyRepeats = !opts.allRepeats && hasUnmarkedRepeats(run);
  const seen = new Set<string>();
  for (const t of run.tests) {
    if (t.repeat && !opts.allRepeats) continue;
    const k = `${t.project}\u0000${t.subject}`;
    if (legacyRepeats && seen.has(k)) continue;
    seen.add(k);
    const values = t.attempts.filter((a) => a[0] === 'passed').map((a) => a[1]);
    if (values.length) out.push({ metric: METRIC.testDuration, subject: t.subject, project: t.project, values });
  }
  for (const m of run.metrics) if (!legacyRepeats || !isPositionDependent(m.metric)) out.push(m);
  return out;
}

export function seriesKey(k: { metric: string; subject: string; project?: string }): string {
  return `${k.metric}\u0000${k.project ?? ''}\u0000${k.subject}`;
}
