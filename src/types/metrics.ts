// Metrics measured inside the worker (fixtures and collectors) and carried to the reporter through
// JSON attachments (see attachment.ts). All durations are milliseconds, all times epoch ms.
// A metric that could not be measured is recorded as `Missing` with a reason, never silently dropped.
import type { EpochMs } from './run-record';

/** Why a metric is absent (browser not Chromium, page closed early, collector off, threw, …). */
export interface Missing {
  metric: string;
  reason: string;
  url?: string;
}

/** Everything the fixtures measured for one test attempt. Each field is optional and additive:
 *  the reporter concatenates arrays from several attachments of the same attempt. */
export interface TestPerfData {
  startup?: StartupMetric[];
  navigations?: NavigationMetric[];
  vitals?: WebVitalMetric[];
  longTasks?: LongTaskSummary[];
  /** Client-side route changes of single-page apps (history API, back/forward, hash routes). */
  routes?: RouteChangeMetric[];
  locators?: LocatorTiming[];
  userTimings?: UserTiming[];
  flows?: FlowResult[];
  runtime?: RuntimeMetric[];
  lighthouse?: LighthouseResult[];
  missing?: Missing[];
  /** Time playwright-perf itself spent on the test's critical path, per collector (self-time). */
  overhead?: CollectorOverhead[];
  /** Collector failures: contained, shown as warnings. */
  errors?: Array<{ where: string; message: string }>;
}

/** Self-time of one collector in one test attempt: 'page.install' (binding + init script),
 *  'page.script' (in-page collector + web-vitals run time, summed over documents), 'page.flush',
 *  'runtime' (CDP), 'locators' (log hook + segmentation), 'attach'. */
export interface CollectorOverhead {
  collector: string;
  ms: number;
}

/** Browser/context/page creation paid by a test. */
export interface StartupMetric {
  phase: 'browserLaunch' | 'contextCreate' | 'pageCreate';
  durationMs: number;
  /** Cold = first time this worker paid this phase; warm = later. */
  temperature: 'cold' | 'warm';
  workerIndex: number;
  browserName: string;
  startTime: EpochMs;
}

/** One main-frame navigation, from Navigation Timing Level 2 (times relative to its startTime). */
export interface NavigationMetric {
  url: string;
  /** 'navigate' | 'reload' | 'back_forward' | 'prerender'. */
  type: string;
  /** Title of the test step during which it happened (e.g. 'Navigate to "/login"', 'Click'). */
  step?: string;
  startTime: EpochMs;
  redirectMs: number;
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
  /** requestStart → responseStart. */
  ttfbMs: number;
  /** responseStart → responseEnd. */
  responseMs: number;
  domInteractiveMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** Navigation start → loadEventEnd (0 when load never finished). */
  durationMs: number;
  transferBytes: number;
  encodedBodyBytes: number;
  decodedBodyBytes: number;
  resources: {
    count: number;
    transferBytes: number;
    byType: Record<string, { count: number; transferBytes: number; durationMs: number }>;
  };
  httpStatus?: number;
}

export type VitalName = 'LCP' | 'CLS' | 'INP' | 'FCP' | 'TTFB';
export type Rating = 'good' | 'needs-improvement' | 'poor';

export interface WebVitalMetric {
  name: VitalName;
  /** ms, except CLS (unitless). */
  value: number;
  rating: Rating;
  url: string;
  step?: string;
  /** Element or event that produced it, when web-vitals' attribution names one. */
  attribution?: string;
  time: EpochMs;
}

export interface LongTaskSummary {
  url: string;
  count: number;
  totalMs: number;
  maxMs: number;
  /** Σ max(0, duration − 50). */
  totalBlockingTimeMs: number;
  step?: string;
}

/** How a route change was seen: the Navigation API's `currententrychange`, or history/popstate/
 *  hashchange events where the browser has no Navigation API. */
export type RouteDetectSource = 'navigation-api' | 'history-events';

/** One client-side route change (same-document URL change whose path or hash route changed).
 *  Times are epoch ms; durations are from `startTime`. */
export interface RouteChangeMetric {
  /** Path pattern with ids collapsed, plus the hash route when the app routes by hash:
   *  '/documents/:id', '/app#/templates/:id'. */
  route: string;
  /** Pattern of the route before the change (the hard navigation's path for the first change). */
  from: string;
  /** origin + path (+ hash route); query strings are dropped (they often carry tokens). */
  url: string;
  /** How the URL changed: history.pushState, replaceState, back/forward, or a hash change. */
  trigger: 'push' | 'replace' | 'traverse' | 'hash';
  /** 'input' = timed from the user input that caused it; 'call' = no input (programmatic), timed
   *  from the URL change. */
  cause: 'input' | 'call';
  /** First event of the causing interaction ('pointerdown', 'keydown', …) when cause is 'input'. */
  inputType?: string;
  /** Test step that was running at startTime (filled in by the analysis when absent). */
  step?: string;
  startTime: EpochMs;
  /** startTime → the new view painted and stable (see docs/metrics.md, "Route changes"). */
  durationMs: number;
  /** False when it was cut short (next route change, test end with a request still in flight, page
   *  hidden, 15 s timeout): durationMs then ends at the last frame painted so far. */
  complete: boolean;
  endReason: 'quiet' | 'next-route' | 'test-end' | 'page-hide' | 'timeout';
  /** startTime → first contentful paint of the new view (soft-navigation entries only). */
  firstPaintMs?: number;
  /** startTime → largest contentful paint of the new view (interaction-contentful-paint entries only). */
  largestPaintMs?: number;
  /** Layout shifts without recent input while this route was active (until the next change). */
  cls: number;
  layoutShifts: number;
  longTasks: { count: number; totalMs: number; maxMs: number; totalBlockingTimeMs: number };
  /** Worst interaction latency while this route was active, causing input included. */
  inpMs?: number;
  interactions: number;
  /** Where each value came from: start = 'soft-navigation' (Chromium's entry) | 'input' | 'call';
   *  end = 'frames' (our painted-and-stable rule); firstPaint/largestPaint name the entry types. */
  sources: {
    detect: RouteDetectSource;
    start: 'soft-navigation' | 'input' | 'call';
    end: 'frames';
    firstPaint?: 'soft-navigation';
    largestPaint?: 'interaction-contentful-paint';
  };
}

/** One locator action split into resolve / actionability wait / action. */
export interface LocatorTiming {
  /** Selector as Playwright prints it, e.g. `getByRole('button', { name: 'Sign' })`. */
  selector: string;
  /** 'click' | 'fill' | 'check' | 'hover' | 'waitFor' | … */
  action: string;
  step?: string;
  startTime: EpochMs;
  totalMs: number;
  /** Until the locator first matched an element. */
  resolveMs: number;
  /** Visible, enabled, stable, receives events. */
  actionabilityMs: number;
  /** The action itself (input dispatch, navigation wait excluded where measurable). */
  actionMs: number;
  /** Waiting for navigations the action started (click on a link), excluded from actionMs. */
  navigationWaitMs?: number;
  /** Retries Playwright needed (element detached, not stable, …). */
  retries: number;
  /** Selector kind for fragility flags: 'role' | 'testid' | 'text' | 'css' | 'xpath' | 'label' | … */
  kind: string;
  ok: boolean;
}

export interface UserTiming {
  name: string;
  /** 'mark' has durationMs 0. */
  type: 'mark' | 'measure';
  /** 'page' = performance.measure in the page; 'test' = perf.mark/measure in the test. */
  source: 'page' | 'test';
  startTime: EpochMs;
  durationMs: number;
  url?: string;
}

/** A named business flow (login, upload, sign, pay, language switch, Hebrew rendering…). */
export interface FlowResult {
  name: string;
  /** Names of enclosing flows, outermost first. */
  parents: string[];
  /** For presets: e.g. 'he→en', 'en→he'. */
  direction?: string;
  /** Preset that produced it: 'hebrewRendering' | 'languageSwitch' | 'auth' | 'document' | 'signature' | 'payment' | undefined. */
  preset?: string;
  startTime: EpochMs;
  durationMs: number;
  ok: boolean;
  error?: string;
  /** Extra numbers a preset measured (e.g. { cls: 0.02, fontLoadMs: 120 }). */
  details?: Record<string, number | string | boolean>;
  /** Findings a preset made (missing glyphs, wrong direction…). */
  findings?: Array<{ kind: string; message: string; selector?: string }>;
}

/** Chromium-only runtime numbers from CDP (absent in other browsers). */
export interface RuntimeMetric {
  url: string;
  time: EpochMs;
  jsHeapUsedBytes?: number;
  jsHeapTotalBytes?: number;
  scriptDurationMs?: number;
  taskDurationMs?: number;
  layoutCount?: number;
  recalcStyleCount?: number;
  nodes?: number;
}

export interface LighthouseResult {
  url: string;
  /** Where the audited page ended up, when different from `url` (e.g. a redirect to /login). */
  finalUrl?: string;
  mode: 'navigation' | 'snapshot' | 'timespan';
  formFactor: 'mobile' | 'desktop';
  lighthouseVersion: string;
  /** 0..100 per category id ('performance', 'accessibility', …). */
  scores: Record<string, number | null>;
  metrics: {
    lcpMs?: number;
    tbtMs?: number;
    cls?: number;
    siMs?: number;
    fcpMs?: number;
    ttiMs?: number;
    /** Timespan mode only (needs an interaction). */
    inpMs?: number;
  };
  failingAudits: Array<{ id: string; title: string; score: number | null; displayValue?: string }>;
  /** Lighthouse's run warnings (e.g. "the page loaded too slowly"), first 10. */
  warnings?: string[];
  /** Absolute paths of the saved full reports (also attached to the test as files). */
  artifacts?: { html?: string; json?: string };
  durationMs: number;
  startTime: EpochMs;
  /** Budget results computed in the worker (thresholds passed to the fixture). */
  thresholds?: Array<{ key: string; limit: number; actual: number | null; ok: boolean }>;
  /** Median of N runs (standalone runner). */
  runs?: number;
  /** Performance score of every run when runs > 1, in run order (shows the spread behind the median). */
  runScores?: Array<number | null>;
  /** Where the audit's time went: lockWaitMs (not in durationMs), launchMs, loadLighthouseMs, shareStorageMs, lighthouseMs, saveReportsMs. */
  phasesMs?: Record<string, number>;
  /** Label given by the caller (fixture `name` option), to tell several audits of one test apart. */
  name?: string;
}
