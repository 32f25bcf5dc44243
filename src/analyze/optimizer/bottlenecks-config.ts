// Config-level findings: costly trace/video/screenshot modes, retries that hide flakiness or
// repeat deterministic failures, and timeouts far from (or too close to) the observed p99.
import type { Bottleneck, ProjectSnapshot, StepRecord, TestRecord, TestResultRecord } from '../../types';
import type { DetectContext } from './bottlenecks';
import { severityFor, seconds } from './bottlenecks';
import { round } from '../../util/round';
import { percentile } from '../stats/descriptive';
import { TIMEOUT_FAR_FACTOR, TIMEOUT_HEADROOM, TIMEOUT_MIN_SAMPLES, TIMEOUT_TIGHT_SHARE } from './thresholds';

/** Modes that record an artifact for every test, passing or not. */
const RECORDS_ALWAYS: Record<'trace' | 'video' | 'screenshot', string[]> = {
  trace: ['on', 'retain-on-failure', 'retain-on-first-failure'],
  video: ['on', 'retain-on-failure'],
  screenshot: ['on'],
};

export function artifactTarget(kind: 'trace' | 'video' | 'screenshot', mode: string, retries: number): string | null {
  if (!RECORDS_ALWAYS[kind].includes(mode)) return null;
  if (kind === 'screenshot') return 'only-on-failure';
  // With retries, the first retry re-runs the failure with the artifact: nothing is recorded on passing runs.
  if (retries > 0) return 'on-first-retry';
  return mode === 'on' ? 'retain-on-failure' : null;
}

/** Time spent in the context fixture's teardown beyond closing the context: saving traces/videos. */
export function artifactSaveMs(r: TestResultRecord): number {
  const after = r.steps.find((s) => s.category === 'hook' && s.title === 'After Hooks');
  if (!after) return 0;
  let ms = 0;
  const walk = (steps: StepRecord[]) => {
    for (const s of steps) {
      if (s.category === 'fixture' && /^Fixture "context"/.test(s.title)) {
        ms += Math.max(0, s.durationMs - s.steps.reduce((sum, c) => sum + c.durationMs, 0));
      } else if (/screenshot/i.test(s.title) && s.category !== 'fixture') ms += s.durationMs;
      else walk(s.steps);
    }
  };
  walk(after.steps);
  return ms;
}

function testsOf(ctx: DetectContext, project: string): TestRecord[] {
  return ctx.run.tests.filter((t) => t.project === project);
}

export function detectArtifacts(ctx: DetectContext): Bottleneck[] {
  const out: Bottleneck[] = [];
  const { run, model } = ctx;
  for (const kind of ['trace', 'video', 'screenshot'] as const) {
    const projects = run.config.projects.filter((p) => artifactTarget(kind, p.use[kind] ?? 'off', p.retries) !== null);
    if (projects.length === 0) continue;
    const attempts = projects.flatMap((p) =>
      testsOf(ctx, p.name).flatMap((t) => t.results.filter((r) => r.status === 'passed')),
    );
    const saveMs = attempts.map(artifactSaveMs);
    const total = saveMs.reduce((s, v) => s + v, 0);
    const fromHistory = kind === 'trace' ? historyTraceCostMs(ctx) : null;
    const parallel = Math.max(1, Math.min(model.workers, model.units.length));
    const costMs = fromHistory ?? total / parallel;
    out.push({
      id: `artifacts.${kind}`,
      category: 'artifacts',
      severity: severityFor(costMs, run.wallTimeMs),
      title: `${kind} '${projects[0].use[kind]}' records every passing test (${projects.map((p) => p.name || 'default').join(', ')})`,
      evidence: {
        mode: projects.map((p) => p.use[kind]).join(','),
        passingAttemptsRecorded: attempts.length,
        saveMsTotal: round(total),
        saveMsP50: round(
          percentile(
            [...saveMs].sort((a, b) => a - b),
            50,
          ),
        ),
        ...(fromHistory !== null ? { historyCostMs: round(fromHistory) } : {}),
      },
      affectedTests: projects.flatMap((p) => testsOf(ctx, p.name).map((t) => t.id)),
      estimatedCostS: seconds(costMs),
      rootCause: `Recording a ${kind} costs time in every test (and disk); only failures need it.`,
      recommendedActions: projects.map(
        (p) => `${p.name || 'config'}: ${kind} '${p.use[kind]}' → '${artifactTarget(kind, p.use[kind]!, p.retries)}'`,
      ),
    });
  }
  return out;
}

/** Per-run trace cost seen in history: median wall of comparable runs with trace on minus off. */
function historyTraceCostMs(ctx: DetectContext): number | null {
  const h = ctx.history ?? [];
  const same = h.filter(
    (x) => x.workers === ctx.run.config.workers && x.tests === ctx.run.tests.length && x.failed === 0,
  );
  const on = same
    .filter((x) => x.trace === 'on')
    .map((x) => x.wallTimeMs)
    .sort((a, b) => a - b);
  const off = same
    .filter((x) => !x.trace || x.trace === 'off' || x.trace === 'on-first-retry')
    .map((x) => x.wallTimeMs)
    .sort((a, b) => a - b);
  if (on.length < 2 || off.length < 2) return null;
  return Math.max(0, percentile(on, 50) - percentile(off, 50));
}

export function detectRetries(ctx: DetectContext): Bottleneck[] {
  const out: Bottleneck[] = [];
  const flaky = ctx.run.tests.filter((t) => t.outcome === 'flaky');
  const parallel = Math.max(1, Math.min(ctx.model.workers, ctx.model.units.length));
  if (flaky.length) {
    const wasted = flaky.reduce(
      (s, t) => s + t.results.filter((r) => r.status !== 'passed').reduce((a, r) => a + r.durationMs, 0),
      0,
    );
    out.push({
      id: 'retries.flaky',
      category: 'retries',
      severity: flaky.length >= 3 ? 'high' : 'medium',
      title: `${flaky.length} flaky test${flaky.length > 1 ? 's' : ''} passed only after a retry`,
      evidence: { flakyTests: flaky.length, wastedAttemptMs: round(wasted) },
      affectedTests: flaky.map((t) => t.id),
      estimatedCostS: seconds(wasted / parallel),
      rootCause: 'Retries hide flakiness: the suite stays green while each flaky test runs twice.',
      recommendedActions: ['Fix the flaky tests (see the failure of the first attempt); keep retries for CI only.'],
    });
  }
  const repeated = ctx.run.tests.filter((t) => t.outcome === 'unexpected' && t.results.length > 1);
  if (repeated.length) {
    const wasted = repeated.reduce((s, t) => s + t.results.slice(1).reduce((a, r) => a + r.durationMs, 0), 0);
    const retries = Math.max(...ctx.run.config.projects.map((p) => p.retries));
    out.push({
      id: 'retries.deterministic',
      category: 'retries',
      severity: severityFor(wasted / parallel, ctx.run.wallTimeMs),
      title: `${repeated.length} test${repeated.length > 1 ? 's' : ''} failed every attempt: retries only repeated the failure`,
      evidence: { tests: repeated.length, retries, wastedRetryMs: round(wasted), ci: String(ctx.run.meta.ci) },
      affectedTests: repeated.map((t) => t.id),
      estimatedCostS: seconds(wasted / parallel),
      rootCause: 'A deterministic failure fails on every retry; locally, retries only delay the feedback.',
      recommendedActions: ['retries: process.env.CI ? N : 0 — retry in CI, fail fast locally.'],
    });
  }
  return out;
}

export function detectTimeouts(ctx: DetectContext): Bottleneck[] {
  const out: Bottleneck[] = [];
  const byTimeout = new Map<number, ProjectSnapshot[]>();
  for (const p of ctx.run.config.projects) byTimeout.set(p.timeoutMs, [...(byTimeout.get(p.timeoutMs) ?? []), p]);
  for (const [timeoutMs, projects] of byTimeout) {
    if (timeoutMs <= 0) continue;
    const tests = projects.flatMap((p) => testsOf(ctx, p.name));
    const passing = tests
      .flatMap((t) => t.results.filter((r) => r.status === 'passed').map((r) => r.durationMs))
      .sort((a, b) => a - b);
    const timedOut = tests.flatMap((t) => t.results.filter((r) => r.status === 'timedOut').map((r) => ({ t, r })));
    if (passing.length < TIMEOUT_MIN_SAMPLES && timedOut.length === 0) continue;
    const p99 = percentile(passing, 99);
    const proposed = Math.max(1000, Math.ceil((p99 * TIMEOUT_HEADROOM) / 1000) * 1000);
    const evidence = {
      timeoutMs,
      passingP99Ms: round(p99),
      passingSamples: passing.length,
      timedOutAttempts: timedOut.length,
      proposedTimeoutMs: proposed,
    };
    if (passing.length >= TIMEOUT_MIN_SAMPLES && p99 >= TIMEOUT_TIGHT_SHARE * timeoutMs) {
      out.push({
        id: 'timeouts.tight',
        category: 'timeouts',
        severity: 'medium',
        title: `Timeout ${seconds(timeoutMs)} s is close to the observed p99 (${seconds(p99)} s)`,
        evidence,
        affectedTests: tests.map((t) => t.id),
        estimatedCostS: 0,
        rootCause: 'Slow but healthy runs hit the timeout and look like failures (flaky on a loaded CI machine).',
        recommendedActions: [`timeout: ${proposed}`],
      });
    } else if (
      timeoutMs > proposed * TIMEOUT_FAR_FACTOR &&
      (passing.length >= TIMEOUT_MIN_SAMPLES || timedOut.length)
    ) {
      const wasted = timedOut.reduce((s, x) => s + Math.max(0, x.r.durationMs - proposed), 0);
      out.push({
        id: 'timeouts.far',
        category: 'timeouts',
        severity: timedOut.length ? severityFor(wasted, ctx.run.wallTimeMs) : 'low',
        title: `Timeout ${seconds(timeoutMs)} s is ${round(timeoutMs / Math.max(1, p99), 1)}× the observed p99 (${seconds(p99)} s)`,
        evidence: { ...evidence, wastedOnTimeoutsMs: round(wasted) },
        affectedTests: timedOut.length ? timedOut.map((x) => x.t.id) : tests.map((t) => t.id),
        estimatedCostS: seconds(wasted),
        rootCause:
          'A hanging test waits for the full timeout before failing; the observed p99 shows healthy tests need far less.',
        recommendedActions: [`timeout: ${proposed} (p99 × ${TIMEOUT_HEADROOM})`],
      });
    }
  }
  return out;
}
