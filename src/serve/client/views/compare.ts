// Any two runs side by side: pick base and head, see per-test changes and every metric series judged.
import { bidi, h } from '../../../report/client/components/dom';
import { navigate } from '../../../report/client/components/route';
import { fmtChange, fmtDateTime, fmtInt, fmtMs } from '../../../report/client/components/format';
import { empty, section, stat, table } from '../../../report/client/components/widgets';
import type { CompareResponse, RunListResponse, TestDiff } from '../../../types';
import { api, need } from '../data';
import { dashView } from '../view';
import { findingsTable } from './run';
import { outcomeBadge, runLink, shortId, testLink } from './shared';

export const compareView = dashView({
  id: 'compare',
  label: 'Compare',
  render(ctx, arg) {
    const runs = need<RunListResponse>(ctx, api('runs', { limit: 500 }));
    if (!runs) return null;
    const head = arg[1] || runs.items[0]?.runId || '';
    const base = arg[0] || runs.items[1]?.runId || '';
    const picker = (role: string, value: string, pick: (v: string) => void) =>
      h(
        'select',
        {
          'data-role': role,
          on: { change: (e: Event) => pick((e.target as HTMLSelectElement).value) },
        },
        runs.items.map((r) =>
          h(
            'option',
            { value: r.runId, selected: r.runId === value },
            `${shortId(r.runId)} · ${fmtDateTime(r.startTime)} · ${r.branch ?? '–'} · ${r.status}`,
          ),
        ),
      );
    const bar = h(
      'div',
      { class: 'toolbar' },
      h(
        'label',
        null,
        'base ',
        picker('base', base, (v) => navigate(['compare', v, head])),
      ),
      h(
        'label',
        null,
        'head ',
        picker('head', head, (v) => navigate(['compare', base, v])),
      ),
    );
    if (!base || !head || base === head)
      return h('div', { 'data-view-body': 'compare' }, bar, empty('Pick two different runs.'));
    const c = need<CompareResponse>(ctx, api('compare', { base, head, limit: 200 }));
    if (!c) return null;
    return h(
      'div',
      { 'data-view-body': 'compare' },
      bar,
      h(
        'div',
        { class: 'stats' },
        stat('base', runLink(c.base.runId), fmtDateTime(c.base.startTime) + ' · ' + fmtMs(c.base.wallTimeMs)),
        stat('head', runLink(c.head.runId), fmtDateTime(c.head.startTime) + ' · ' + fmtMs(c.head.wallTimeMs)),
        stat('wall time change', fmtChange(c.wallTimeChange)),
        stat(
          'outcome changes',
          fmtInt(c.outcomeChanges),
          `${c.onlyInBase} only in base · ${c.onlyInHead} only in head`,
        ),
      ),
      c.caveats.map((x) => h('p', { class: 'banner' }, bidi(x))),
      section(
        'Tests, most changed first',
        c.tests.length
          ? table<TestDiff>(
              [
                ['test', (t) => testLink(t.project, t.subject)],
                ['base', (t) => outcomeBadge(t.baseOutcome)],
                ['head', (t) => outcomeBadge(t.headOutcome)],
                ['base ms', (t) => fmtMs(t.baseMs), true],
                ['head ms', (t) => fmtMs(t.headMs), true],
                ['change', (t) => fmtChange(t.change), true],
              ],
              c.tests,
              'compare-table',
            )
          : empty('No test in both runs.'),
      ),
      section(
        'Metric series (base run as the baseline)',
        findingsTable(c.metrics.filter((m) => m.verdict !== 'unchanged')),
      ),
    );
  },
});
