// Home: the latest figures, runs over time (wall time; failed, flaky) and the filterable runs table.
import { h } from '../../../report/client/components/dom';
import { navigate } from '../../../report/client/components/route';
import { fmtDateTime, fmtInt, fmtMs, fmtPct } from '../../../report/client/components/format';
import { legend } from '../../../report/client/components/charts';
import { section, stat, table, empty } from '../../../report/client/components/widgets';
import type { RunListItem, RunListResponse, SummaryResponse } from '../../../types';
import { api, need } from '../data';
import { argsToFilters, dashView, filtersToArgs } from '../view';
import { runLink, runStatus, timeChart } from './shared';

const RUNS_SHOWN = 200;

function filterBar(f: Record<string, string>, s: SummaryResponse): HTMLElement {
  const select = (role: string, label: string, options: string[]) =>
    h(
      'label',
      null,
      label + ' ',
      h(
        'select',
        {
          'data-role': role,
          on: {
            change: (e: Event) =>
              navigate(['runs', ...filtersToArgs({ ...f, [role]: (e.target as HTMLSelectElement).value })]),
          },
        },
        h('option', { value: '' }, 'all'),
        options.map((o) => h('option', { value: o, selected: f[role] === o }, o)),
      ),
    );
  return h(
    'div',
    { class: 'toolbar' },
    select('branch', 'branch', s.branches),
    select('machineClass', 'machine', s.machineClasses),
    select('status', 'status', ['passed', 'failed', 'timedout', 'interrupted']),
  );
}

function charts(rows: RunListItem[]): HTMLElement {
  const asc = [...rows].reverse();
  const failedRuns = new Set(asc.map((r, i) => (r.status === 'passed' ? -1 : i)).filter((i) => i >= 0));
  return h(
    'div',
    null,
    h('h3', null, 'Wall time'),
    timeChart(
      'wall',
      [{ points: asc.map((r) => [r.startTime, r.wallTimeMs] as const), cls: 'cpu', label: 'wall time' }],
      fmtMs,
      failedRuns,
    ),
    legend(['wall time per run (large red dot: the run failed)']),
    h('h3', null, 'Failed and flaky tests'),
    timeChart(
      'outcomes',
      [
        { points: asc.map((r) => [r.startTime, r.tests.failed] as const), cls: 'failed-line', label: 'failed tests' },
        { points: asc.map((r) => [r.startTime, r.tests.flaky] as const), cls: 'flaky-line', label: 'flaky tests' },
      ],
      (v) => fmtInt(Math.round(v)),
    ),
    legend(['failed tests', 'flaky tests']),
  );
}

export const runsView = dashView({
  id: 'runs',
  label: 'Runs',
  render(ctx, arg) {
    const f = argsToFilters(arg);
    const s = need<SummaryResponse>(ctx, api('summary'));
    const list = need<RunListResponse>(ctx, api('runs', { ...f, limit: RUNS_SHOWN }));
    if (!s || !list) return null;
    const latest = s.latest;
    return h(
      'div',
      { 'data-view-body': 'runs' },
      h(
        'div',
        { class: 'stats' },
        stat('runs in history', fmtInt(s.runs), s.firstRunTime ? 'since ' + fmtDateTime(s.firstRunTime) : undefined),
        stat('latest run', latest ? fmtMs(latest.wallTimeMs) : '–', latest ? fmtDateTime(latest.startTime) : undefined),
        stat('pass rate (recent)', fmtPct(s.passRate), s.recent.length + ' runs'),
        stat('flaky tests (recent)', fmtInt(s.flakyTests)),
        stat('open alerts', fmtInt(s.alerts.open), s.alerts.acknowledged + ' acknowledged'),
      ),
      section(
        'Runs over time',
        filterBar(f, s),
        list.items.length ? charts(list.items) : empty('No runs match these filters.'),
      ),
      section(
        `Runs (${fmtInt(list.total)}${list.total > list.items.length ? ', latest ' + list.items.length + ' shown' : ''})`,
        table<RunListItem>(
          [
            ['run', (r) => runLink(r.runId)],
            ['started', (r) => fmtDateTime(r.startTime)],
            ['branch', (r) => r.branch ?? '–'],
            ['status', (r) => runStatus(r)],
            ['tests', (r) => fmtInt(r.tests.total), true],
            ['failed', (r) => fmtInt(r.tests.failed), true],
            ['flaky', (r) => fmtInt(r.tests.flaky), true],
            ['wall', (r) => fmtMs(r.wallTimeMs), true],
            ['machine', (r) => r.machineClass],
            ['alerts', (r) => fmtInt(r.alerts), true],
          ],
          list.items,
          'runs-table',
        ),
      ),
    );
  },
});
