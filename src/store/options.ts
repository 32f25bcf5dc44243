// Validation of the `history`, `budgets` and `gate` reporter options. Like every option, a bad value
// is reported by name and falls back to its default; the run goes on.
import type { BudgetRule, GateOptions, HistoryOptions } from '../types';
import { describeValue, isPlainObject } from '../util/describe-value';
import { parseBudget } from '../analyze/budgets';
import { DEFAULT_FDR, DEFAULT_MIN_ABS_CHANGE_MS, DEFAULT_MIN_CHANGE } from '../analyze/regression';
import { DEFAULT_BASELINE_RUNS } from '../analyze/baseline';
import { DEFAULT_MIN_BASELINE_RUNS, DEFAULT_MIN_GATE_SAMPLES } from '../analyze/gate';
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

export function resolveBudgets(input: unknown): { budgets: BudgetRule[]; problems: string[] } {
  const problems: string[] = [];
  if (input === undefined) return { budgets: [], problems };
  if (!Array.isArray(input)) return { budgets: [], problems: [`option "budgets" must be an array of budget rules (strings or { rule, match?, severity? }), got ${describeValue(input)}`] };
  const budgets: BudgetRule[] = [];
  input.forEach((raw, i) => {
    const rule: BudgetRule | undefined = typeof raw === 'string' ? { rule: raw } : isPlainObject(raw) ? (raw as unknown as BudgetRule) : undefined;
    if (!rule) { problems.push(`option "budgets[${i}]" must be a rule string or { rule, match?, severity? }, got ${describeValue(raw)}`); return; }
    const unknown = Object.keys(rule).filter((k) => !['rule', 'match', 'severity'].includes(k));
    if (unknown.length) problems.push(`option "budgets[${i}]": unknown key(s) ${unknown.join(', ')} (known: rule, match, severity)`);
    try {
      parseBudget(rule);
      budgets.push({ rule: rule.rule, ...(rule.match ? { match: rule.match } : {}), ...(rule.severity ? { severity: rule.severity } : {}) });
    } catch (e) {
      problems.push(`option "budgets[${i}]": ${(e as Error).message}`);
    }
  });
  return { budgets, problems };
}

export function resolveGate(input: unknown): { gate: Required<GateOptions>; problems: string[] } {
  const gate = { failOnBudget: false, failOnRegression: false, minBaselineRuns: DEFAULT_MIN_BASELINE_RUNS, minSamples: DEFAULT_MIN_GATE_SAMPLES };
  if (input === undefined) return { gate, problems: [] };
  if (!isPlainObject(input)) return { gate, problems: [`option "gate" must be an object like { failOnBudget: true, failOnRegression: true }, got ${describeValue(input)}`] };
  const problems: string[] = [];
  for (const k of Object.keys(input)) {
    const v = input[k];
    if (k === 'minBaselineRuns' || k === 'minSamples') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1) gate[k] = v;
      else problems.push(`option "gate.${k}" must be a whole number ≥ 1, got ${describeValue(v)}`);
    } else if (k !== 'failOnBudget' && k !== 'failOnRegression') {
      problems.push(`unknown option "gate.${k}" (known: failOnBudget, failOnRegression, minBaselineRuns, minSamples)`);
    } else if (typeof v !== 'boolean') problems.push(`option "gate.${k}" must be true or false, got ${describeValue(v)}`);
    else gate[k] = v;
  }
  return { gate, problems };
}
