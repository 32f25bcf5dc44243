// The standalone runner's output is an ordinary run record (kind playwright-perf-run): one "test"
// per URL in a project named "lighthouse", its median LighthouseResult in `perf.lighthouse`. So
// everything downstream — analysis, `playwright-perf report`, history (`lighthouse.<category>` keyed
// by URL), budgets — reads it like a Playwright run. Pure: the caller supplies meta and results.
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  type LighthouseResult,
  type RunMeta,
  type RunRecord,
  type TestRecord,
} from '../types';

export const STANDALONE_PROJECT = 'lighthouse';
export const STANDALONE_FILE = 'playwright-perf lighthouse';

export interface StandaloneUrlResult {
  url: string;
  /** Median run, or undefined when every run failed. */
  median?: LighthouseResult;
  /** Messages of failed runs / threshold breaches. */
  errors: string[];
  startTime: number;
  durationMs: number;
}

export function standaloneTestId(url: string): string {
  return `lighthouse:${url}`;
}

export function buildStandaloneRecord(args: {
  runId: string;
  startTime: number;
  endTime: number;
  meta: RunMeta;
  urls: StandaloneUrlResult[];
  timeoutMs: number;
}): RunRecord {
  const tests: TestRecord[] = args.urls.map((u, i) => {
    const failed = u.errors.length > 0;
    return {
      id: standaloneTestId(u.url),
      file: STANDALONE_FILE,
      line: i + 1,
      column: 0,
      titlePath: [u.url],
      title: u.url,
      project: STANDALONE_PROJECT,
      expectedStatus: 'passed',
      outcome: failed ? 'unexpected' : 'expected',
      timeoutMs: args.timeoutMs,
      annotations: [],
      tags: [],
      results: [
        {
          retry: 0,
          status: failed ? 'failed' : 'passed',
          workerIndex: 0,
          parallelIndex: 0,
          startTime: u.startTime,
          durationMs: u.durationMs,
          errors: u.errors.map((message) => ({ message })),
          steps: [],
          attachments: [
            u.median?.artifacts?.html && {
              name: 'lighthouse.html',
              contentType: 'text/html',
              path: u.median.artifacts.html,
            },
            u.median?.artifacts?.json && {
              name: 'lighthouse.json',
              contentType: 'application/json',
              path: u.median.artifacts.json,
            },
          ].filter((a): a is { name: string; contentType: string; path: string } => !!a),
          ...(u.median ? { perf: { lighthouse: [u.median] } } : {}),
        },
      ],
    };
  });
  const anyFailed = tests.some((t) => t.outcome === 'unexpected');
  return {
    kind: RUN_RECORD_KIND,
    schemaVersion: RUN_RECORD_VERSION,
    runId: args.runId,
    startedAt: new Date(args.startTime).toISOString(),
    startTime: args.startTime,
    wallTimeMs: Math.max(0, args.endTime - args.startTime),
    status: anyFailed ? 'failed' : 'passed',
    interrupted: false,
    meta: args.meta,
    config: {
      workers: 1,
      fullyParallel: false,
      globalTimeoutMs: 0,
      maxFailures: 0,
      projects: [
        {
          name: STANDALONE_PROJECT,
          retries: 0,
          timeoutMs: args.timeoutMs,
          repeatEach: 1,
          dependencies: [],
          use: { browserName: 'chromium', headless: true },
        },
      ],
    },
    tests,
    system: [],
    errors: [],
  };
}
