// Flaky and slowest tests over a window of runs, with a search over every test in history.
import { h } from '../../../report/client/components/dom';
import { navigate } from '../../../report/client/components/route';
import { fmtMs, fmtPct } from '../../../report/client/components/format';
import { empty, section, table } from '../../../report/client/components/widgets';
import type { FlakyItem, FlakyResponse, SlowestItem, SlowestResponse, TestSearchResponse } from '../../../types';
import { api, need } from '../data';
import { argsToFilters, dashView, filtersToArgs } from '../view';
import { testLink } from './shared';

export const testsView = dashView({
  id: 'tests',
  label: 'Flaky & slowest',
  render(ctx, arg) {
    const f = argsToFilters(arg);
    const window = f.window || '30';
    const flaky = need<FlakyResponse>(ctx, api('flaky', { window, limit: 50 }));
    const slowest = need<SlowestResponse>(ctx, api('slowest', { window, limit: 50 }));
    const found = f.search ? need<TestSearchResponse>(ctx, api('tests', { search: f.search, limit: 50 })) : undefined;
    if (!flaky || !slowest || (f.search && !found)) return null;
    const go = (patch: Record<string, string>) => navigate(['tests', ...filtersToArgs({ ...f, ...patch })]);
    return h(
      'div',
      { 'data-view-body': 'tests' },
      h(
        'div',
        { class: 'toolbar' },
        h(
          'label',
          null,
          'window ',
          h(
            'select',
            {
              'data-role': 'window',
              on: { change: (e: Event) => go({ window: (e.target as HTMLSelectElement).value }) },
            },
            ['10', '30', '100', '1000'].map((n) =>
              h('option', { value: n, selected: n === window }, 'last ' + n + ' runs'),
            ),
          ),
        ),
        h('input', {
          type: 'search',
          placeholder: 'find a test…',
          value: f.search ?? '',
          'data-role': 'test-search',
          on: { change: (e: Event) => go({ search: (e.target as HTMLInputElement).value }) },
        }),
      ),
      found
        ? section(
            `Tests matching "${f.search}" (${found.total})`,
            found.items.length
              ? h(
                  'ul',
                  { 'data-role': 'search-results' },
                  found.items.map((t) => h('li', null, testLink(t.project, t.subject), ` · ${t.runs} runs`)),
                )
              : empty('No test matches.'),
          )
        : null,
      section(
        `Flaky tests (last ${flaky.runs} runs)`,
        flaky.items.length
          ? table<FlakyItem>(
              [
                ['test', (t) => testLink(t.project, t.subject)],
                ['project', (t) => t.project],
                ['flakiness', (t) => fmtPct(t.flakinessIndex), true],
                ['flip rate', (t) => fmtPct(t.flipRate), true],
                ['flaky runs', (t) => String(t.flakyRuns), true],
                ['failed runs', (t) => String(t.failedRuns), true],
                ['runs', (t) => String(t.runs), true],
              ],
              flaky.items,
              'flaky-table',
            )
          : empty('No flaky tests in this window.'),
      ),
      section(
        `Slowest tests (median over the last ${slowest.runs} runs)`,
        table<SlowestItem>(
          [
            ['test', (t) => testLink(t.project, t.subject)],
            ['project', (t) => t.project],
            ['median', (t) => fmtMs(t.medianMs), true],
            ['p95', (t) => fmtMs(t.p95Ms), true],
            ['max', (t) => fmtMs(t.maxMs), true],
            ['latest', (t) => fmtMs(t.latestMs), true],
            ['runs', (t) => String(t.runs), true],
          ],
          slowest.items,
          'slowest-table',
        ),
      ),
    );
  },
});
