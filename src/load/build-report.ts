// Builds the load report from the run's mergeable data (pure): flags the windows where the
// generator was saturated, summarises the trusted windows, evaluates thresholds, analyses
// scalability. Merged segments go through the same function, so a merge is re-evaluated exactly.
import {
  LOAD_REPORT_KIND,
  LOAD_REPORT_VERSION,
  type LoadRawData,
  type LoadReport,
  type LoadWindow,
  type MetricSummary,
} from '../types/load';
import { aggregate } from './aggregate';
import type { ResolvedThreshold } from './resolved';
import { analyseScalability } from './scalability';
import { summarizeSketch } from './sketch';
import { evaluateThresholds } from './thresholds';
import { parseThreshold } from './threshold-parse';

export interface LoadReportMeta {
  runId: string;
  startedAt: string;
  startTime: number;
  file: string;
  segments: string[];
  workers: number;
  remoteBrowsers: string[];
  interrupted: boolean;
  interruptReason?: 'sigint' | 'abort-on-fail';
  thresholds: ResolvedThreshold[];
  scalabilityMetric: string;
  /** Limits for flagging windows; absent when merging (the flags are already in the windows). */
  generatorLimits?: { maxCpu: number; maxEventLoopDelayMs: number };
}

export function flagSaturated(windows: LoadWindow[], limits: { maxCpu: number; maxEventLoopDelayMs: number }): void {
  for (const w of windows) {
    const g = w.generator;
    if (g && (g.cpu > limits.maxCpu || g.eventLoopP99Ms > limits.maxEventLoopDelayMs)) w.saturated = true;
  }
}

/** Thresholds back from a report's `thresholdSpec` (for merges). */
export function thresholdsFromSpec(spec: LoadReport['thresholdSpec']): ResolvedThreshold[] {
  const out: ResolvedThreshold[] = [];
  for (const [metric, list] of Object.entries(spec)) {
    for (const t of list) {
      const p = parseThreshold(t.threshold);
      if (typeof p !== 'string') out.push({ ...p, metric, abortOnFail: t.abortOnFail, delayAbortEvalMs: 0 });
    }
  }
  return out;
}

export function buildLoadReport(raw: LoadRawData, meta: LoadReportMeta): LoadReport {
  if (meta.generatorLimits) flagSaturated(raw.windows, meta.generatorLimits);
  const lastWindowMs = raw.durationMs - Math.floor(raw.durationMs / raw.windowMs) * raw.windowMs || raw.windowMs;
  const all = aggregate(raw.windows, raw.windowMs, raw.relativeAccuracy, lastWindowMs);
  const trustedWindows = raw.windows.filter((w) => !w.saturated);
  const includeSaturated = trustedWindows.length === 0;
  const trusted = includeSaturated ? all : aggregate(trustedWindows, raw.windowMs, raw.relativeAccuracy, lastWindowMs);
  const metrics: Record<string, MetricSummary> = {};
  for (const k of [...trusted.sketches.keys()].sort()) metrics[k] = summarizeSketch(trusted.sketches.get(k)!);
  // A metric seen only while the generator was saturated is still shown, with a warning, rather than hidden.
  const onlySaturated = [...all.sketches.keys()].filter((k) => !trusted.sketches.has(k)).sort();
  for (const k of onlySaturated) metrics[k] = summarizeSketch(all.sketches.get(k)!);

  // Latency thresholds use trusted windows; counts and error rates use every window.
  const thresholds = meta.thresholds.map((t) => {
    const latency = t.aggregation.kind !== 'count' && t.aggregation.kind !== 'rate';
    const untrusted = latency && onlySaturated.includes(t.metric);
    const v = evaluateThresholds([t], latency && !untrusted ? trusted : all)[0];
    return untrusted
      ? { ...v, reason: `${v.reason} (only measured while the generator was saturated: not trustworthy)` }
      : v;
  });
  const saturated = raw.windows.length - trustedWindows.length;
  const warnings = [...raw.warnings];
  if (saturated) {
    warnings.push(
      `the load generator was saturated in ${saturated} of ${raw.windows.length} windows (CPU or event-loop ` +
        `delay over the limit): ${
          includeSaturated
            ? 'EVERY window was, so the timings below are inflated by the ' +
              'generator and do not describe the app — use fewer VUs per machine or more machines'
            : 'their timings are excluded from the summaries'
        }`,
    );
  }
  if (onlySaturated.length && !includeSaturated) {
    warnings.push(`measured only in saturated windows (inflated by the generator): ${onlySaturated.join(', ')}`);
  }
  const seconds = all.seconds || 1;
  const thresholdFailed = thresholds.some((t) => !t.ok);
  const spec: LoadReport['thresholdSpec'] = {};
  for (const t of meta.thresholds) (spec[t.metric] ??= []).push({ threshold: t.source, abortOnFail: t.abortOnFail });
  const gens = raw.windows.map((w) => w.generator).filter((g) => g !== undefined);
  return {
    kind: LOAD_REPORT_KIND,
    schemaVersion: LOAD_REPORT_VERSION,
    runId: meta.runId,
    startedAt: meta.startedAt,
    startTime: meta.startTime,
    status:
      meta.interruptReason === 'sigint'
        ? 'interrupted'
        : meta.interruptReason === 'abort-on-fail'
          ? 'aborted'
          : thresholdFailed
            ? 'failed'
            : 'passed',
    interrupted: meta.interrupted,
    ...(meta.interruptReason ? { interruptReason: meta.interruptReason } : {}),
    file: meta.file,
    segments: meta.segments,
    workers: meta.workers,
    remoteBrowsers: meta.remoteBrowsers,
    thresholdSpec: spec,
    scalabilityMetric: meta.scalabilityMetric,
    metrics,
    metricsIncludeSaturated: includeSaturated,
    totals: {
      iterations: all.iterations,
      failed: all.failed,
      dropped: all.dropped,
      interrupted: all.interrupted,
      flows: all.flows,
      iterationsPerSecond: Math.round((all.iterations / seconds) * 100) / 100,
      flowsPerSecond: Math.round((all.flows / seconds) * 100) / 100,
      errorRate: all.iterations ? Math.round((all.failed / all.iterations) * 10000) / 10000 : 0,
      errors: all.errors,
    },
    thresholds,
    scalability: analyseScalability(
      includeSaturated ? raw.windows : trustedWindows,
      raw.windowMs,
      raw.relativeAccuracy,
      meta.scalabilityMetric,
      meta.thresholds,
    ),
    generator: {
      saturatedWindows: saturated,
      windows: raw.windows.length,
      maxCpu: Math.max(0, ...gens.map((g) => g.cpu)),
      maxEventLoopP99Ms: Math.max(0, ...gens.map((g) => g.eventLoopP99Ms)),
    },
    warnings,
    raw,
  };
}
