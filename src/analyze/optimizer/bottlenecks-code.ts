// Findings that mostly need code changes: browsers/contexts created per test, repeated login flows
// (a storageState setup project removes them), slow or language-dependent locators, slow webServer.
import type { Bottleneck, StepRecord, TestRecord } from '../../types';
import type { DetectContext } from './bottlenecks';
import { severityFor, seconds } from './bottlenecks';
import { round } from '../../util/round';
import { percentile } from '../stats/descriptive';
import { AUTH_MIN_TESTS, CONTEXT_SLOW_MS, LOCATOR_SLOW_MS, WEB_SERVER_SLOW_MS } from './thresholds';

const LOGIN_URL = /(log-?in|sign-?in|auth|sso)\b/i;
const LOGIN_NAME = /(log-?in|sign-?in|auth)/i;
const FORM_ACTIONS = /^(Fill|Click|Press|Type|Check|Select)/;
/** Letters outside ASCII (Hebrew, Arabic, accented…) in a text selector tie it to one UI language. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000
const NON_ASCII_TEXT = /[^\x00-\x7f]/;

const parallelOf = (ctx: DetectContext) => Math.max(1, Math.min(ctx.model.workers, ctx.model.units.length));
const sorted = (v: number[]) => [...v].sort((a, b) => a - b);

function walkSteps(
  steps: StepRecord[],
  fn: (s: StepRecord, parent: StepRecord | null) => void,
  parent: StepRecord | null = null,
): void {
  for (const s of steps) {
    fn(s, parent);
    walkSteps(s.steps, fn, s);
  }
}

export function detectStartup(ctx: DetectContext): Bottleneck[] {
  const out: Bottleneck[] = [];
  const perTest: Array<{ t: TestRecord; ms: number }> = [];
  const contextMs: number[] = [];
  for (const t of ctx.run.tests)
    for (const r of t.results) {
      // A launch outside the worker-scoped "browser" fixture = the test launches its own browser.
      walkSteps(r.steps, (s, parent) => {
        if (
          s.category === 'pw:api' &&
          /^Launch browser/.test(s.title) &&
          !(parent && /^Fixture "browser"/.test(parent.title))
        )
          perTest.push({ t, ms: s.durationMs });
        if (s.category === 'pw:api' && /^Create context/.test(s.title)) contextMs.push(s.durationMs);
      });
      for (const m of r.perf?.startup ?? []) {
        if (m.phase === 'browserLaunch' && m.temperature === 'warm') perTest.push({ t, ms: m.durationMs });
      }
    }
  if (perTest.length) {
    const total = perTest.reduce((s, x) => s + x.ms, 0);
    const cost = total / parallelOf(ctx);
    out.push({
      id: 'browser.per-test-launch',
      category: 'browser',
      severity: severityFor(cost, ctx.run.wallTimeMs),
      title: `${perTest.length} browser launch${perTest.length > 1 ? 'es' : ''} inside tests (${seconds(total)} s)`,
      evidence: {
        launches: perTest.length,
        totalMs: round(total),
        p50Ms: round(percentile(sorted(perTest.map((x) => x.ms)), 50)),
        workerLaunchP50Ms: round(ctx.model.launchMs),
      },
      affectedTests: [...new Set(perTest.map((x) => x.t.id))],
      estimatedCostS: seconds(cost),
      rootCause:
        'Tests launch their own browser instead of using the worker-scoped `browser` fixture, paying the launch each time.',
      recommendedActions: [
        'Use the built-in `page`/`context` fixtures (or `browser.newContext()`) instead of `chromium.launch()` in tests.',
      ],
    });
  }
  const ctxP50 = percentile(sorted(contextMs), 50);
  if (contextMs.length >= 3 && ctxP50 > CONTEXT_SLOW_MS) {
    const total = contextMs.reduce((s, v) => s + v, 0);
    out.push({
      id: 'browser.slow-context',
      category: 'browser',
      severity: severityFor(total / parallelOf(ctx), ctx.run.wallTimeMs),
      title: `Creating a browser context takes ${round(ctxP50)} ms (p50)`,
      evidence: { contexts: contextMs.length, p50Ms: round(ctxP50), totalMs: round(total) },
      affectedTests: [],
      estimatedCostS: seconds(total / parallelOf(ctx)),
      rootCause: 'Large storageState files, many init scripts or routes, or a loaded machine make every context slow.',
      recommendedActions: ['Trim storageState and context options; check CPU load during the run.'],
    });
  }
  return out;
}

/** Login work per test: auth flows when measured, else navigations to a login URL plus the form steps after them. */
function loginCosts(t: TestRecord): number[] {
  const costs: number[] = [];
  for (const r of t.results) {
    const flows = (r.perf?.flows ?? []).filter((f) => f.preset === 'auth' || LOGIN_NAME.test(f.name));
    if (flows.length) {
      costs.push(...flows.map((f) => f.durationMs));
      continue;
    }
    const stepped = r.steps.filter((s) => s.category === 'test.step' && LOGIN_NAME.test(s.title));
    if (stepped.length) {
      costs.push(...stepped.map((s) => s.durationMs));
      continue;
    }
    for (let i = 0; i < r.steps.length; i++) {
      const s = r.steps[i];
      if (!(s.category === 'pw:api' && /^Navigate/.test(s.title) && LOGIN_URL.test(s.params?.url ?? ''))) continue;
      let ms = s.durationMs;
      for (
        let j = i + 1;
        j < r.steps.length && r.steps[j].category === 'pw:api' && FORM_ACTIONS.test(r.steps[j].title);
        j++
      )
        ms += r.steps[j].durationMs;
      costs.push(ms);
    }
  }
  return costs;
}

export function detectAuthFlows(ctx: DetectContext): Bottleneck[] {
  const withLogin = ctx.run.tests.map((t) => ({ t, costs: loginCosts(t) })).filter((x) => x.costs.length);
  if (withLogin.length < AUTH_MIN_TESTS) return [];
  const usesStorage = ctx.run.config.projects.some((p) => p.use.storageState);
  const all = withLogin.flatMap((x) => x.costs);
  const total = all.reduce((s, v) => s + v, 0);
  // A setup project logs in once per run; everything else is repeated work.
  const saving = Math.max(0, total - percentile(sorted(all), 50)) / parallelOf(ctx);
  return [
    {
      id: 'flow.repeated-login',
      category: 'flow',
      severity: severityFor(saving, ctx.run.wallTimeMs),
      title: `${withLogin.length} tests log in through the UI (${seconds(total)} s of login work)`,
      evidence: {
        tests: withLogin.length,
        logins: all.length,
        totalMs: round(total),
        p50Ms: round(percentile(sorted(all), 50)),
        storageStateUsed: String(usesStorage),
      },
      affectedTests: withLogin.map((x) => x.t.id),
      estimatedCostS: seconds(saving),
      rootCause: 'Every test repeats the same login; the session could be saved once and reused.',
      recommendedActions: [
        'Add a setup project that logs in once and saves `storageState`; make the other projects depend on it and use that file.',
      ],
    },
  ];
}

export function detectLocators(ctx: DetectContext): Bottleneck[] {
  const per = new Map<string, { waits: number[]; tests: Set<string>; kind: string }>();
  for (const t of ctx.run.tests)
    for (const r of t.results) {
      const timings = r.perf?.locators;
      if (timings?.length) {
        for (const l of timings) {
          const e = per.get(l.selector) ?? { waits: [], tests: new Set<string>(), kind: l.kind };
          e.waits.push(l.resolveMs + l.actionabilityMs);
          e.tests.add(t.id);
          per.set(l.selector, e);
        }
        continue;
      }
      walkSteps(r.steps, (s) => {
        const sel = s.params?.locator ?? s.params?.selector;
        if (s.category !== 'pw:api' || !sel || !FORM_ACTIONS.test(s.title)) return;
        const e = per.get(sel) ?? {
          waits: [],
          tests: new Set<string>(),
          kind: /getByText|text=|hasText/.test(sel) ? 'text' : 'other',
        };
        e.waits.push(s.durationMs);
        e.tests.add(t.id);
        per.set(sel, e);
      });
    }
  const slow = [...per.entries()]
    .map(([selector, e]) => ({
      selector,
      ...e,
      p95: percentile(sorted(e.waits), 95),
      total: e.waits.reduce((s, v) => s + v, 0),
    }))
    .filter((x) => x.p95 > LOCATOR_SLOW_MS);
  const language = [...per.entries()].filter(
    ([sel, e]) => (e.kind === 'text' || /getByText|hasText|name:/.test(sel)) && NON_ASCII_TEXT.test(sel),
  );
  const out: Bottleneck[] = [];
  if (slow.length) {
    const cost = slow.reduce((s, x) => s + x.total, 0) / parallelOf(ctx);
    out.push({
      id: 'locator.slow',
      category: 'locator',
      severity: severityFor(cost, ctx.run.wallTimeMs),
      title: `${slow.length} locator${slow.length > 1 ? 's' : ''} wait over ${LOCATOR_SLOW_MS} ms (p95) before acting`,
      evidence: Object.fromEntries(slow.slice(0, 5).map((x) => [x.selector.slice(0, 80), round(x.p95)])),
      affectedTests: [...new Set(slow.flatMap((x) => [...x.tests]))],
      estimatedCostS: seconds(cost),
      rootCause:
        'The element appears late or is not actionable (animations, overlays, late data); Playwright waits for it.',
      recommendedActions: slow
        .slice(0, 5)
        .map(
          (x) =>
            `${x.selector}: wait for the data it needs (e.g. a response) or use a stable getByTestId/getByRole locator`,
        ),
    });
  }
  if (language.length) {
    out.push({
      id: 'locator.language-dependent',
      category: 'locator',
      severity: 'low',
      title: `${language.length} locator${language.length > 1 ? 's' : ''} match on UI text in one language`,
      evidence: Object.fromEntries(language.slice(0, 5).map(([sel, e]) => [sel.slice(0, 80), e.waits.length])),
      affectedTests: [...new Set(language.flatMap(([, e]) => [...e.tests]))],
      estimatedCostS: 0,
      rootCause: 'Text locators break or slow down when the UI language changes (Hebrew ↔ English).',
      recommendedActions: language
        .slice(0, 5)
        .map(([sel]) => `${sel}: prefer getByTestId or getByRole with a stable name`),
    });
  }
  return out;
}

export function detectWebServer(ctx: DetectContext): Bottleneck[] {
  const ws = ctx.run.config.webServer;
  if (!ws || ws.reuseExistingServer === true || ctx.model.preMs < WEB_SERVER_SLOW_MS) return [];
  return [
    {
      id: 'web-server.slow-start',
      category: 'web-server',
      severity: severityFor(ctx.model.preMs, ctx.run.wallTimeMs),
      title: `${seconds(ctx.model.preMs)} s pass before the first test starts (webServer: ${ws.command ?? ws.url ?? 'configured'})`,
      evidence: {
        beforeFirstTestMs: round(ctx.model.preMs),
        reuseExistingServer: String(ws.reuseExistingServer ?? false),
        ci: String(ctx.run.meta.ci),
      },
      affectedTests: [],
      estimatedCostS: seconds(ctx.model.preMs),
      rootCause: 'The web server is built and started on every run; locally an already running server could be reused.',
      recommendedActions: ['webServer.reuseExistingServer: !process.env.CI'],
    },
  ];
}
