// Analysis sections fed by the perf fixtures, flows and Lighthouse. Each analyzer in src/analyze/run/
// owns one of these shapes. Percentiles are nearest-rank over all samples in the run.
import type {
  FlowResult,
  Rating,
  VitalName,
  LighthouseResult,
  NavigationMetric,
  RouteChangeMetric,
  WebVitalMetric,
} from './metrics';

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export interface StartupAnalysis {
  /** Per phase and temperature. */
  phases: Array<{ phase: string; temperature: 'cold' | 'warm'; browserName: string; dist: Distribution }>;
  /** Per worker: what its first test paid. */
  perWorker: Array<{
    workerIndex: number;
    browserName: string;
    launchMs: number;
    contextMs: number;
    pageMs: number;
    testId?: string;
  }>;
  /** Σ startup time across the run. */
  totalMs: number;
}

export interface NavigationAnalysis {
  perUrl: Array<{
    url: string;
    count: number;
    ttfb: Distribution;
    domContentLoaded: Distribution;
    load: Distribution;
    transferBytes: Distribution;
  }>;
  /** Slowest individual navigations, with the step that triggered them. */
  slowest?: Array<NavigationMetric & { testId: string }>;
}

/** Client-side route changes per route pattern (complete ones only in the distributions). */
export interface RouteAnalysis {
  perRoute: Array<{
    route: string;
    /** Complete changes (the distributions are over these). */
    count: number;
    /** Changes cut short (next route, test end with data in flight, timeout). */
    incomplete: number;
    /** start → painted and stable. */
    duration: Distribution;
    /** Present when some changes had soft-navigation / interaction-contentful-paint entries. */
    firstPaint?: Distribution;
    largestPaint?: Distribution;
    cls: Distribution;
    inp?: Distribution;
    longTasks: { count: number; totalBlockingTimeMs: Distribution };
    /** How the changes were started: by input, or programmatically. */
    causes: { input: number; call: number };
    /** Counts per start-time source ('soft-navigation' | 'input' | 'call'). */
    startSources: Record<string, number>;
  }>;
  /** Slowest individual changes, with the step that triggered them. */
  slowest?: Array<RouteChangeMetric & { testId: string }>;
}

export interface VitalsAnalysis {
  perUrl: Array<{
    url: string;
    vitals: Partial<Record<VitalName, { dist: Distribution; rating: Rating }>>;
    totalBlockingTimeMs?: Distribution;
  }>;
  /** Worst non-good samples (value ÷ good threshold), with the step during which they were observed. */
  worst?: Array<WebVitalMetric & { testId: string }>;
}

export interface LocatorAnalysis {
  perLocator: Array<{
    selector: string;
    kind: string;
    count: number;
    resolve: Distribution;
    actionability: Distribution;
    action: Distribution;
    total: Distribution;
    /** Flags such as 'slow', 'long-css-chain', 'xpath', 'language-dependent-text'. */
    flags: string[];
    tests: string[];
  }>;
}

export interface ActionAnalysis {
  perKind: Array<{ kind: string; dist: Distribution }>;
  slowest: Array<{ testId: string; title: string; params?: string; durationMs: number }>;
}

export interface UserTimingAnalysis {
  perName: Array<{ name: string; source: 'page' | 'test'; dist: Distribution }>;
}

export interface FlowAnalysis {
  perFlow: Array<{
    name: string;
    preset?: string;
    direction?: string;
    count: number;
    failures: number;
    /** Durations of the successful runs (failed runs are counted in `failures` only). */
    dist: Distribution;
    tests: string[];
    /** Σ findings (wrong direction, fallback font…) over all runs. */
    findings?: number;
    /** Most common enclosing flows, outermost first. */
    parents?: string[];
    /** Numeric preset details over the successful runs (e.g. cls, fontResponseEndMs). */
    details?: Record<string, Distribution>;
  }>;
  /** Raw results for the report's flow view (bounded, by start time; testId added). */
  samples?: Array<FlowResult & { testId?: string }>;
}

export interface RuntimeAnalysis {
  perUrl: Array<{ url: string; jsHeapUsedBytes: Distribution; nodes?: Distribution; scriptDurationMs?: Distribution }>;
}

export interface LighthouseAnalysis {
  /** Every audit of the run, in start order, with the test (attempt) it came from. */
  results: Array<LighthouseResult & { testId?: string; title?: string; project?: string; retry?: number }>;
  summary?: {
    audits: number;
    urls: number;
    /** Thresholds (fixture/CLI budgets) not met, across all audits. */
    thresholdBreaches: number;
    /** Σ audit durations (time the suite spent in Lighthouse). */
    auditTimeMs: number;
    /** Lowest score per category across the run's audits. */
    minScores: Record<string, number>;
  };
}
