// Bottleneck detection: pure functions of the run record (+ analysis and past runs when given).
// Each detector is contained; a throw drops that detector and is recorded, never the whole list.
// Findings name the numbers behind them (evidence) and the wall time they cost per run.
import type { Bottleneck, OptimizerHistorySample, PerfError, RunAnalysis, RunRecord } from '../../types';
import { contain } from '../../util/errors';
import { buildSuiteModel, type SuiteModel } from './suite-model';
import { detectParallelism } from './bottlenecks-parallelism';
import { detectArtifacts, detectRetries, detectTimeouts } from './bottlenecks-config';
import { detectStartup, detectAuthFlows, detectLocators, detectWebServer } from './bottlenecks-code';
import { detectGlobalSetup, detectHeaded, detectSlowMo } from './bottlenecks-settings';

export interface DetectInput {
  run: RunRecord;
  analysis?: RunAnalysis;
  history?: OptimizerHistorySample[];
}

export interface DetectContext extends DetectInput {
  model: SuiteModel;
}

export type Detector = (ctx: DetectContext) => Bottleneck[];

const DETECTORS: Array<[string, Detector]> = [
  ['parallelism', detectParallelism],
  ['artifacts', detectArtifacts],
  ['retries', detectRetries],
  ['timeouts', detectTimeouts],
  ['startup', detectStartup],
  ['auth-flows', detectAuthFlows],
  ['locators', detectLocators],
  ['web-server', detectWebServer],
  ['slow-mo', detectSlowMo],
  ['headed', detectHeaded],
  ['global-setup', detectGlobalSetup],
];

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function detectBottlenecks(input: DetectInput, errors: PerfError[] = []): Bottleneck[] {
  const model = buildSuiteModel(input.run);
  const ctx: DetectContext = { ...input, model };
  const out: Bottleneck[] = [];
  for (const [name, detect] of DETECTORS)
    out.push(...contain(`optimize.detect.${name}`, errors, () => detect(ctx), []));
  return out.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.estimatedCostS - a.estimatedCostS,
  );
}

/** Severity from the share of wall time a finding costs. */
export function severityFor(costMs: number, wallMs: number): Bottleneck['severity'] {
  const share = wallMs > 0 ? costMs / wallMs : 0;
  if (share >= 0.4) return 'critical';
  if (share >= 0.2) return 'high';
  if (share >= 0.05) return 'medium';
  return 'low';
}

export const seconds = (ms: number): number => Number((ms / 1000).toFixed(2));
