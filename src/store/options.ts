// Validation of the `history` reporter option. Like every option, a bad value is reported by name
// and falls back to its default; the run goes on. (`budgets` and `gate`: src/analyze/budgets/options.ts.)
import type { HistoryOptions } from '../types';
import { describeValue, isPlainObject } from '../util/describe-value';
import {
  finiteNumber,
  nonEmptyString,
  option,
  parseOption,
  positiveInteger,
  v,
  type OptionSpec,
} from '../util/option-schema';
import { DEFAULT_FDR, DEFAULT_MIN_ABS_CHANGE_MS, DEFAULT_MIN_CHANGE } from '../analyze/history/regression';
import { DEFAULT_BASELINE_RUNS } from '../analyze/history/baseline';
import { DEFAULT_KEEP_DAYS, DEFAULT_KEEP_RUNS } from './retention';
import { HISTORY_URL_ENV, isDatabaseUrl } from './postgres/connection';

/** Relative to the folder of playwright.config (the reporter's rootDir). */
export const DEFAULT_HISTORY_PATH = '.playwright-perf/history.json';

export interface ResolvedHistoryOptions {
  path: string;
  /** Postgres URL (option `url` or env PLAYWRIGHT_PERF_HISTORY_URL): used instead of `path`. */
  url?: string;
  keepRuns: number;
  keepDays: number;
  baseline: NonNullable<HistoryOptions['baseline']>;
  minChange: number;
  fdr: number;
  minAbsChangeMs: number;
}

const HISTORY_KEYS = ['path', 'url', 'keepRuns', 'keepDays', 'baseline', 'minChange', 'fdr', 'minAbsChangeMs'];

/** `url` is checked on its own: its value may carry a password and is never echoed. */
const HISTORY_SPECS: { [K in Exclude<keyof ResolvedHistoryOptions, 'url'>]-?: OptionSpec<ResolvedHistoryOptions[K]> } =
  {
    path: option(nonEmptyString, 'a non-empty string'),
    keepRuns: option(positiveInteger, 'a positive integer'),
    keepDays: option(positiveInteger, 'a positive integer'),
    minChange: option(v.pipe(v.number(), v.minValue(0), v.maxValue(10)), 'a number from 0 to 10 (e.g. 0.05 = 5 %)'),
    fdr: option(v.pipe(v.number(), v.gtValue(0), v.maxValue(0.5)), 'a number above 0 to 0.5 (e.g. 0.05)'),
    minAbsChangeMs: option(v.pipe(finiteNumber, v.minValue(0)), 'a number ≥ 0 (milliseconds)'),
    baseline: option(
      v.union([
        v.strictObject({ previous: positiveInteger }),
        v.strictObject({ pinned: v.pipe(v.string(), v.minLength(1)) }),
        v.strictObject({ runId: v.pipe(v.string(), v.minLength(1)) }),
      ]),
      'one of { previous: <positive integer> }, { pinned: "<name>" }, { runId: "<id>" }',
    ),
  };

export function defaultHistoryOptions(): ResolvedHistoryOptions {
  return {
    path: DEFAULT_HISTORY_PATH,
    keepRuns: DEFAULT_KEEP_RUNS,
    keepDays: DEFAULT_KEEP_DAYS,
    baseline: { previous: DEFAULT_BASELINE_RUNS },
    minChange: DEFAULT_MIN_CHANGE,
    fdr: DEFAULT_FDR,
    minAbsChangeMs: DEFAULT_MIN_ABS_CHANGE_MS,
  };
}

/** `history: false` turns history off; undefined or an object turns it on. */
export function resolveHistoryOptions(
  input: unknown,
  env: Record<string, string | undefined> = process.env,
): { history: ResolvedHistoryOptions | false; problems: string[] } {
  const problems: string[] = [];
  const out = defaultHistoryOptions();
  if (input === false) return { history: false, problems };
  if (env[HISTORY_URL_ENV]) {
    if (isDatabaseUrl(env[HISTORY_URL_ENV]!)) out.url = env[HISTORY_URL_ENV];
    else problems.push(`${HISTORY_URL_ENV} must be a postgres:// or postgresql:// URL; using the history file`);
  }
  if (input === undefined) return { history: out, problems };
  if (!isPlainObject(input)) {
    problems.push(
      `option "history" must be an object of history options, or false to turn history off (e.g. { path, keepRuns, keepDays, baseline, minChange, fdr }), got ${describeValue(input)}; using the defaults`,
    );
    return { history: out, problems };
  }
  for (const k of Object.keys(input))
    if (!HISTORY_KEYS.includes(k)) problems.push(`unknown option "history.${k}" (known: ${HISTORY_KEYS.join(', ')})`);
  if (input.url !== undefined) {
    if (typeof input.url === 'string' && isDatabaseUrl(input.url)) out.url = input.url;
    // Never echo the value: it may carry a password.
    else problems.push('option "history.url" must be a postgres:// or postgresql:// URL; using the history file');
  }
  for (const key of Object.keys(HISTORY_SPECS) as Array<keyof typeof HISTORY_SPECS>) {
    if (input[key] === undefined) continue;
    const r = parseOption<unknown>(HISTORY_SPECS[key], input[key]);
    if (r.ok) (out as unknown as Record<string, unknown>)[key] = r.value;
    else
      problems.push(`option "history.${key}" must be ${HISTORY_SPECS[key].expected}, got ${describeValue(input[key])}`);
  }
  return { history: out, problems };
}
