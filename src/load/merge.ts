// Merges the reports of segments run separately (`--segment 1/2` and `2/2` on two machines, a CI
// matrix) into one: counts add, sketches merge bucket by bucket (exact), windows align by time
// since each segment's start, then the report is rebuilt — thresholds re-evaluated on the whole.
import { randomUUID } from 'node:crypto';
import { LOAD_REPORT_KIND, LOAD_REPORT_VERSION, type LoadReport } from '../types/load';
import { isPlainObject } from '../util/describe-value';
import { buildLoadReport, thresholdsFromSpec } from './build-report';
import { LoadRecorder } from './recorder';

export class LoadMergeError extends Error {}

export function checkLoadReport(value: unknown, name: string): LoadReport {
  if (!isPlainObject(value) || value.kind !== LOAD_REPORT_KIND) {
    throw new LoadMergeError(`${name}: not a playwright-perf load report (kind must be "${LOAD_REPORT_KIND}")`);
  }
  if (value.schemaVersion !== LOAD_REPORT_VERSION) {
    throw new LoadMergeError(
      `${name}: schemaVersion ${String(value.schemaVersion)} is not supported (expected ${LOAD_REPORT_VERSION})`,
    );
  }
  if (!isPlainObject(value.raw) || !Array.isArray((value.raw as { windows?: unknown }).windows)) {
    throw new LoadMergeError(`${name}: raw.windows is missing; the report cannot be merged`);
  }
  return value as unknown as LoadReport;
}

export function mergeLoadReports(reports: LoadReport[]): LoadReport {
  if (reports.length === 0) throw new LoadMergeError('nothing to merge');
  const first = reports[0];
  const seen = new Set<string>();
  for (const r of reports) {
    for (const s of r.segments) {
      if (seen.has(s)) throw new LoadMergeError(`segment ${s} appears twice: each segment must be merged once`);
      seen.add(s);
    }
    if (r.file !== first.file)
      throw new LoadMergeError(`reports come from different load tests: ${first.file} and ${r.file}`);
  }
  const merged = new LoadRecorder(first.raw.windowMs, first.raw.relativeAccuracy);
  for (const r of reports) merged.absorb(r.raw);
  const interrupted = reports.find((r) => r.interrupted);
  return buildLoadReport(merged.snapshot(), {
    runId: randomUUID(),
    startedAt: first.startedAt,
    startTime: Math.min(...reports.map((r) => r.startTime)),
    file: first.file,
    segments: [...seen].sort(),
    workers: reports.reduce((n, r) => n + r.workers, 0),
    remoteBrowsers: [...new Set(reports.flatMap((r) => r.remoteBrowsers))],
    interrupted: !!interrupted,
    ...(interrupted?.interruptReason ? { interruptReason: interrupted.interruptReason } : {}),
    thresholds: thresholdsFromSpec(first.thresholdSpec),
    scalabilityMetric: first.scalabilityMetric,
  });
}
