// The CI gate verdict: fail on error-level budget breaches and/or significant regressions (each
// opt-in). Pure.
import type { BudgetResult, GateOptions, HistoryComparison } from '../../types';

export function evaluateGate(gate: GateOptions, budgets: BudgetResult[] | undefined, comparison: HistoryComparison | undefined): { failed: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (gate.failOnBudget) {
    for (const b of budgets ?? []) if (!b.ok && b.severity === 'error') reasons.push(`budget: ${b.message}`);
  }
  if (gate.failOnRegression) {
    for (const f of comparison?.findings ?? []) {
      if (f.verdict !== 'regression') continue;
      reasons.push(`regression: ${f.metric} ${f.subject}${f.project ? ` [${f.project}]` : ''} — ${f.note ?? ''}`.trim());
    }
  }
  return { failed: reasons.length > 0, reasons };
}
