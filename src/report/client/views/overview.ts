// Overview: run summary, where time went, regressions, budget breaches, recommendations.
import { bidi, h } from '../components/dom';
import { barChart, legend, stackBar } from '../components/charts';
import { fmtInt, fmtMs, fmtPct } from '../components/format';
import { empty, section, stat, table } from '../components/widgets';
import { BUCKETS, outcomeName, T } from '../model';
import { budgetTable, findingsTable, type ReportView } from './shared';
import type { PerfError } from '../../../types';

export const overviewView: ReportView = {
  id: 'overview',
  label: 'Overview',
  render(ctx) {
    const vm = ctx.vm;
    const sm = vm.summary;
    const root = h('div', { class: 'view', 'data-view': 'overview' });
    if (vm.gate) {
      root.appendChild(
        h(
          'div',
          { class: 'banner ' + (vm.gate.failed ? 'bad' : 'good') },
          vm.gate.failed ? 'Performance gate failed: ' : 'Performance gate passed',
          vm.gate.reasons.join('; '),
        ),
      );
    }
    root.appendChild(
      h(
        'div',
        { class: 'stats' },
        stat('Wall time', fmtMs(sm.wallTimeMs), 'status: ' + sm.status + (sm.interrupted ? ' (interrupted)' : '')),
        stat('Test time', fmtMs(sm.testTimeMs), fmtInt(sm.attempts) + ' attempts'),
        stat(
          'Parallel efficiency',
          fmtPct(sm.parallelEfficiency),
          sm.workers + ' worker slots',
          sm.parallelEfficiency < 0.6 ? 'warn' : '',
        ),
        stat('Tests', fmtInt(sm.tests), ''),
        stat('Passed', fmtInt(sm.passed), '', 'good'),
        stat('Failed', fmtInt(sm.failed), sm.timedOut ? sm.timedOut + ' timed out' : '', sm.failed ? 'bad' : ''),
        stat('Flaky', fmtInt(sm.flaky), '', sm.flaky ? 'warn' : ''),
        stat('Skipped', fmtInt(sm.skipped), ''),
      ),
    );
    root.appendChild(
      section(
        'Where the test time went',
        stackBar(vm.buckets, { kind: 'run-breakdown', labels: BUCKETS }),
        legend(BUCKETS, vm.buckets),
      ),
    );

    const hist = vm.history;
    const regs = hist ? hist.findings.filter((f) => f.verdict === 'regression') : [];
    root.appendChild(
      section(
        'Top regressions',
        !hist
          ? empty('No history yet: regressions appear from the second run with history enabled.')
          : regs.length === 0
            ? empty('No regressions against ' + hist.baseline + '.')
            : findingsTable(ctx, regs.slice(0, 8)),
      ),
    );
    const severityRank = (severity: string) => (severity === 'error' ? 0 : 1);
    const breaches = vm.budgets
      .filter((b) => !b.ok)
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    root.appendChild(
      section(
        'Budget breaches',
        vm.budgets.length === 0
          ? empty('No budgets configured.')
          : breaches.length === 0
            ? empty('All ' + vm.budgets.length + ' budgets met.')
            : budgetTable(breaches.slice(0, 10)),
      ),
    );
    const recs = [...vm.recommendations].sort((a, b) => b.expectedSavingMs - a.expectedSavingMs).slice(0, 3);
    root.appendChild(
      section(
        'Top recommendations',
        recs.length === 0
          ? empty('No recommendations for this run.')
          : h(
              'ol',
              { class: 'rec-list' },
              recs.map((r) =>
                h(
                  'li',
                  null,
                  h('a', { href: ['recommendations', r.id] }, r.title),
                  ' — saves ~',
                  fmtMs(r.expectedSavingMs),
                  ' (',
                  r.expectedSavingPct.toFixed(1),
                  ' % of wall time), confidence ',
                  r.confidence,
                ),
              ),
            ),
      ),
    );
    const slow = vm.tests
      .map((t, i) => ({ t, i }))
      .sort((a, b) => T.durationMs(b.t) - T.durationMs(a.t))
      .slice(0, 10);
    root.appendChild(
      section(
        'Slowest tests',
        barChart(
          slow.map(({ t, i }) => ({
            label: T.title(t),
            value: T.durationMs(t),
            text: fmtMs(T.durationMs(t)),
            href: ['test', i],
            cls: 'bar-' + outcomeName(T.outcome(t)),
          })),
          { kind: 'slowest-test' },
        ),
      ),
    );
    if (vm.errors.length) {
      root.appendChild(
        section(
          'playwright-perf warnings (' + vm.errors.length + ')',
          table<PerfError>(
            [
              ['Where', (e) => e.where],
              ['Message', (e) => h('span', { class: 'pre-wrap' }, e.message)],
              ['Severity', (e) => e.severity ?? ''],
            ],
            vm.errors.slice(0, 50),
          ),
        ),
      );
    }
    root.appendChild(
      section(
        'Run',
        table<[string, string]>(
          [
            ['', ([label]) => label],
            ['', ([, value]) => bidi(value)],
          ],
          vm.run.meta,
          'meta',
        ),
      ),
    );
    return root;
  },
};
