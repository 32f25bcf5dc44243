// Public entry. Default export: the reporter (`reporter: [['playwright-perf', options]]`).
// Named exports: the perf fixtures (`import { test, expect } from 'playwright-perf'`), helpers
// and the data contracts. Every export is listed in docs/public-api.md (a unit test compares the two);
// anything not exported here is internal and may change in any release.
import { PerfReporter } from './reporter/perf-reporter';

export default PerfReporter;
export { PerfReporter };
export { test, expect, perfFixtures } from './fixtures';
export type { PerfApi, PerfTestFixtures, PerfWorkerFixtures } from './fixtures';
export { DEFAULT_PERF_OPTIONS } from './fixtures/options';
export { attachPerfData } from './fixtures/attach';
export {
  resolveChromium,
  chromiumLaunchOptions,
  chromiumExecutablePath,
  ChromiumNotFoundError,
  CHROMIUM_ENV_VAR,
} from './browser/resolve-chromium';
export type * from './types';
export { optimizeAnalysis } from './analyze/optimizer/recommendations';
export type { OptimizerAnalysis } from './analyze/optimizer/recommendations';
export { findConfig } from './optimize/find-config';
export { applyWithBackup, rollback, readManifest } from './optimize/backup';
export type {
  PlanOptions,
  OptimizationPlan,
  ValidateOptions,
  ValidateResult,
  RewriteOptions,
  RollbackOptions,
} from './optimize';
/** The supported part of the optimizer module (docs/public-api.md); the rest of it is internal. */
export type OptimizerApi = Pick<
  typeof import('./optimize'),
  'planOptimization' | 'applyAndValidate' | 'rewriteConfig' | 'unifiedDiff' | 'rollback' | 'readManifest' | 'findConfig'
>;
/** Optimizer API (plan/apply/validate). Loads ts-morph on first use, not with the reporter. */
export function loadOptimizer(): OptimizerApi {
  return require('./optimize');
}
export { PresetOptionsError, FlowConditionError } from './fixtures/presets';
export type { FlowApi, FlowHandle, FlowOptions, FlowDetails } from './fixtures/flow';
export type {
  PerfPresets,
  HebrewRenderingOptions,
  LanguageSwitchOptions,
  BusinessFlowOptions,
  DocumentProcessingOptions,
  UntilOptions,
} from './fixtures/presets';
export type {
  LighthouseApi,
  LighthouseAudit,
  LighthouseFixtureOptions,
  LighthouseAuditOptions,
} from './fixtures/lighthouse';
export type { LighthouseThresholds } from './lighthouse/map-result';
export { LIGHTHOUSE_LOCK_ENV_VAR } from './lighthouse/audit-lock';
export { defineLoadTest, LoadDefinitionError } from './load/validate';
/** Runs a load test file (see docs/load.md). The load runner is loaded on first use, not with the reporter. */
export function runLoadTest(
  options: import('./load/coordinator').LoadRunOptions,
): Promise<import('./types').LoadReport> {
  return (require('./load/coordinator') as typeof import('./load/coordinator')).runLoadTest(options);
}
export type { LoadRunOptions, LoadProgress } from './load/coordinator';
export type { IterationArgs, IterationFn, VuInfo } from './load/iteration-types';
export type { LoadPerfApi } from './load/perf-api';
/** A scenario iteration that runs an existing Playwright Test test by file and title (docs/load.md). */
export function fromPlaywrightTest(file: string, title: string | RegExp): import('./load/iteration-types').IterationFn {
  return (require('./load/pw-test/from-test') as typeof import('./load/pw-test/from-test')).fromPlaywrightTest(
    file,
    title,
  );
}
