// Validation of the `budgets` and `gate` reporter options. Like every option, a bad value is
// reported by name and falls back to its default; the run goes on.
import type { BudgetRule, GateOptions } from '../../types';
import { describeValue, isPlainObject } from '../../util/describe-value';
import { errorMessage } from '../../util/errors';
import { option, parseOption, plainObject, v } from '../../util/option-schema';
import { parseBudget } from './budgets';
import { DEFAULT_MIN_BASELINE_RUNS, DEFAULT_MIN_GATE_SAMPLES } from './gate';

/** A budget entry: the rule text alone, or { rule, match?, severity? } (its fields: parseBudget). */
const BUDGET_ENTRY = option(v.union([v.string(), plainObject]), 'a rule string or { rule, match?, severity? }');
const GATE_FLAG = option(v.boolean(), 'true or false');
const GATE_COUNT = option(v.pipe(v.number(), v.integer(), v.minValue(1)), 'a whole number ≥ 1');

export function resolveBudgets(input: unknown): { budgets: BudgetRule[]; problems: string[] } {
  const problems: string[] = [];
  if (input === undefined) return { budgets: [], problems };
  if (!Array.isArray(input))
    return {
      budgets: [],
      problems: [
        `option "budgets" must be an array of budget rules (strings or { rule, match?, severity? }), got ${describeValue(input)}`,
      ],
    };
  const budgets: BudgetRule[] = [];
  input.forEach((raw, i) => {
    const entry = parseOption(BUDGET_ENTRY, raw);
    if (!entry.ok) {
      problems.push(`option "budgets[${i}]" must be ${BUDGET_ENTRY.expected}, got ${describeValue(raw)}`);
      return;
    }
    const rule = (typeof entry.value === 'string' ? { rule: entry.value } : entry.value) as unknown as BudgetRule;
    const unknown = Object.keys(rule).filter((k) => !['rule', 'match', 'severity'].includes(k));
    if (unknown.length)
      problems.push(`option "budgets[${i}]": unknown key(s) ${unknown.join(', ')} (known: rule, match, severity)`);
    try {
      parseBudget(rule);
      budgets.push({
        rule: rule.rule,
        ...(rule.match ? { match: rule.match } : {}),
        ...(rule.severity ? { severity: rule.severity } : {}),
      });
    } catch (e) {
      problems.push(`option "budgets[${i}]": ${errorMessage(e)}`);
    }
  });
  return { budgets, problems };
}

export function resolveGate(input: unknown): { gate: Required<GateOptions>; problems: string[] } {
  const gate = {
    failOnBudget: false,
    failOnRegression: false,
    minBaselineRuns: DEFAULT_MIN_BASELINE_RUNS,
    minSamples: DEFAULT_MIN_GATE_SAMPLES,
  };
  if (input === undefined) return { gate, problems: [] };
  if (!isPlainObject(input))
    return {
      gate,
      problems: [
        `option "gate" must be an object like { failOnBudget: true, failOnRegression: true }, got ${describeValue(input)}`,
      ],
    };
  const problems: string[] = [];
  for (const k of Object.keys(input)) {
    if (k === 'minBaselineRuns' || k === 'minSamples') {
      const r = parseOption(GATE_COUNT, input[k]);
      if (r.ok) gate[k] = r.value;
      else problems.push(`option "gate.${k}" must be ${GATE_COUNT.expected}, got ${describeValue(input[k])}`);
    } else if (k !== 'failOnBudget' && k !== 'failOnRegression')
      problems.push(`unknown option "gate.${k}" (known: failOnBudget, failOnRegression, minBaselineRuns, minSamples)`);
    else {
      const r = parseOption(GATE_FLAG, input[k]);
      if (r.ok) gate[k] = r.value;
      else problems.push(`option "gate.${k}" must be ${GATE_FLAG.expected}, got ${describeValue(input[k])}`);
    }
  }
  return { gate, problems };
}
