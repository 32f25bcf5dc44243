// Public entry. Default export: the reporter (`reporter: [['playwright-perf', options]]`).
// Named exports: the perf fixtures (`import { test, expect } from 'playwright-perf'`), helpers
// and the data contracts.
import { PerfReporter } from './reporter/perf-reporter';

export default PerfReporter;
export { PerfReporter };
export { test, expect, perfFixtures } from './fixtures';
export type { PerfApi, PerfTestFixtures, PerfWorkerFixtures } from './fixtures';
export { DEFAULT_PERF_OPTIONS } from './fixtures/options';
export { resolveChromium, chromiumLaunchOptions, chromiumExecutablePath, ChromiumNotFoundError, CHROMIUM_ENV_VAR } from './browser/resolve-chromium';
export type * from './types';
export { detectBottlenecks } from './analyze/bottlenecks';
export { optimizeAnalysis, recommend } from './analyze/recommendations';
export type { OptimizerAnalysis } from './analyze/recommendations';
export { buildSuiteModel, predictWall, listScheduleMs, lptMs } from './analyze/suite-model';
export { findConfig } from './optimize/find-config';
export { applyWithBackup, rollback, readManifest } from './optimize/backup';
/** Optimizer API (plan/apply/validate/sweep). Loads ts-morph on first use, not with the reporter. */
export function loadOptimizer(): typeof import('./optimize') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('./optimize');
}
export { PresetOptionsError, FlowConditionError } from './fixtures/presets';
export type { FlowApi, FlowHandle, FlowOptions, FlowDetails } from './fixtures/flow';
export type { PerfPresets, HebrewRenderingOptions, LanguageSwitchOptions, BusinessFlowOptions, DocumentProcessingOptions, UntilOptions } from './fixtures/presets';
export type { LighthouseApi, LighthouseAudit, LighthouseFixtureOptions, LighthouseAuditOptions } from './fixtures/lighthouse';
export type { LighthouseThresholds } from './lighthouse/map-result';
export { LIGHTHOUSE_LOCK_ENV_VAR } from './lighthouse/audit-lock';
export { defineLoadTest, LoadDefinitionError } from './load/validate';
/** Runs a load test file (see docs/load.md). The load runner is loaded on first use, not with the reporter. */
export function runLoadTest(options: import('./load/coordinator').LoadRunOptions): Promise<import('./types').LoadReport> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('./load/coordinator') as typeof import('./load/coordinator')).runLoadTest(options);
}
export type { LoadRunOptions, LoadProgress } from './load/coordinator';
export type { IterationArgs, IterationFn, VuInfo } from './load/iteration-types';
export type { LoadPerfApi } from './load/perf-api';
/** A scenario iteration that runs an existing Playwright Test test by file and title (docs/load.md). */
export function fromPlaywrightTest(file: string, title: string | RegExp): import('./load/iteration-types').IterationFn {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('./load/pw-test/from-test') as typeof import('./load/pw-test/from-test')).fromPlaywrightTest(file, title);
}
