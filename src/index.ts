// Public entry. Default export: the reporter (`reporter: [['playwright-perf', options]]`).
// Named exports: the perf fixtures (`import { test, expect } from 'playwright-perf'`), helpers
// and the data contracts.
import { PerfReporter } from './reporter/perf-reporter';

export default PerfReporter;
export { PerfReporter };
export { test, expect, perfFixtures } from './fixtures';
export type { PerfApi, PerfTestFixtures } from './fixtures';
export { resolveChromium, chromiumLaunchOptions, chromiumExecutablePath, ChromiumNotFoundError, CHROMIUM_ENV_VAR } from './browser/resolve-chromium';
export type * from './types';
export { PresetOptionsError, FlowConditionError } from './fixtures/presets';
export type { FlowApi, FlowHandle, FlowOptions, FlowDetails } from './fixtures/flow';
export type { PerfPresets, HebrewRenderingOptions, LanguageSwitchOptions, BusinessFlowOptions, DocumentProcessingOptions, UntilOptions } from './fixtures/presets';
