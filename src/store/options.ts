// Validation of the `history` reporter option. Like every option, a bad value is reported by name
// and falls back to its default; the run goes on. (`budgets` and `gate`: src/analyze/budgets/options.ts.)
import type { HistoryOptions } from '../types';
import { describeValue, isPlainObject } from '../util/describe-value';
import { DEFAULT_FDR, DEFAULT_MIN_ABS_CHANGE_MS, DEFAULT_MIN_CHANGE } from '../analyze/history/regression';
import { DEFAULT_BASELINE_RUNS } from '../analyze/history/baseline';
import { DEFAULT_KEEP_DAYS, DEFAULT_KEEP_RUNS } from './retention';

/** Relative to the folder of playwright.config (the reporter's rootDir). */
export const DEFAULT_HISTORY_PATH = '.playwright-perf/history.json';

export interface ResolvedHistoryOptions {
  path: string;
  keepRuns: number;
  keepDays: number;
  baseline: NonNullable<HistoryOptions['baseline']>;
  minChange: number;
  fdr: number;
  minAbsChangeMs: number;
}

const HISTORY_KEYS = ['path', 'keepRuns', 'keepDays', 'baseline', 'minChange', 'fdr', 'minAbsChangeMs'];

export function defaultHistoryOptions(): ResolvedHistoryOptions {
  return { path: DEFAULT_HISTORY_PATH, keepRuns: DEFAULT_KEEP_RUNS, keepDays: DEFAULT_KEEP_DAYS, baseline: { previous: DEFAULT_BASELINE_RUNS }, minChange: DEFAULT_MIN_CHANGE, fdr: DEFAULT_FDR, minAbsChangeMs: DEFAULT_MIN_ABS_CHANGE_MS };
}


/** `history: false` turns history off; undefined or an object turns it on. */
export function resolveHistoryOptions(input: unknown): { history: ResolvedHistoryOptions | false; problems: string[] } {
  const problems: string[] = [];
  const out = defaultHistoryOptions();
  if (input === false) return { history: false, problems };
  if (input === undefined) return { history: out, problems };
  if (!isPlainObject(input)) {
    problems.push(`option "history" must be an object of history options, or false to turn history off (e.g. { path, keepRuns, keepDays, baseline, minChange, fdr }), got ${describeValue(input)}; using the defaults`);
    return { history: out, problems };
  }
  for (const k of Object.keys(input)) if (!HISTORY_KEYS.includes(k)) problems.push(`unknown option "history.${k}" (known: ${HISTORY_KEYS.join(', ')})`);
  if (input.path !== undefined) {
    if (typeof input.path === 'string' && input.path.trim()) out.path = input.path;
    else problems.push(`option "history.path" must be a non-empty string, got ${describeValue(input.path)}`);
  }
  const posInt = (k: 'keepRuns' | 'keepDays') => {
    if (input[k] === undefined) return;
    if (Number.isInteger(input[k]) && (input[k] as number) > 0) out[k] = input[k] as number;
    else problems.push(`option "history.${k}" must be a positive integer, got ${describeValue(input[k])}`);
  };
  posInt('keepRuns'); posInt('keepDays');
  const fraction = (k: 'minChange' | 'fdr', max: number) => {
    if (input[k] === undefined) return;
    const v = input[k];
    if (typeof v === 'number' && v >= 0 && v <= max && (k === 'minChange' || v > 0)) out[k] = v;
    else problems.push(`option "history.${k}" must be a number ${k === 'fdr' ? 'above 0' : 'from 0'} to ${max} (e.g. ${k === 'fdr' ? '0.05' : '0.05 = 5 %'}), got ${describeValue(v)}`);
  };
  fraction('minChange', 10); fraction('fdr', 0.5);
  if (input.minAbsChangeMs !== undefined) {
    const v = input.minAbsChangeMs;
    if (typeof v === 'number' && v >= 0 && Number.isFinite(v)) out.minAbsChangeMs = v;
    else problems.push(`option "history.minAbsChangeMs" must be a number ≥ 0 (milliseconds), got ${describeValue(v)}`);
  }
  if (input.baseline !== undefined) {
    const b = input.baseline;
    const keys = isPlainObject(b) ? Object.keys(b) : [];
    if (isPlainObject(b) && keys.length === 1 && keys[0] === 'previous' && Number.isInteger(b.previous) && (b.previous as number) > 0) out.baseline = { previous: b.previous as number };
    else if (isPlainObject(b) && keys.length === 1 && keys[0] === 'pinned' && typeof b.pinned === 'string' && b.pinned) out.baseline = { pinned: b.pinned };
    else if (isPlainObject(b) && keys.length === 1 && keys[0] === 'runId' && typeof b.runId === 'string' && b.runId) out.baseline = { runId: b.runId };
    else problems.push(`option "history.baseline" must be one of { previous: <positive integer> }, { pinned: "<name>" }, { runId: "<id>" }, got ${describeValue(b)}`);
  }
  return { history: out, problems };
}
