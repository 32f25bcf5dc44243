// Validation of the `prometheus` reporter option. Like every reporter option, a bad value is
// reported naming the key and falls back (here: no push) — it never stops the test run.
import type { PrometheusOptions } from '../types';
import { describeValue, isPlainObject } from '../util/describe-value';

/** Lets CI keep the gateway address in a secret instead of the config. */
export const PUSHGATEWAY_URL_ENV = 'PLAYWRIGHT_PERF_PUSHGATEWAY_URL';
export const DEFAULT_JOB = 'playwright-perf';
/** Long enough for a gateway across a CI network, short enough not to hold up the end of a run. */
export const DEFAULT_PUSH_TIMEOUT_MS = 5000;
export const MAX_PUSH_TIMEOUT_MS = 120_000;
/** Per-test series are the only unbounded label: keep ten unless asked. */
export const DEFAULT_SLOWEST_TESTS = 10;
export const MAX_SLOWEST_TESTS = 1000;
/** Prometheus label names: [a-zA-Z_][a-zA-Z0-9_]*, and names starting with __ are reserved. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface ResolvedPushgateway {
  url: string;
  job: string;
  grouping: Record<string, string>;
  timeoutMs: number;
}

export interface ResolvedPrometheus {
  pushgateway: ResolvedPushgateway | null;
  perTest: { slowest: number; allow: string[] };
}

export function defaultPrometheusOptions(): ResolvedPrometheus {
  return { pushgateway: null, perTest: { slowest: DEFAULT_SLOWEST_TESTS, allow: [] } };
}

export function resolvePrometheusOptions(
  input: unknown,
  env: Record<string, string | undefined> = process.env,
): { options: ResolvedPrometheus; problems: string[] } {
  const problems: string[] = [];
  const options = defaultPrometheusOptions();
  if (input !== undefined && !isPlainObject(input)) {
    problems.push(`option "prometheus" must be an object, got ${describeValue(input)}; metrics are not exported`);
    return { options, problems };
  }
  const o = (input ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'pushgateway' && key !== 'perTest') {
      problems.push(`unknown option "prometheus.${key}"; known: pushgateway, perTest`);
    }
  }
  const gateway = o.pushgateway ?? (env[PUSHGATEWAY_URL_ENV] ? { url: env[PUSHGATEWAY_URL_ENV] } : undefined);
  if (gateway !== undefined) options.pushgateway = resolveGateway(gateway, env, problems);
  if (o.perTest !== undefined) resolvePerTest(o.perTest as PrometheusOptions['perTest'], options, problems);
  return { options, problems };
}

function resolveGateway(input: unknown, env: Record<string, string | undefined>, problems: string[]) {
  const o = typeof input === 'string' ? { url: input } : input;
  if (!isPlainObject(o)) {
    problems.push(`option "prometheus.pushgateway" must be a URL or an object, got ${describeValue(input)}; no push`);
    return null;
  }
  for (const key of Object.keys(o)) {
    if (!['url', 'job', 'grouping', 'timeoutMs'].includes(key)) {
      problems.push(`unknown option "prometheus.pushgateway.${key}"; known: url, job, grouping, timeoutMs`);
    }
  }
  const url = o.url ?? env[PUSHGATEWAY_URL_ENV];
  if (!isHttpUrl(url)) {
    problems.push(`option "prometheus.pushgateway.url" must be an http(s) URL, got ${describeValue(url)}; no push`);
    return null;
  }
  const out: ResolvedPushgateway = { url, job: DEFAULT_JOB, grouping: {}, timeoutMs: DEFAULT_PUSH_TIMEOUT_MS };
  if (o.job !== undefined) {
    if (typeof o.job === 'string' && o.job.trim()) out.job = o.job;
    else problems.push(`option "prometheus.pushgateway.job" must be a non-empty string, got ${describeValue(o.job)}`);
  }
  if (o.timeoutMs !== undefined) {
    const t = o.timeoutMs;
    if (typeof t === 'number' && Number.isInteger(t) && t >= 1 && t <= MAX_PUSH_TIMEOUT_MS) out.timeoutMs = t;
    else
      problems.push(
        `option "prometheus.pushgateway.timeoutMs" must be a whole number from 1 to ${MAX_PUSH_TIMEOUT_MS}, got ${describeValue(t)}; using ${DEFAULT_PUSH_TIMEOUT_MS}`,
      );
  }
  if (o.grouping !== undefined) out.grouping = resolveGrouping(o.grouping, problems);
  return out;
}

function resolveGrouping(input: unknown, problems: string[]): Record<string, string> {
  if (!isPlainObject(input)) {
    problems.push(
      `option "prometheus.pushgateway.grouping" must be an object of label → value, got ${describeValue(input)}`,
    );
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!LABEL_NAME.test(k) || k.startsWith('__') || k === 'job') {
      problems.push(
        `option "prometheus.pushgateway.grouping": "${k}" is not a usable label name (job is set by "job")`,
      );
    } else if (typeof v !== 'string' || !v) {
      problems.push(
        `option "prometheus.pushgateway.grouping.${k}" must be a non-empty string, got ${describeValue(v)}`,
      );
    } else out[k] = v;
  }
  return out;
}

function resolvePerTest(input: unknown, options: ResolvedPrometheus, problems: string[]): void {
  if (!isPlainObject(input)) {
    problems.push(`option "prometheus.perTest" must be an object, got ${describeValue(input)}`);
    return;
  }
  for (const key of Object.keys(input)) {
    if (key !== 'slowest' && key !== 'allow')
      problems.push(`unknown option "prometheus.perTest.${key}"; known: slowest, allow`);
  }
  const n = input.slowest;
  if (n !== undefined) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_SLOWEST_TESTS) options.perTest.slowest = n;
    else
      problems.push(
        `option "prometheus.perTest.slowest" must be a whole number from 0 to ${MAX_SLOWEST_TESTS}, got ${describeValue(n)}; using ${DEFAULT_SLOWEST_TESTS}`,
      );
  }
  const allow = input.allow;
  if (allow !== undefined) {
    if (Array.isArray(allow) && allow.every((g) => typeof g === 'string' && g))
      options.perTest.allow = allow as string[];
    else
      problems.push(
        `option "prometheus.perTest.allow" must be an array of non-empty glob strings, got ${describeValue(allow)}`,
      );
  }
}

function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
