// Optimizer contracts: findings (bottlenecks) and the recommendations derived from them.

export type FindingCategory =
  | 'cpu' | 'memory' | 'test-execution' | 'parallelism' | 'browser' | 'network'
  | 'locator' | 'flow' | 'artifacts' | 'retries' | 'timeouts' | 'web-server';

export interface Bottleneck {
  id: string;
  category: FindingCategory;
  severity: 'low' | 'medium' | 'high' | 'critical';
  title: string;
  /** The numbers that show it. */
  evidence: Record<string, number | string>;
  affectedTests: string[];
  /** Estimated seconds of wall time it costs per run. */
  estimatedCostS: number;
  rootCause: string;
}

export interface ConfigEdit {
  /** Dotted path in the config object, e.g. 'workers', 'use.trace', 'projects[chromium].use.video'. */
  path: string;
  from: unknown;
  to: unknown;
}

export interface Recommendation {
  id: string;
  bottleneckId: string;
  title: string;
  description: string;
  /** Expected wall-time saving, computed from measurements. */
  expectedSavingMs: number;
  expectedSavingPct: number;
  confidence: 'low' | 'medium' | 'high';
  risk: 'low' | 'medium' | 'high';
  prerequisites: string[];
  /** Config edits the optimizer can apply; empty for code-level advice. */
  edits: ConfigEdit[];
  /** Unified diff of playwright.config when computed. */
  diff?: string;
}
