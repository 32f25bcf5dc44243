// Locator timings aggregated per selector across tests: resolve / actionability / action splits,
// fragility flags from the selector's shape, and 'slow' when its typical cost is high.
import type { LocatorAnalysis, LocatorTiming, RunRecord } from '../../types';
import { distribution } from '../stats/descriptive';
import { selectorFlags, selectorKind } from '../../protocol/selector-kind';

/** p95 of resolve + actionability above this is "slow": 1 s is a fifth of Playwright's default
 *  5 s expect/action budget, and far above the ~10–50 ms a present, ready element costs. */
export const SLOW_LOCATOR_WAIT_P95_MS = 1000;

export function analyzeLocators(run: RunRecord): LocatorAnalysis | undefined {
  const bySelector = new Map<string, { items: LocatorTiming[]; tests: Set<string> }>();
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const l of r.perf?.locators ?? []) {
        let g = bySelector.get(l.selector);
        if (!g) bySelector.set(l.selector, (g = { items: [], tests: new Set() }));
        g.items.push(l);
        g.tests.add(t.id);
      }
    }
  }
  if (!bySelector.size) return undefined;
  const perLocator = [...bySelector.entries()].map(([selector, g]) => {
    const wait = distribution(g.items.map((l) => l.resolveMs + l.actionabilityMs));
    const flags = selectorFlags(selector);
    if (wait.p95 > SLOW_LOCATOR_WAIT_P95_MS) flags.unshift('slow');
    if (g.items.some((l) => !l.ok)) flags.push('failed');
    if (g.items.some((l) => l.retries > 0)) flags.push('retried');
    return {
      selector,
      kind: g.items[0]?.kind ?? selectorKind(selector),
      count: g.items.length,
      resolve: distribution(g.items.map((l) => l.resolveMs)),
      actionability: distribution(g.items.map((l) => l.actionabilityMs)),
      action: distribution(g.items.map((l) => l.actionMs)),
      total: distribution(g.items.map((l) => l.totalMs)),
      flags,
      tests: [...g.tests],
    };
  });
  perLocator.sort((a, b) => b.total.p95 - a.total.p95 || a.selector.localeCompare(b.selector));
  return { perLocator };
}
