// Pure mapping of a Lighthouse result (lhr) to our LighthouseResult contract, and budget checks.
import type { LighthouseResult } from '../types';
import { FAILING_AUDIT_SCORE, LIGHTHOUSE_CATEGORIES, MAX_FAILING_AUDITS } from './constants';
import type { Lhr } from './lighthouse-types';
import { round } from '../util/round';

type MetricKey = keyof LighthouseResult['metrics'];

/** Our metric key → Lighthouse audit id. */
export const METRIC_AUDITS: Record<MetricKey, string> = {
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
  fcpMs: 'first-contentful-paint',
  ttiMs: 'interactive',
  inpMs: 'interaction-to-next-paint',
};

export const METRIC_LABELS: Record<MetricKey, string> = {
  lcpMs: 'LCP',
  tbtMs: 'TBT',
  cls: 'CLS',
  siMs: 'Speed Index',
  fcpMs: 'FCP',
  ttiMs: 'TTI',
  inpMs: 'INP',
};

/** Thresholds: a category id → minimum score 0..100; a metric key → maximum (ms, CLS unitless). */
export type LighthouseThresholds = Partial<Record<(typeof LIGHTHOUSE_CATEGORIES)[number] | MetricKey, number>>;

export const THRESHOLD_KEYS: string[] = [...LIGHTHOUSE_CATEGORIES, ...Object.keys(METRIC_AUDITS)];

/** Throws a readable error for unknown keys or non-numbers (bad input gets a clear error). */
export function validateThresholds(t: unknown): LighthouseThresholds {
  if (t === undefined) return {};
  if (!t || typeof t !== 'object' || Array.isArray(t))
    throw new Error('lighthouse thresholds must be an object like { performance: 90, lcpMs: 2500 }');
  for (const [k, v] of Object.entries(t)) {
    if (!THRESHOLD_KEYS.includes(k))
      throw new Error(`unknown lighthouse threshold "${k}"; known: ${THRESHOLD_KEYS.join(', ')}`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new Error(`lighthouse threshold "${k}" must be a non-negative number, got ${JSON.stringify(v)}`);
    if ((LIGHTHOUSE_CATEGORIES as readonly string[]).includes(k) && v > 100)
      throw new Error(`lighthouse threshold "${k}" is a score 0..100, got ${v}`);
  }
  return t as LighthouseThresholds;
}

export interface MapContext {
  url: string;
  durationMs: number;
  startTime: number;
  artifacts?: { html?: string; json?: string };
}

export function mapLhr(lhr: Lhr, ctx: MapContext): LighthouseResult {
  const scores: Record<string, number | null> = {};
  for (const [id, c] of Object.entries(lhr.categories))
    scores[id] = c.score === null ? null : Math.round(c.score * 100);
  const metrics: LighthouseResult['metrics'] = {};
  for (const [key, auditId] of Object.entries(METRIC_AUDITS) as Array<[MetricKey, string]>) {
    const v = lhr.audits[auditId]?.numericValue;
    if (typeof v === 'number' && Number.isFinite(v)) metrics[key] = key === 'cls' ? round(v, 3) : Math.round(v);
  }
  return {
    url: ctx.url,
    ...(lhr.finalDisplayedUrl && lhr.finalDisplayedUrl !== ctx.url ? { finalUrl: lhr.finalDisplayedUrl } : {}),
    mode: lhr.gatherMode,
    formFactor: lhr.configSettings.formFactor,
    lighthouseVersion: lhr.lighthouseVersion,
    scores,
    metrics,
    failingAudits: failingAudits(lhr),
    ...(ctx.artifacts ? { artifacts: ctx.artifacts } : {}),
    ...(lhr.runWarnings?.length ? { warnings: lhr.runWarnings.slice(0, 10) } : {}),
    durationMs: Math.round(ctx.durationMs),
    startTime: ctx.startTime,
  };
}

/** Audits of the audited categories that score below Lighthouse's pass mark, heaviest first. */
export function failingAudits(lhr: Lhr): LighthouseResult['failingAudits'] {
  const weight = new Map<string, number>();
  for (const c of Object.values(lhr.categories)) {
    for (const ref of c.auditRefs) weight.set(ref.id, Math.max(weight.get(ref.id) ?? 0, ref.weight));
  }
  const out: Array<LighthouseResult['failingAudits'][number] & { w: number }> = [];
  for (const id of weight.keys()) {
    const a = lhr.audits[id];
    if (!a || a.score === null || a.score >= FAILING_AUDIT_SCORE) continue;
    if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
    out.push({
      id,
      title: a.title,
      score: a.score,
      ...(a.displayValue ? { displayValue: a.displayValue } : {}),
      w: weight.get(id) ?? 0,
    });
  }
  out.sort((a, b) => b.w - a.w || (a.score ?? 0) - (b.score ?? 0) || a.id.localeCompare(b.id));
  return out.slice(0, MAX_FAILING_AUDITS).map(({ w: _w, ...rest }) => rest);
}

/** Compares a result with thresholds. A threshold whose value was not measured counts as a breach:
 *  a budget the audit could not check must not pass silently. */
export function checkThresholds(
  r: LighthouseResult,
  t: LighthouseThresholds,
): NonNullable<LighthouseResult['thresholds']> {
  const out: NonNullable<LighthouseResult['thresholds']> = [];
  for (const [key, limit] of Object.entries(t) as Array<[string, number]>) {
    if ((LIGHTHOUSE_CATEGORIES as readonly string[]).includes(key)) {
      const actual = r.scores[key] ?? null;
      out.push({ key, limit, actual, ok: actual !== null && actual >= limit });
    } else {
      const actual = r.metrics[key as MetricKey] ?? null;
      out.push({ key, limit, actual, ok: actual !== null && actual <= limit });
    }
  }
  return out;
}

function fmt(key: string, v: number | null): string {
  if (v === null) return 'not measured';
  if (key === 'cls') return String(v);
  if (key.endsWith('Ms')) return `${Math.round(v)} ms`;
  return String(v);
}

/** "Lighthouse budget not met for <url>: performance score 45 < 90; LCP 3400 ms > 2500 ms". */
export function thresholdFailureMessage(r: LighthouseResult): string | undefined {
  const bad = (r.thresholds ?? []).filter((t) => !t.ok);
  if (bad.length === 0) return undefined;
  const lines = bad.map((t) => {
    if ((LIGHTHOUSE_CATEGORIES as readonly string[]).includes(t.key)) {
      return t.actual === null
        ? `${t.key} score not measured (is "${t.key}" among the audited categories?), needs ≥ ${t.limit}`
        : `${t.key} score ${t.actual} < ${t.limit}`;
    }
    const label = METRIC_LABELS[t.key as MetricKey] ?? t.key;
    return t.actual === null
      ? `${label} not measured (needs ≤ ${fmt(t.key, t.limit)})`
      : `${label} ${fmt(t.key, t.actual)} > ${fmt(t.key, t.limit)}`;
  });
  const top = r.failingAudits.slice(0, 3).map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return (
    `Lighthouse budget not met for ${r.url} (${r.mode}, ${r.formFactor}):\n` +
    lines.map((l) => `  - ${l}`).join('\n') +
    (top.length ? `\n  top failing audits: ${top.join('; ')}` : '') +
    (r.artifacts?.html ? `\n  full report: ${r.artifacts.html}` : '')
  );
}
