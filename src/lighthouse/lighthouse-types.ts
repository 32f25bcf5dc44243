// The small slice of Lighthouse's and Puppeteer's APIs we use, typed by hand: importing their own
// typings would pull ESM type graphs into our CommonJS build.

export interface LhAuditResult {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: unknown;
}

export interface Lhr {
  lighthouseVersion: string;
  requestedUrl?: string;
  mainDocumentUrl?: string;
  finalDisplayedUrl: string;
  gatherMode: 'navigation' | 'timespan' | 'snapshot';
  fetchTime: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  configSettings: { formFactor: 'mobile' | 'desktop'; throttlingMethod?: string };
  categories: Record<
    string,
    { id: string; title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }
  >;
  audits: Record<string, LhAuditResult>;
  timing: { total: number };
}

export interface RunnerResult {
  lhr: Lhr;
  report: string | string[];
}

/** Loose config/flags objects: shapes are Lighthouse's (docs: github.com/GoogleChrome/lighthouse/blob/main/docs/configuration.md). */
export type LhFlags = Record<string, unknown>;
export type LhConfig = Record<string, unknown>;

export interface LhUserFlow {
  navigate(url: string, stepOptions?: Record<string, unknown>): Promise<void>;
  startTimespan(stepOptions?: Record<string, unknown>): Promise<void>;
  endTimespan(): Promise<void>;
  snapshot(stepOptions?: Record<string, unknown>): Promise<void>;
  createFlowResult(): Promise<{ steps: Array<{ lhr: Lhr; name: string }>; name: string }>;
  generateReport(): Promise<string>;
}

export interface LighthouseModule {
  default: (
    url: string | undefined,
    flags?: LhFlags,
    config?: LhConfig,
    page?: unknown,
  ) => Promise<RunnerResult | undefined>;
  navigation(
    page: unknown,
    url: string,
    options?: { config?: LhConfig; flags?: LhFlags },
  ): Promise<RunnerResult | undefined>;
  snapshot(page: unknown, options?: { config?: LhConfig; flags?: LhFlags }): Promise<RunnerResult | undefined>;
  startTimespan(
    page: unknown,
    options?: { config?: LhConfig; flags?: LhFlags },
  ): Promise<{ endTimespan(): Promise<RunnerResult | undefined> }>;
  generateReport(lhr: Lhr, format?: 'html' | 'json'): string;
  desktopConfig: LhConfig;
}

export interface PuppeteerCdpSession {
  send(method: string, params?: unknown): Promise<unknown>;
  detach(): Promise<void>;
}

export interface PuppeteerRequest {
  respond(response: { status: number; contentType: string; body: string }): Promise<void>;
}

export interface PuppeteerPage {
  url(): string;
  createCDPSession(): Promise<PuppeteerCdpSession>;
  setRequestInterception(on: boolean): Promise<void>;
  on(event: 'request', handler: (request: PuppeteerRequest) => void): unknown;
  goto(url: string): Promise<unknown>;
  evaluate<A>(fn: (arg: A) => void, arg: A): Promise<unknown>;
  close(): Promise<void>;
}

export interface PuppeteerBrowser {
  pages(): Promise<PuppeteerPage[]>;
  newPage(): Promise<PuppeteerPage>;
  target(): { createCDPSession(): Promise<PuppeteerCdpSession> };
  disconnect(): Promise<void>;
}

export interface PuppeteerModule {
  connect(options: { browserWSEndpoint: string; defaultViewport?: null }): Promise<PuppeteerBrowser>;
}
