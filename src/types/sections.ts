// Analysis sections fed by the perf fixtures, flows and Lighthouse. Each analyzer in src/analyze/
// owns one of these shapes. Percentiles are nearest-rank over all samples in the run.
import type { FlowResult, Rating, VitalName, LighthouseResult, NavigationMetric, WebVitalMetric } from './metrics';

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
  perWorker: Array<{ workerIndex: number; browserName: string; launchMs: number; contextMs: number; pageMs: number; testId?: string }>;
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
    dist: Distribution;
    tests: string[];
  }>;
  /** Raw results for the report's flow view (bounded). */
  samples?: FlowResult[];
}

export interface RuntimeAnalysis {
  perUrl: Array<{ url: string; jsHeapUsedBytes: Distribution; nodes?: Distribution; scriptDurationMs?: Distribution }>;
}

export interface LighthouseAnalysis {
  results: Array<LighthouseResult & { testId?: string }>;
}
