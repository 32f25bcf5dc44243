// History, baselines, regressions, budgets and quality — produced by src/store + src/analyze.

/** A metric series key: what is measured, for which subject. */
export interface MetricKey {
  /** e.g. 'test.duration', 'step.duration', 'nav.ttfb', 'vital.LCP', 'locator.resolve', 'flow.duration', 'startup.browserLaunch', 'lighthouse.performance'. */
  metric: string;
  /** Test id, URL, locator, flow name… */
  subject: string;
  project?: string;
}

export interface RegressionFinding extends MetricKey {
  verdict: 'regression' | 'improvement' | 'unchanged' | 'not-enough-data';
  baselineMedian: number | null;
  currentMedian: number | null;
  /** Relative change of the median, e.g. 0.12 = +12 %. */
  change: number | null;
  pValue: number | null;
  /** p after Benjamini-Hochberg. */
  qValue: number | null;
  /** Effect size (e.g. Cliff's delta, -1..1). */
  effectSize: number | null;
  baselineSamples: number;
  currentSamples: number;
  note?: string;
}

export interface HistoryComparison {
  baseline: { kind: 'previous' | 'pinned' | 'run'; runIds: string[]; description: string };
  /** Differences between the runs that make the comparison weaker (machine, Playwright version…). */
  caveats: string[];
  findings: RegressionFinding[];
  /** Short trend series for the report, per key (bounded). */
  trends?: Array<MetricKey & { points: Array<{ runId: string; time: number; value: number }> }>;
}

export interface BudgetRule {
  /** e.g. 'p95(vital.LCP) < 2500', 'test.duration < 30s', 'startup.browserLaunch < 3000'. */
  rule: string;
  /** Glob on the subject (test title path / URL / flow name). */
  match?: string;
  severity?: 'warn' | 'error';
}

export interface BudgetResult {
  rule: string;
  subject: string;
  severity: 'warn' | 'error';
  limit: number;
  actual: number;
  ok: boolean;
  message: string;
}

export interface QualitySummary {
  perTest: Array<{
    testId: string;
    title: string;
    runs: number;
    flakinessIndex: number;
    flipRate: number;
    stability: number;
    errorRate: number;
    /** Failure classification of this run's failure, when it failed. */
    failureKind?: 'likely-performance' | 'likely-flaky' | 'failure';
  }>;
}
