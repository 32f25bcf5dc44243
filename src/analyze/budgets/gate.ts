// The CI gate verdict: fail on error-level budget breaches and/or significant regressions (each
// opt-in). The regression half is "armed" only once the baseline is big enough to judge: with a
// handful of earlier runs the run-to-run spread of a shared CI machine is not known yet, and a gate
// that fails unchanged builds gets switched off. Pure.
import type { BudgetResult, GateOptions, GateVerdict, HistoryComparison, RegressionFinding } from '../../types';

/** Earlier runs a baseline needs before `failOnRegression` may fail a run (`gate.minBaselineRuns`). */
export const DEFAULT_MIN_BASELINE_RUNS = 5;

/** Current (and baseline) samples a regression needs to fail the run (`gate.minSamples`): with fewer,
 *  one hiccup of a shared machine (a page load 3× slower once) cannot be told from a change. Five
 *  per side is where the rank test can reach significance at all (2/C(10,5) = 0.008). */
export const DEFAULT_MIN_GATE_SAMPLES = 5;

/** A regression the gate may fail on: confirmed by enough samples on both sides, or deterministic
 *  (both sides constant: byte counts, scores — no noise to mistake for a change). */
export function gateCounts(f: RegressionFinding, minSamples: number): boolean {
  return f.method === 'deterministic' || (f.currentSamples >= minSamples && f.baselineSamples >= minSamples);
}

/** Why regressions cannot fail this run yet, or undefined when the gate is armed. */
export function notArmedReason(
  comparison: HistoryComparison | undefined,
  minBaselineRuns: number,
  optionName = 'gate.minBaselineRuns',
): string | undefined {
  if (!comparison) return 'no history comparison for this run (first run, history off, or history unreadable)';
  const runs = comparison.baseline.runIds.length;
  if (runs >= minBaselineRuns) return undefined;
  const earlier = `${runs} earlier run${runs === 1 ? '' : 's'}`;
  return `the baseline has ${earlier}; regressions fail the run from ${minBaselineRuns} on (${optionName})`;
}

/** `optionName` names the setting in the not-armed reason (the CLI's is --min-baseline-runs). */
export function evaluateGate(
  gate: GateOptions,
  budgets: BudgetResult[] | undefined,
  comparison: HistoryComparison | undefined,
  optionName = 'gate.minBaselineRuns',
): GateVerdict {
  const reasons: string[] = [];
  if (gate.failOnBudget) {
    for (const b of budgets ?? []) if (!b.ok && b.severity === 'error') reasons.push(`budget: ${b.message}`);
  }
  if (!gate.failOnRegression) return { failed: reasons.length > 0, reasons };
  const notArmed = notArmedReason(comparison, gate.minBaselineRuns ?? DEFAULT_MIN_BASELINE_RUNS, optionName);
  const regressions = (comparison?.findings ?? []).filter((f) => f.verdict === 'regression');
  if (notArmed) {
    const regressionGate = { armed: false, reason: notArmed, regressionsSeen: regressions.length };
    return { failed: reasons.length > 0, reasons, regressionGate };
  }
  const minSamples = gate.minSamples ?? DEFAULT_MIN_GATE_SAMPLES;
  const counted = regressions.filter((f) => gateCounts(f, minSamples));
  for (const f of counted) {
    const project = f.project ? ` [${f.project}]` : '';
    reasons.push(`regression: ${f.metric} ${f.subject}${project} — ${f.note ?? ''}`.trim());
  }
  const unconfirmed = regressions.length - counted.length;
  return {
    failed: reasons.length > 0,
    reasons,
    regressionGate: {
      armed: true,
      regressionsSeen: regressions.length,
      ...(unconfirmed ? { unconfirmed, minSamples } : {}),
    },
  };
}
