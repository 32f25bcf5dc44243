// Reporter option validation. Bad input never stops the run: each problem is reported naming the
// option, and that option falls back to its default.
import type { PerfReporterOptions } from '../types';
import { resolveBudgets, resolveGate, resolveHistoryOptions } from '../store/options';

export const DEFAULT_OUTPUT_DIR = 'perf-report';
export const DEFAULT_SAMPLE_INTERVAL_MS = 500;

export interface ResolvedOptions extends PerfReporterOptions {
  outputDir: string;
  html: boolean;
  json: boolean;
  summary: boolean;
  slowest: number;
  sampleIntervalMs: number | false;
}

const KNOWN_KEYS = new Set(['outputDir', 'html', 'json', 'summary', 'slowest', 'sampleIntervalMs', 'labels', 'history', 'budgets', 'gate', 'recommendations']);

export function resolveOptions(input: unknown): { options: ResolvedOptions; problems: string[] } {
  const problems: string[] = [];
  const options: ResolvedOptions = {
    outputDir: DEFAULT_OUTPUT_DIR, html: true, json: true, summary: true, slowest: 10, sampleIntervalMs: DEFAULT_SAMPLE_INTERVAL_MS,
  };
  if (input === undefined || input === null) return { options, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push(`reporter options must be an object, got ${Array.isArray(input) ? 'an array' : typeof input}`);
    return { options, problems };
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    // Playwright itself adds `configDir` and private `_…` keys to every reporter's options.
    if (key === 'configDir' || key.startsWith('_')) continue;
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown option "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  const bool = (key: 'html' | 'json' | 'summary') => {
    if (o[key] === undefined) return;
    if (typeof o[key] === 'boolean') options[key] = o[key] as boolean;
    else problems.push(`option "${key}" must be true or false, got ${JSON.stringify(o[key])}`);
  };
  bool('html'); bool('json'); bool('summary');
  if (o.outputDir !== undefined) {
    if (typeof o.outputDir === 'string' && o.outputDir.trim()) options.outputDir = o.outputDir;
    else problems.push(`option "outputDir" must be a non-empty string, got ${JSON.stringify(o.outputDir)}`);
  }
  if (o.slowest !== undefined) {
    if (Number.isInteger(o.slowest) && (o.slowest as number) > 0) options.slowest = o.slowest as number;
    else problems.push(`option "slowest" must be a positive integer, got ${JSON.stringify(o.slowest)}`);
  }
  if (o.sampleIntervalMs !== undefined) {
    const v = o.sampleIntervalMs;
    if (v === false || (typeof v === 'number' && v >= 100 && v <= 60000)) options.sampleIntervalMs = v as number | false;
    else problems.push(`option "sampleIntervalMs" must be a number from 100 to 60000 or false, got ${JSON.stringify(v)}`);
  }
  if (o.labels !== undefined) {
    if (o.labels && typeof o.labels === 'object' && !Array.isArray(o.labels) && Object.values(o.labels).every((v) => typeof v === 'string')) options.labels = o.labels as Record<string, string>;
    else problems.push('option "labels" must be an object of strings');
  }
  // history / budgets / gate: inner keys validated by src/store/options.ts.
  if (o.history !== undefined) { const r = resolveHistoryOptions(o.history); options.history = r.history; problems.push(...r.problems); }
  if (o.budgets !== undefined) { const r = resolveBudgets(o.budgets); options.budgets = r.budgets; problems.push(...r.problems); }
  if (o.gate !== undefined) { const r = resolveGate(o.gate); options.gate = r.gate; problems.push(...r.problems); }
  for (const key of ['recommendations'] as const) {
    if (o[key] !== undefined) (options as unknown as Record<string, unknown>)[key] = o[key];
  }
  return { options, problems };
}
