// Factory for big, complete, deterministic JsonReports: every section the HTML report can show
// (vitals, navigation, locators, flows incl. Hebrew rendering and language switch per direction,
// startup, history trends + regressions, budgets, quality, recommendations with a config diff,
// Lighthouse, system samples). `payload` is spliced into every untrusted text field (XSS tests).
import type {
  JsonReport,
  RunRecord,
  TestRecord,
  StepRecord,
  TestPerfData,
  FlowResult,
  Distribution,
  Rating,
  VitalName,
  RegressionFinding,
  HistoryComparison,
  Recommendation,
  LighthouseResult,
  SystemSample,
} from '../../src/types';
import { analyzeRun } from '../../src/analyze/run';
import { distribution } from '../../src/analyze/stats/descriptive';
import { testSubject } from '../../src/analyze/history/compact-run';
import { rng } from './random';

export interface SyntheticOptions {
  tests?: number;
  workers?: number;
  seed?: number;
  /** Runs of history behind the trends (0 = no history section). */
  historyRuns?: number;
  /** Text appended to titles, errors, URLs, annotations, params, attachment names… */
  payload?: string;
  /** Start time of the run (epoch ms); fixed so goldens are stable. */
  startTime?: number;
}

const HEBREW_TITLES = ['התחברות למערכת', 'חתימה על מסמך', 'החלפת שפה לאנגלית', 'העלאת קובץ PDF', 'תשלום בכרטיס אשראי'];
const EN_TITLES = [
  'logs in',
  'signs a document',
  'uploads a file',
  'pays by card',
  'searches contacts',
  'opens the dashboard',
  'edits the profile',
  'exports a report',
];
const URLS = [
  'http://localhost:3000/login',
  'http://localhost:3000/dashboard',
  'http://localhost:3000/documents',
  'http://localhost:3000/sign',
  'http://localhost:3000/he/home',
];
const SELECTORS = [
  "getByRole('button', { name: 'Sign in' })",
  "getByTestId('upload')",
  "locator('div.form > ul li:nth-child(3) span')",
  "getByText('התחבר')",
  'locator(\'//div[@id="x"]\')',
];
const VITAL_THRESHOLDS: Record<VitalName, [number, number]> = {
  LCP: [2500, 4000],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
  INP: [200, 500],
  CLS: [0.1, 0.25],
};

function rate(name: VitalName, v: number): Rating {
  const [good, poor] = VITAL_THRESHOLDS[name];
  return v <= good ? 'good' : v <= poor ? 'needs-improvement' : 'poor';
}

export function syntheticRun(opts: SyntheticOptions = {}): RunRecord {
  const n = opts.tests ?? 40,
    workers = opts.workers ?? 4,
    rand = rng(opts.seed ?? 1),
    p = opts.payload ?? '';
  const t0 = opts.startTime ?? Date.UTC(2026, 10, 22, 12, 0, 0);
  const laneClock = Array.from({ length: workers }, () => t0 + 300);
  const tests: TestRecord[] = [];
  for (let i = 0; i < n; i++) {
    const hebrew = i % 7 === 3;
    const title = (hebrew ? HEBREW_TITLES[i % HEBREW_TITLES.length] : EN_TITLES[i % EN_TITLES.length]) + ` #${i}` + p;
    const outcomeRoll = rand();
    const outcome: TestRecord['outcome'] =
      outcomeRoll < 0.04 ? 'unexpected' : outcomeRoll < 0.08 ? 'flaky' : outcomeRoll < 0.1 ? 'skipped' : 'expected';
    const tries = outcome === 'flaky' ? 2 : outcome === 'unexpected' ? 2 : 1;
    const file = `tests/area-${i % 25}${hebrew ? '-he' : ''}.spec.ts`;
    const results = [];
    for (let r = 0; r < tries; r++) {
      const lane = laneClock.indexOf(Math.min(...laneClock));
      const gap = rand() < 0.03 ? 400 + rand() * 1500 : 5 + rand() * 25;
      const start = Math.round(laneClock[lane] + gap);
      const skipped = outcome === 'skipped';
      const dur = skipped ? 0 : Math.round(200 + rand() * rand() * 6000 + (i % 50 === 0 ? 8000 : 0));
      laneClock[lane] = start + dur;
      const failedTry = outcome === 'unexpected' || (outcome === 'flaky' && r === 0);
      results.push({
        retry: r,
        status: (skipped
          ? 'skipped'
          : failedTry
            ? i % 3
              ? 'failed'
              : 'timedOut'
            : 'passed') as TestRecord['expectedStatus'],
        workerIndex: lane + (r ? workers : 0),
        parallelIndex: lane,
        startTime: start,
        durationMs: dur,
        errors: failedTry
          ? [
              {
                message: `Error: expect(locator).toBeVisible() failed${p}\nLocator: getByText('שלום')`,
                location: `${file}:${10 + i}:5`,
              },
            ]
          : [],
        steps: skipped ? [] : steps(start, dur, rand, i, p),
        attachments: [
          { name: `screenshot${p}`, contentType: 'image/png', path: `test-results/x-${i}/shot.png`, bytes: 20_000 + i },
        ],
        perf: skipped ? undefined : perfData(start, dur, rand, i, lane, r, p, hebrew),
      });
    }
    tests.push({
      id: `t${i.toString(16).padStart(6, '0')}`,
      file,
      line: 10 + i,
      column: 5,
      titlePath: [`area ${i % 25}${p}`, title],
      title,
      project: i % 10 === 9 ? 'mobile' : 'chromium',
      expectedStatus: outcome === 'skipped' ? 'skipped' : 'passed',
      outcome,
      timeoutMs: 30_000,
      annotations: i % 11 === 0 ? [{ type: `issue${p}`, description: `https://example.com/${i}${p}` }] : [],
      tags: i % 5 === 0 ? ['@smoke'] : [],
      results,
    });
  }
  const end = Math.max(...laneClock) + 200;
  const system: SystemSample[] = [];
  for (let t = t0; t <= end; t += 1000)
    system.push({
      time: t,
      cpu: Math.min(1, 0.35 + rand() * 0.6),
      memUsedBytes: Math.round((3 + rand() * 2) * 2 ** 30),
      memTotalBytes: 8 * 2 ** 30,
      load1: 1 + rand() * 2,
      chromiumProcesses: workers * 5,
    });
  return {
    kind: 'playwright-perf-run',
    schemaVersion: 1,
    runId: `run-${opts.seed ?? 1}`,
    startedAt: new Date(t0).toISOString(),
    startTime: t0,
    wallTimeMs: end - t0,
    status: tests.some((t) => t.outcome === 'unexpected') ? 'failed' : 'passed',
    interrupted: false,
    meta: {
      perfVersion: '0.1.0',
      playwrightVersion: '1.65.1',
      nodeVersion: 'v20.20.0',
      os: { platform: 'linux', release: '6.1', arch: 'x64' },
      machine: { cpus: 2, cpuModel: 'Synthetic CPU', memoryBytes: 8 * 2 ** 30 },
      ci: false,
      git: { branch: `main${p}`, commit: '0123456789abcdef' },
      labels: { env: `staging${p}` },
    },
    config: {
      workers,
      fullyParallel: true,
      globalTimeoutMs: 0,
      maxFailures: 0,
      projects: [
        {
          name: 'chromium',
          retries: 1,
          timeoutMs: 30_000,
          repeatEach: 1,
          dependencies: [],
          use: { trace: 'on', video: 'off' },
        },
      ],
    },
    tests,
    system,
    errors: [{ where: 'collector.webVitals', message: `INP not reported${p}`, time: t0 + 10, severity: 'warning' }],
  };
}

function step(
  title: string,
  category: string,
  start: number,
  dur: number,
  children: StepRecord[] = [],
  params?: Record<string, string>,
): StepRecord {
  return {
    title,
    category,
    startTime: Math.round(start),
    durationMs: Math.round(dur),
    steps: children,
    ...(params ? { params } : {}),
  };
}

function steps(start: number, dur: number, rand: () => number, i: number, p: string): StepRecord[] {
  const before = Math.round(dur * 0.15),
    after = Math.round(dur * 0.05),
    body = dur - before - after;
  const launch = Math.round(before * 0.6);
  const b = start + before;
  const out = [
    step('Before Hooks', 'hook', start, before, [
      step('Fixture "browser"', 'fixture', start, launch, [step('Launch browser', 'pw:api', start + 1, launch - 2)]),
      step('Fixture "page"', 'fixture', start + launch, before - launch - 5),
    ]),
    step('Navigate to "/login"', 'pw:api', b, body * 0.25, [], { url: URLS[i % URLS.length] + p }),
    step(`sign in${p}`, 'test.step', b + body * 0.26, body * 0.3, [
      step('Fill "user"', 'pw:api', b + body * 0.27, body * 0.05, [], {
        selector: `getByLabel('User${p}')`,
        value: `alice${p}`,
      }),
      step('Click', 'pw:api', b + body * 0.33, body * 0.2, [], { selector: SELECTORS[i % SELECTORS.length] + p }),
    ]),
    step('Wait for timeout', 'pw:api', b + body * 0.6, body * 0.1 * rand(), [], { timeout: '100' }),
    step('Expect "toBeVisible"', 'expect', b + body * 0.75, body * 0.2, [], { selector: `getByText('Welcome${p}')` }),
  ];
  if (i % 40 === 0) {
    // a deep, long tree now and then
    const loop: StepRecord[] = [];
    for (let k = 0; k < 30; k++)
      loop.push(
        step(`row ${k}${p}`, 'test.step', b + body * 0.6, 3, [
          step('Click', 'pw:api', b + body * 0.6, 2, [], { selector: `tr:nth-child(${k})` }),
        ]),
      );
    out.push(step('table walk', 'test.step', b + body * 0.6, body * 0.1, loop));
  }
  out.push(
    step('After Hooks', 'hook', start + dur - after, after, [
      step('Fixture "page"', 'fixture', start + dur - after, after / 2),
    ]),
  );
  return out;
}

function perfData(
  start: number,
  dur: number,
  rand: () => number,
  i: number,
  lane: number,
  retry: number,
  p: string,
  hebrew: boolean,
): TestPerfData {
  const url = URLS[i % URLS.length] + p;
  const vitals = (['LCP', 'FCP', 'TTFB', 'CLS', 'INP'] as VitalName[]).map((name) => {
    const base = { LCP: 1800, FCP: 900, TTFB: 300, CLS: 0.05, INP: 120 }[name];
    const value =
      name === 'CLS' ? Math.round(base * (0.5 + rand() * 4) * 1000) / 1000 : Math.round(base * (0.5 + rand() * 2.2));
    return {
      name,
      value,
      rating: rate(name, value),
      url,
      step: name === 'INP' ? `Click${p}` : 'Navigate to "/login"',
      attribution: name === 'LCP' ? `img.hero${p}` : undefined,
      time: start + 100,
    };
  });
  const flows: FlowResult[] = [];
  if (hebrew || i % 9 === 0) {
    flows.push({
      name: 'Hebrew rendering',
      parents: [],
      preset: 'hebrewRendering',
      direction: 'rtl',
      startTime: start + 50,
      durationMs: Math.round(80 + rand() * 400),
      ok: i % 13 !== 0,
      details: { fontLoadMs: Math.round(50 + rand() * 200), missingGlyphs: i % 13 === 0 ? 3 : 0 },
      ...(i % 13 === 0
        ? {
            findings: [
              {
                kind: 'missing-glyphs',
                message: `3 glyphs fell back to a default font in "כותרת"${p}`,
                selector: 'h1',
              },
            ],
            error: `glyphs missing${p}`,
          }
        : {}),
    });
    const dir = i % 2 ? 'he→en' : 'en→he';
    flows.push({
      name: 'language switch',
      parents: [],
      preset: 'languageSwitch',
      direction: dir,
      startTime: start + 600,
      durationMs: Math.round((dir === 'en→he' ? 700 : 450) + rand() * 500),
      ok: true,
      details: { cls: Math.round(rand() * 100) / 1000 },
    });
  }
  flows.push({
    name: `login${p}`,
    parents: [],
    preset: 'auth',
    startTime: start + 200,
    durationMs: Math.round(dur * 0.3),
    ok: true,
  });
  return {
    startup:
      retry === 0 && i < 16
        ? [
            {
              phase: 'browserLaunch',
              durationMs: Math.round(300 + rand() * 700),
              temperature: 'cold',
              workerIndex: lane,
              browserName: 'chromium',
              startTime: start,
            },
            {
              phase: 'contextCreate',
              durationMs: Math.round(20 + rand() * 60),
              temperature: 'cold',
              workerIndex: lane,
              browserName: 'chromium',
              startTime: start + 500,
            },
            {
              phase: 'pageCreate',
              durationMs: Math.round(30 + rand() * 90),
              temperature: 'cold',
              workerIndex: lane,
              browserName: 'chromium',
              startTime: start + 560,
            },
          ]
        : [
            {
              phase: 'contextCreate',
              durationMs: Math.round(10 + rand() * 30),
              temperature: 'warm',
              workerIndex: lane,
              browserName: 'chromium',
              startTime: start,
            },
          ],
    navigations: [
      {
        url,
        type: 'navigate',
        step: 'Navigate to "/login"',
        startTime: start + 100,
        redirectMs: 0,
        dnsMs: 0,
        connectMs: 1,
        tlsMs: 0,
        ttfbMs: Math.round(20 + rand() * 400),
        responseMs: 5,
        domInteractiveMs: 200,
        domContentLoadedMs: Math.round(300 + rand() * 600),
        loadMs: Math.round(500 + rand() * 900),
        durationMs: 900,
        transferBytes: Math.round(50_000 + rand() * 500_000),
        encodedBodyBytes: 40_000,
        decodedBodyBytes: 120_000,
        resources: { count: 12, transferBytes: 400_000, byType: {} },
        httpStatus: 200,
      },
    ],
    vitals,
    locators: [0, 1].map((k) => {
      const resolve = Math.round(rand() * 300),
        act = Math.round(rand() * rand() * 1500),
        action = Math.round(10 + rand() * 80);
      return {
        selector: SELECTORS[(i + k) % SELECTORS.length] + p,
        action: k ? 'fill' : 'click',
        step: `sign in${p}`,
        startTime: start + 300,
        totalMs: resolve + act + action,
        resolveMs: resolve,
        actionabilityMs: act,
        actionMs: action,
        retries: act > 1000 ? 2 : 0,
        kind: ['role', 'testid', 'css', 'text', 'xpath'][(i + k) % 5],
        ok: true,
      };
    }),
    flows,
    lighthouse: i === 0 && retry === 0 ? [lighthouseResult(start, p)] : undefined,
    missing: i % 17 === 0 ? [{ metric: 'INP', reason: `no interaction${p}`, url }] : [],
  };
}

function lighthouseResult(start: number, p: string): LighthouseResult {
  return {
    url: URLS[1] + p,
    mode: 'navigation',
    formFactor: 'desktop',
    lighthouseVersion: '12.8.2',
    scores: { performance: 87, accessibility: 96, 'best-practices': 100, seo: 82 },
    metrics: { lcpMs: 1850, tbtMs: 120, cls: 0.02, siMs: 1400, fcpMs: 900 },
    failingAudits: [
      {
        id: 'render-blocking-resources',
        title: `Eliminate render-blocking resources${p}`,
        score: 0.4,
        displayValue: 'Potential savings of 300 ms',
      },
    ],
    durationMs: 9800,
    startTime: start,
    thresholds: [{ key: 'performance', limit: 80, actual: 87, ok: true }],
    runs: 3,
    artifacts: { html: `/tmp/lighthouse/report${p}.html`, json: `/tmp/lighthouse/report${p}.json` },
  };
}

/** Sections the other analyzers produce, computed here from the synthetic perf data. */
function addSections(report: JsonReport): void {
  const run = report.run;
  const atts = run.tests.flatMap((t) => t.results.map((r) => ({ t, r, perf: r.perf ?? {} })));
  const group = <T, K>(items: T[], key: (x: T) => K) => {
    const m = new Map<K, T[]>();
    for (const x of items) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  };
  const dist = (v: number[]): Distribution => distribution(v);
  const vit = atts.flatMap((a) => a.perf.vitals ?? []);
  report.analysis.vitals = {
    perUrl: [...group(vit, (v) => v.url)].map(([url, list]) => ({
      url,
      vitals: Object.fromEntries(
        [...group(list, (v) => v.name)].map(([name, vs]) => {
          const d = dist(vs.map((v) => v.value));
          return [name, { dist: d, rating: rate(name, d.p95) }];
        }),
      ),
      totalBlockingTimeMs: dist(list.map(() => 40)),
    })),
  };
  const navs = atts.flatMap((a) => a.perf.navigations ?? []);
  report.analysis.navigation = {
    perUrl: [...group(navs, (n) => n.url)].map(([url, ns]) => ({
      url,
      count: ns.length,
      ttfb: dist(ns.map((n) => n.ttfbMs)),
      domContentLoaded: dist(ns.map((n) => n.domContentLoadedMs)),
      load: dist(ns.map((n) => n.loadMs)),
      transferBytes: dist(ns.map((n) => n.transferBytes)),
    })),
  };
  const locs = atts.flatMap((a) => (a.perf.locators ?? []).map((l) => ({ l, id: a.t.id })));
  report.analysis.locators = {
    perLocator: [...group(locs, (x) => x.l.selector)].map(([selector, ls]) => ({
      selector,
      kind: ls[0].l.kind,
      count: ls.length,
      resolve: dist(ls.map((x) => x.l.resolveMs)),
      actionability: dist(ls.map((x) => x.l.actionabilityMs)),
      action: dist(ls.map((x) => x.l.actionMs)),
      total: dist(ls.map((x) => x.l.totalMs)),
      flags:
        ls[0].l.kind === 'xpath'
          ? ['xpath']
          : ls[0].l.kind === 'css'
            ? ['long-css-chain']
            : ls[0].l.kind === 'text'
              ? ['language-dependent-text']
              : [],
      tests: [...new Set(ls.map((x) => x.id))].slice(0, 20),
    })),
  };
  const flows = atts.flatMap((a) => (a.perf.flows ?? []).map((f) => ({ f, id: a.t.id })));
  report.analysis.flows = {
    perFlow: [...group(flows, (x) => `${x.f.name}|${x.f.direction ?? ''}`)].map(([, fs]) => ({
      name: fs[0].f.name,
      preset: fs[0].f.preset,
      direction: fs[0].f.direction,
      count: fs.length,
      failures: fs.filter((x) => !x.f.ok).length,
      dist: dist(fs.map((x) => x.f.durationMs)),
      tests: [...new Set(fs.map((x) => x.id))].slice(0, 20),
    })),
    samples: flows.slice(0, 500).map((x) => x.f),
  };
  const st = atts.flatMap((a) => a.perf.startup ?? []);
  report.analysis.startup = {
    phases: [...group(st, (s) => `${s.phase}|${s.temperature}`)].map(([, ss]) => ({
      phase: ss[0].phase,
      temperature: ss[0].temperature,
      browserName: 'chromium',
      dist: dist(ss.map((s) => s.durationMs)),
    })),
    perWorker: [
      ...group(
        st.filter((s) => s.temperature === 'cold'),
        (s) => s.workerIndex,
      ),
    ].map(([w, ss]) => ({
      workerIndex: w,
      browserName: 'chromium',
      launchMs: ss.find((s) => s.phase === 'browserLaunch')?.durationMs ?? 0,
      contextMs: ss.find((s) => s.phase === 'contextCreate')?.durationMs ?? 0,
      pageMs: ss.find((s) => s.phase === 'pageCreate')?.durationMs ?? 0,
    })),
    totalMs: st.reduce((x, s) => x + s.durationMs, 0),
  };
  const lh = atts.flatMap((a) => (a.perf.lighthouse ?? []).map((l) => ({ ...l, testId: a.t.id })));
  if (lh.length) report.analysis.lighthouse = { results: lh };
  report.analysis.slowest.steps = [
    {
      title: 'Navigate to "/login"',
      category: 'pw:api',
      count: atts.length,
      totalMs: 123_456,
      p50Ms: 400,
      p95Ms: 1500,
      maxMs: 3000,
    },
    { title: 'Launch browser', category: 'pw:api', count: 16, totalMs: 9000, p50Ms: 500, p95Ms: 900, maxMs: 1000 },
  ];
}

function history(run: RunRecord, runs: number, rand: () => number, p: string): HistoryComparison {
  const trends: NonNullable<HistoryComparison['trends']> = [];
  const findings: RegressionFinding[] = [];
  const series = (metric: string, subject: string, now: number, regress: boolean, project?: string) => {
    const points = Array.from({ length: runs }, (_, k) => ({
      runId: `run-h${k}`,
      time: run.startTime - (runs - k) * 86_400_000,
      value: k === runs - 1 ? now : now * (regress ? 0.7 : 1) * (0.9 + rand() * 0.2),
    }));
    trends.push({ metric, subject, ...(project ? { project } : {}), points });
    const base =
      points
        .slice(0, -1)
        .map((x) => x.value)
        .sort((a, b) => a - b)[Math.floor((runs - 1) / 2)] ?? null;
    const change = base ? now / base - 1 : null;
    findings.push({
      metric,
      subject,
      ...(project ? { project } : {}),
      verdict: regress ? 'regression' : change !== null && change < -0.2 ? 'improvement' : 'unchanged',
      baselineMedian: base,
      currentMedian: now,
      change,
      pValue: regress ? 0.001 : 0.4,
      qValue: regress ? 0.004 : 0.6,
      effectSize: regress ? 0.9 : 0.1,
      baselineSamples: runs - 1,
      currentSamples: 1,
    });
  };
  // History names tests by `file › describe › title` per project (src/analyze/history/compact-run.ts).
  run.tests
    .filter((t) => t.outcome !== 'skipped')
    .forEach((t, i) => {
      series(
        'test.duration',
        testSubject(t),
        t.results.reduce((x, r) => x + r.durationMs, 0),
        i % 23 === 5,
        t.project,
      );
    });
  URLS.forEach((u, i) => {
    series('vital.LCP', u + p, 1800 + i * 100, i === 2);
  });
  series('flow.duration', 'language switch en→he', 900, true);
  series('startup.browserLaunch', 'chromium', 600, false);
  return {
    baseline: {
      kind: 'previous',
      runIds: trends[0]?.points.slice(0, -1).map((x) => x.runId) ?? [],
      description: `previous ${runs - 1} runs on main${p}`,
    },
    caveats: [`machine changed on 2 runs${p}`],
    findings,
    trends,
  };
}

function recommendations(p: string): Recommendation[] {
  return [
    {
      id: 'rec-workers',
      bottleneckId: 'b1',
      title: 'Raise workers from 4 to 6',
      description: `CPU stayed under 60 % while lanes waited.${p}`,
      expectedSavingMs: 42_000,
      expectedSavingPct: 18,
      confidence: 'high',
      risk: 'low',
      prerequisites: ['CI runner has ≥ 6 cores'],
      edits: [{ path: 'workers', from: 4, to: 6 }],
      diff: `--- playwright.config.ts\n+++ playwright.config.ts\n@@ -3,3 +3,3 @@\n export default defineConfig({\n-  workers: 4,\n+  workers: 6,\n   testDir: './tests',${p}`,
    },
    {
      id: 'rec-trace',
      bottleneckId: 'b2',
      title: 'Record traces only on retry',
      description: 'trace: on costs 180 ms per test.',
      expectedSavingMs: 12_000,
      expectedSavingPct: 5,
      confidence: 'medium',
      risk: 'low',
      prerequisites: [],
      edits: [{ path: 'use.trace', from: 'on', to: 'on-first-retry' }],
      diff: "--- playwright.config.ts\n+++ playwright.config.ts\n@@ -5 +5 @@\n-  use: { trace: 'on' },\n+  use: { trace: 'on-first-retry' },",
    },
    {
      id: 'rec-locator',
      bottleneckId: 'b3',
      title: `Replace the XPath locator${p}`,
      description: 'Code-level advice.',
      expectedSavingMs: 3_000,
      expectedSavingPct: 1,
      confidence: 'low',
      risk: 'medium',
      prerequisites: [],
      edits: [],
    },
  ];
}

export function syntheticReport(opts: SyntheticOptions = {}): JsonReport {
  const run = syntheticRun(opts);
  const rand = rng((opts.seed ?? 1) + 99);
  const p = opts.payload ?? '';
  const report: JsonReport = {
    kind: 'playwright-perf-report',
    schemaVersion: 1,
    generatedAt: new Date(run.startTime + run.wallTimeMs + 500).toISOString(),
    run,
    analysis: analyzeRun(run),
  };
  addSections(report);
  if ((opts.historyRuns ?? 20) > 1) report.history = history(run, opts.historyRuns ?? 20, rand, p);
  report.budgets = [
    {
      rule: 'p95(vital.LCP) < 2500',
      subject: URLS[2] + p,
      severity: 'error',
      limit: 2500,
      actual: 3100,
      ok: false,
      message: `LCP p95 3.1 s over 2.5 s${p}`,
    },
    {
      rule: 'test.duration < 10s',
      subject: run.tests[0]?.title ?? '',
      severity: 'warn',
      limit: 10_000,
      actual: 9_000,
      ok: true,
      message: 'ok',
    },
  ];
  report.quality = {
    perTest: run.tests
      .filter((t) => t.outcome === 'flaky' || t.outcome === 'unexpected')
      .slice(0, 200)
      .map((t, k) => ({
        testId: t.id,
        title: t.title,
        runs: 20,
        flakinessIndex: 0.1 + (k % 5) / 10,
        flipRate: 0.15,
        stability: 0.8,
        errorRate: 0.1,
        ...(t.outcome === 'unexpected' ? { failureKind: 'likely-performance' as const } : {}),
      })),
  };
  report.recommendations = recommendations(p);
  report.gate = { failed: true, reasons: [`1 error-level budget breach${p}`] };
  return report;
}
