// One-screen terminal text for history, budgets, quality and the gate — shared by the reporter's
// end-of-run summary and `playwright-perf compare`. Plain text (terminal), no colours.
import type { JsonReport, RegressionFinding } from '../types';

/** Lines per section, so the whole verdict fits on one screen. */
const MAX_LINES = 6;

function findingLine(f: RegressionFinding): string {
  const mark = f.verdict === 'regression' ? '▲ slower' : f.verdict === 'improvement' ? '▼ faster' : '? unsure';
  const label =
    f.better === 'higher'
      ? f.verdict === 'regression'
        ? '▼ worse '
        : f.verdict === 'improvement'
          ? '▲ better'
          : mark
      : mark;
  return `  ${label}  ${f.metric}  ${f.subject}${f.project ? ` [${f.project}]` : ''}: ${f.note ?? ''}`;
}

function capped(lines: string[], max = MAX_LINES): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `  … and ${lines.length - max} more (see the report)`];
}

export function formatVerdicts(report: Pick<JsonReport, 'history' | 'budgets' | 'quality' | 'gate'>): string {
  const out: string[] = [];
  const h = report.history;
  if (h) {
    const s = h.summary;
    out.push(
      `playwright-perf history: vs ${h.baseline.description}` +
        (s
          ? ` — ${s.regressions} regression(s), ${s.improvements} improvement(s), ${s.unchanged} unchanged, ${s.notEnoughData} not enough data`
          : ''),
    );
    out.push(...capped(h.findings.filter((f) => f.verdict === 'regression').map(findingLine)));
    out.push(...capped(h.findings.filter((f) => f.verdict === 'improvement').map(findingLine), 3));
    const unsure = h.findings.filter((f) => f.verdict === 'not-enough-data').length;
    if (unsure) out.push(`  ${unsure} possible change(s) need more samples to confirm`);
    for (const c of h.caveats.slice(0, 3)) out.push(`  caveat: ${c}`);
  }
  const breaches = (report.budgets ?? []).filter((b) => !b.ok);
  if (report.budgets?.length) {
    const errors = breaches.filter((b) => b.severity === 'error').length;
    out.push(
      `playwright-perf budgets: ${breaches.length ? `${errors} error(s), ${breaches.length - errors} warning(s)` : 'all within budget'} (${report.budgets.length} checked)`,
    );
    out.push(...capped(breaches.map((b) => `  ✗ [${b.severity}] ${b.message}`)));
  }
  const q = report.quality?.perTest.filter((t) => t.failureKind);
  if (q?.length) {
    out.push(
      'playwright-perf quality: ' +
        ['likely-performance', 'likely-flaky', 'failure']
          .map((k) => `${q.filter((t) => t.failureKind === k).length} ${k}`)
          .join(', '),
    );
    out.push(
      ...capped(
        q.filter((t) => t.failureKind !== 'failure').map((t) => `  ${t.failureKind}: ${t.title} — ${t.reason ?? ''}`),
        4,
      ),
    );
  }
  if (report.gate) {
    out.push(
      report.gate.failed
        ? `playwright-perf gate: FAILED (${report.gate.reasons.length} reason(s))`
        : 'playwright-perf gate: passed',
    );
    out.push(...capped(report.gate.reasons.map((r) => `  - ${r}`)));
    const rg = report.gate.regressionGate;
    if (rg && !rg.armed) {
      const seen = rg.regressionsSeen ? ` (${rg.regressionsSeen} regression(s) listed above did not count)` : '';
      out.push(`  regression gate not armed yet: ${rg.reason ?? 'baseline too small'}${seen}`);
    }
    if (rg?.armed && rg.unconfirmed) {
      out.push(
        `  ${rg.unconfirmed} regression(s) with fewer than ${rg.minSamples} samples per side did not count ` +
          `(gate.minSamples; repeat the tests, e.g. --repeat-each=${rg.minSamples}, to confirm)`,
      );
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
