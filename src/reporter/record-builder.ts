// Converts Playwright's reporter objects (TestCase, TestResult, TestStep) into plain run-record
// data. Pure mapping plus attachment decoding; no I/O.
import { relative, sep } from 'node:path';
import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import type { PerfError, StepRecord, TestRecord, TestResultRecord } from '../types';
import { decodePerfAttachments, isPerfAttachment } from './decode-attachments';
import { normalizeLegacyStep } from './legacy-step-title';

/** Longest string kept from untrusted test output (titles in params, error messages, stacks). */
export const MAX_TEXT = 4000;
const MAX_PARAM = 500;

export function truncate(s: string, max = MAX_TEXT): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}

function stringifyParam(v: unknown): string {
  if (typeof v === 'string') return truncate(v, MAX_PARAM);
  try {
    return truncate(JSON.stringify(v) ?? String(v), MAX_PARAM);
  } catch {
    return truncate(String(v), MAX_PARAM);
  }
}

export function stepToRecord(step: TestStep): StepRecord {
  const rec: StepRecord = {
    title: truncate(step.title, MAX_PARAM),
    category: step.category,
    startTime: step.startTime.getTime(),
    durationMs: Math.max(0, step.duration),
    steps: step.steps.map(stepToRecord),
  };
  const params = (step as { params?: Record<string, unknown> }).params;
  if (params && typeof params === 'object') {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = stringifyParam(v);
    if (Object.keys(out).length) rec.params = out;
  } else {
    // Playwright < 1.63: no params, the url/locator are in the title.
    const legacy = normalizeLegacyStep(step.category, step.title);
    if (legacy) {
      rec.title = truncate(legacy.title, MAX_PARAM);
      if (legacy.params) {
        rec.params = Object.fromEntries(Object.entries(legacy.params).map(([k, v]) => [k, stringifyParam(v)]));
      }
    }
  }
  if (step.location) rec.location = `${step.location.file}:${step.location.line}`;
  if (step.error?.message) rec.error = truncate(step.error.message);
  return rec;
}

export function relativeFile(rootDir: string, file: string): string {
  const rel = rootDir ? relative(rootDir, file) : file;
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

export function resultToRecord(result: TestResult, errors: PerfError[], testId: string): TestResultRecord {
  const rec: TestResultRecord = {
    retry: result.retry,
    status: result.status,
    workerIndex: result.workerIndex,
    parallelIndex: result.parallelIndex,
    startTime: result.startTime.getTime(),
    durationMs: Math.max(0, result.duration),
    errors: result.errors.map((e) => ({
      message: truncate(e.message ?? e.value ?? 'error'),
      ...(e.stack ? { stack: truncate(e.stack) } : {}),
      ...(e.location ? { location: `${e.location.file}:${e.location.line}` } : {}),
    })),
    steps: result.steps.map(stepToRecord),
    attachments: result.attachments
      .filter((a) => !isPerfAttachment(a))
      .map((a) => ({
        name: truncate(a.name, MAX_PARAM),
        contentType: a.contentType,
        ...(a.path ? { path: a.path } : {}),
        ...(a.body ? { bytes: a.body.length } : {}),
      })),
  };
  // Set by Playwright on results replayed by merge-reports (not in the public typings).
  const shardIndex = (result as { shardIndex?: number }).shardIndex;
  if (typeof shardIndex === 'number') rec.shardIndex = shardIndex;
  const perf = decodePerfAttachments(result.attachments, errors, testId);
  if (perf) rec.perf = perf;
  return rec;
}

export function testToRecord(test: TestCase, rootDir: string): TestRecord {
  const titlePath = test.titlePath();
  // titlePath() = ['', project, file, ...describes, title]: keep describes and title only.
  const inner = titlePath.slice(3);
  return {
    id: test.id,
    file: relativeFile(rootDir, test.location.file),
    line: test.location.line,
    column: test.location.column,
    titlePath: inner.length ? inner : [test.title],
    title: test.title,
    project: test.parent.project()?.name ?? '',
    expectedStatus: test.expectedStatus,
    outcome: test.outcome(),
    timeoutMs: test.timeout,
    annotations: test.annotations.map((a) => ({
      type: a.type,
      ...(a.description !== undefined ? { description: truncate(String(a.description)) } : {}),
    })),
    tags: [...(test.tags ?? [])],
    ...(test.repeatEachIndex > 0 ? { repeatEachIndex: test.repeatEachIndex } : {}),
    results: [],
  };
}
