// Options of one audit (fixture `perf.lighthouse(page, options)` and CLI), validated up front so a
// typo is a clear error naming the option instead of a silently different audit.
import {
  DEFAULT_AUDIT_TIMEOUT_MS,
  DEFAULT_CATEGORIES,
  DEFAULT_LOCK_TIMEOUT_MS,
  LIGHTHOUSE_CATEGORIES,
} from './constants';
import { validateThresholds, type LighthouseThresholds } from './map-result';

export type ThrottlingMethod = 'simulate' | 'devtools' | 'provided';

export interface LighthouseAuditOptions {
  /** URL to audit. Default: the page's current URL. */
  url?: string;
  /** Lighthouse categories. Default ['performance']. */
  categories?: string[];
  /** Minimum category scores (0..100) and maximum metrics (lcpMs, tbtMs, cls, siMs, fcpMs, ttiMs, inpMs).
   *  A breach fails the test with a message listing every breach. */
  thresholds?: LighthouseThresholds;
  /** Default 'mobile' (Lighthouse's default, what PageSpeed Insights shows). */
  formFactor?: 'mobile' | 'desktop';
  /** Lighthouse throttlingMethod. 'simulate' (default) loads unthrottled and models a slow network/CPU;
   *  'provided' = no throttling (numbers as measured on this machine); 'devtools' = real throttling (slow). */
  throttling?: ThrottlingMethod;
  /** Copy the test context's cookies and localStorage into the audit browser. Default true. */
  shareStorage?: boolean;
  /** Extra HTTP headers for every request of the audit (e.g. an auth header the app uses). */
  extraHeaders?: Record<string, string>;
  /** Per-audit timeout (ms). Default 90 000. */
  timeoutMs?: number;
  /** How long to wait for another worker's audit (ms). Default 180 000. */
  lockTimeoutMs?: number;
  /** A label stored with the result (several audits in one test). */
  name?: string;
  /** Save the full HTML and JSON reports into the test's output folder and attach them. Default true. */
  saveReports?: boolean;
  /** 'throw' (default): an audit that cannot run fails the test. 'warn': it is recorded as a
   *  playwright-perf warning and the call returns null. Threshold breaches always throw. */
  onError?: 'throw' | 'warn';
  /** Extra Chromium flags for the audit browser. */
  chromiumFlags?: string[];
}

export interface ResolvedAuditOptions extends Required<Omit<LighthouseAuditOptions, 'url' | 'name' | 'extraHeaders'>> {
  url?: string;
  name?: string;
  extraHeaders?: Record<string, string>;
  thresholds: LighthouseThresholds;
}

const KNOWN = [
  'url',
  'categories',
  'thresholds',
  'formFactor',
  'throttling',
  'shareStorage',
  'extraHeaders',
  'timeoutMs',
  'lockTimeoutMs',
  'name',
  'saveReports',
  'onError',
  'chromiumFlags',
];

function positiveInt(name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
    throw new Error(`lighthouse option "${name}" must be a positive number of ms, got ${JSON.stringify(v)}`);
  return v;
}

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!allowed.includes(v as T))
    throw new Error(
      `lighthouse option "${name}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v)}`,
    );
  return v as T;
}

export function resolveAuditOptions(input: unknown): ResolvedAuditOptions {
  const o = (input ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || Array.isArray(o)) throw new Error('lighthouse options must be an object');
  for (const k of Object.keys(o)) {
    if (!KNOWN.includes(k)) throw new Error(`unknown lighthouse option "${k}"; known: ${KNOWN.join(', ')}`);
  }
  const categories = o.categories === undefined ? [...DEFAULT_CATEGORIES] : o.categories;
  if (!Array.isArray(categories) || categories.length === 0)
    throw new Error('lighthouse option "categories" must be a non-empty array');
  for (const c of categories) {
    if (!(LIGHTHOUSE_CATEGORIES as readonly string[]).includes(c))
      throw new Error(`unknown lighthouse category "${c}"; known: ${LIGHTHOUSE_CATEGORIES.join(', ')}`);
  }
  if (o.url !== undefined && (typeof o.url !== 'string' || !/^https?:\/\//.test(o.url)))
    throw new Error(`lighthouse option "url" must be an http(s) URL, got ${JSON.stringify(o.url)}`);
  if (
    o.extraHeaders !== undefined &&
    (typeof o.extraHeaders !== 'object' ||
      o.extraHeaders === null ||
      Object.values(o.extraHeaders).some((v) => typeof v !== 'string'))
  ) {
    throw new Error('lighthouse option "extraHeaders" must be an object of strings');
  }
  if (
    o.chromiumFlags !== undefined &&
    (!Array.isArray(o.chromiumFlags) || o.chromiumFlags.some((f) => typeof f !== 'string'))
  ) {
    throw new Error('lighthouse option "chromiumFlags" must be an array of strings');
  }
  return {
    ...(o.url ? { url: o.url as string } : {}),
    categories: categories as string[],
    thresholds: validateThresholds(o.thresholds),
    formFactor: oneOf('formFactor', o.formFactor, ['mobile', 'desktop'] as const, 'mobile'),
    throttling: oneOf('throttling', o.throttling, ['simulate', 'devtools', 'provided'] as const, 'simulate'),
    shareStorage: o.shareStorage === undefined ? true : Boolean(o.shareStorage),
    ...(o.extraHeaders ? { extraHeaders: o.extraHeaders as Record<string, string> } : {}),
    timeoutMs: positiveInt('timeoutMs', o.timeoutMs, DEFAULT_AUDIT_TIMEOUT_MS),
    lockTimeoutMs: positiveInt('lockTimeoutMs', o.lockTimeoutMs, DEFAULT_LOCK_TIMEOUT_MS),
    ...(o.name !== undefined ? { name: String(o.name) } : {}),
    saveReports: o.saveReports === undefined ? true : Boolean(o.saveReports),
    onError: oneOf('onError', o.onError, ['throw', 'warn'] as const, 'throw'),
    chromiumFlags: (o.chromiumFlags as string[] | undefined) ?? [],
  };
}

/** Lighthouse flags + config for these options. `port` is the audit Chromium's debugging port. */
export function lighthouseSettings(
  o: ResolvedAuditOptions,
  port: number,
  desktopConfig: Record<string, unknown>,
): { flags: Record<string, unknown>; config?: Record<string, unknown> } {
  const flags: Record<string, unknown> = {
    port,
    hostname: '127.0.0.1',
    logLevel: 'error',
    output: 'json',
    onlyCategories: o.categories,
    throttlingMethod: o.throttling,
    // Leave Lighthouse a margin to finish its own work before our per-audit timeout.
    maxWaitForLoad: Math.max(5_000, Math.min(45_000, o.timeoutMs - 15_000)),
    ...(o.extraHeaders ? { extraHeaders: o.extraHeaders } : {}),
  };
  return o.formFactor === 'desktop' ? { flags, config: desktopConfig } : { flags };
}
