// Budgets / SLOs: declarative rules such as `p95(vital.LCP) < 2500`, `test.duration < 30s`,
// `lighthouse.performance >= 90`, checked per subject (test, URL, selector, flow) of the current run.
// Pure: parse + evaluate.
import type { BudgetResult, BudgetRule, CompactRun, MetricSeries } from '../../types';
import { median, percentile } from '../stats/descriptive';
import { runSeries } from '../history/compact-run';
import { errorMessage } from '../../util/errors';
import { round } from '../../util/round';

export type Aggregate = 'p50' | 'p75' | 'p90' | 'p95' | 'p99' | 'median' | 'mean' | 'min' | 'max' | 'count';
export type Operator = '<' | '<=' | '>' | '>=';

export interface ParsedBudget {
  rule: string;
  /** Undefined = the worst sample (max for < / <=, min for > / >=). */
  aggregate?: Aggregate;
  metric: string;
  op: Operator;
  limit: number;
  match?: string;
  severity: 'warn' | 'error';
}

/** The whole run's wall time, available to budgets as `run.wallTime` (subject "run"). */
export const RUN_WALL_TIME = 'run.wallTime';
/** Breaches are always listed; passing results are listed up to this many per rule (report size). */
export const MAX_OK_RESULTS_PER_RULE = 50;

const AGGREGATES = new Set<Aggregate>(['p50', 'p75', 'p90', 'p95', 'p99', 'median', 'mean', 'min', 'max', 'count']);
/** Friendly names → metric keys (the seed's alert names and the examples). */
const ALIASES: Record<string, string> = {
  LCP: 'vital.LCP',
  CLS: 'vital.CLS',
  INP: 'vital.INP',
  FCP: 'vital.FCP',
  TTFB: 'vital.TTFB',
  'test duration': 'test.duration',
  testDuration: 'test.duration',
  browserStartup: 'startup.browserLaunch',
  browserLaunch: 'startup.browserLaunch',
  wallTime: RUN_WALL_TIME,
  'run duration': RUN_WALL_TIME,
};
const UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, '%': 1 };
const RULE_RE =
  /^\s*(?:([a-z0-9]+)\s*\(\s*([^()]+?)\s*\)|([A-Za-z][\w. ]*?))\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|%)?\s*$/;

export class BudgetParseError extends Error {}

export function parseBudget(input: BudgetRule): ParsedBudget {
  const where = `budget "${input?.rule}"`;
  if (!input || typeof input.rule !== 'string')
    throw new BudgetParseError('each budget needs a "rule" string, e.g. { rule: "p95(vital.LCP) < 2500" }');
  const m = RULE_RE.exec(input.rule);
  if (!m)
    throw new BudgetParseError(
      `${where}: cannot parse; expected "[aggregate(]metric[)] < number[ms|s|m]", e.g. "p95(vital.LCP) < 2500" or "test.duration < 30s"`,
    );
  const [, agg, inner, bare, op, num, unit = ''] = m;
  if (agg && !AGGREGATES.has(agg as Aggregate))
    throw new BudgetParseError(`${where}: unknown aggregate "${agg}" (known: ${[...AGGREGATES].join(', ')})`);
  const rawMetric = (inner ?? bare).trim();
  const metric = ALIASES[rawMetric] ?? rawMetric;
  if (!/^[a-z]+\.[A-Za-z][\w-]*$/.test(metric))
    throw new BudgetParseError(
      `${where}: unknown metric "${rawMetric}" (e.g. test.duration, step.duration, nav.ttfb, nav.load, route.duration, vital.LCP, locator.resolve, flow.duration, startup.browserLaunch, lighthouse.performance, run.wallTime)`,
    );
  if (input.severity !== undefined && input.severity !== 'warn' && input.severity !== 'error')
    throw new BudgetParseError(`${where}: severity must be "warn" or "error", got ${JSON.stringify(input.severity)}`);
  if (input.match !== undefined && (typeof input.match !== 'string' || !input.match))
    throw new BudgetParseError(`${where}: match must be a non-empty glob string`);
  return {
    rule: input.rule,
    metric,
    op: op as Operator,
    limit: Number(num) * UNITS[unit],
    ...(agg ? { aggregate: agg as Aggregate } : {}),
    ...(input.match ? { match: input.match } : {}),
    severity: input.severity ?? 'error',
  };
}

/** `*` = any run of characters (also across `/` and ` › `), `?` = one character. Case-sensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*+/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function aggregate(values: number[], agg: Aggregate): number {
  const sorted = [...values].sort((a, b) => a - b);
  switch (agg) {
    case 'count':
      return values.length;
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'min':
      return sorted[0];
    case 'max':
      return sorted[sorted.length - 1];
    case 'median':
      return median(sorted);
    default:
      return percentile(sorted, Number(agg.slice(1)));
  }
}

function holds(actual: number, op: Operator, limit: number): boolean {
  return op === '<' ? actual < limit : op === '<=' ? actual <= limit : op === '>' ? actual > limit : actual >= limit;
}

export interface BudgetEvaluation {
  results: BudgetResult[];
  /** Rules that matched no samples in this run (likely a typo in metric or match). */
  unmatched: string[];
  /** Rules that could not be parsed, with the reason. */
  invalid: string[];
}

/** `run` should be compacted with `allRepeats` (every sample of every repeat is held to a budget). */
export function evaluateBudgets(rules: BudgetRule[], run: CompactRun): BudgetEvaluation {
  const wall: MetricSeries = { metric: RUN_WALL_TIME, subject: 'run', values: [run.wallTimeMs] };
  const series: MetricSeries[] = [...runSeries(run, { allRepeats: true }), wall];
  const out: BudgetEvaluation = { results: [], unmatched: [], invalid: [] };
  for (const raw of rules) {
    let rule: ParsedBudget;
    try {
      rule = parseBudget(raw);
    } catch (e) {
      out.invalid.push(errorMessage(e));
      continue;
    }
    const re = rule.match ? globToRegExp(rule.match) : null;
    const agg: Aggregate = rule.aggregate ?? (rule.op.startsWith('<') ? 'max' : 'min');
    let matched = 0,
      okListed = 0;
    // One verdict per subject: samples of the same subject in several projects are judged together
    // only when the rule has no project; projects are shown in the subject.
    for (const s of series) {
      if (s.metric !== rule.metric || !s.values.length || (re && !re.test(s.subject))) continue;
      matched++;
      const actual = aggregate(s.values, agg);
      const ok = holds(actual, rule.op, rule.limit);
      if (ok && okListed >= MAX_OK_RESULTS_PER_RULE) continue;
      if (ok) okListed++;
      const subject = s.project ? `${s.subject} [${s.project}]` : s.subject;
      out.results.push({
        rule: rule.rule,
        subject,
        severity: rule.severity,
        limit: rule.limit,
        actual: round(actual, 3),
        ok,
        message: ok
          ? `${agg}(${rule.metric}) = ${round(actual, 3)} ${rule.op} ${rule.limit}`
          : `${agg}(${rule.metric}) = ${round(actual, 3)} breaks "${rule.rule}" for ${subject}`,
      });
    }
    if (matched === 0) out.unmatched.push(rule.rule);
  }
  out.results.sort(
    (a, b) => Number(a.ok) - Number(b.ok) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  return out;
}
