// What a scenario's iteration function receives: its own page and context, the same `perf` API as
// the fixtures, and who it is (scenario, VU, iteration numbers).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { LoadPerfApi } from './perf-api';

export interface VuInfo {
  scenario: string;
  /** Global VU number (unique across worker processes and segments). */
  id: number;
  /** Iterations this VU started before this one. */
  iteration: number;
}

export interface IterationArgs {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  perf: LoadPerfApi;
  vu: VuInfo;
}

export type IterationFn = (args: IterationArgs) => Promise<void> | void;
