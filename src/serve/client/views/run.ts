// One run: its figures, the regression engine's findings against its baseline, slowest tests, alerts.
import { bidi, h } from '../../../report/client/components/dom';
import { fmtChange, fmtDateTime, fmtInt, fmtMetric, fmtMs } from '../../../report/client/components/format';
import { badge, empty, section, stat, table } from '../../../report/client/components/widgets';
import type {
  HistoryAlert,
  RegressionFinding,
  RegressionsResponse,
  RunDetailResponse,
  TestDuration,
} from '../../../types';
import { api, need } from '../data';
import { dashView } from '../view';
import { outcomeBadge, runStatus, testLink } from './shared';

export function findingsTable(rows: RegressionFinding[]): HTMLElement {
  if (!rows.length) return empty('No series to compare.');
  return table<RegressionFinding>(
    [
      ['verdict', (f) => badge(f.verdict, f.verdict)],
      ['metric', (f) => f.metric],
      ['subject', (f) => (f.metric === 'test.duration' ? testLink(f.project ?? '', f.subject) : bidi(f.subject))],
      ['baseline', (f) => (f.baselineMedian === null ? '–' : fmtMetric(f.metric, f.baselineMedian)), true],
      ['this run', (f) => (f.currentMedian === null ? '–' : fmtMetric(f.metric, f.currentMedian)), true],
      ['change', (f) => fmtChange(f.change), true],
      ['q', (f) => (f.qValue === null ? '–' : f.qValue.toPrecision(2)), true],
    ],
    rows,
    'findings-table',
  );
}

export function alertsTable(rows: HistoryAlert[]): HTMLElement {
  if (!rows.length) return empty('No alerts.');
  return table<HistoryAlert>(
    [
      [
        'status',
        (a) =>
          badge(
            a.status ?? 'open',
            a.status === 'resolved' ? 'passed' : a.status === 'acknowledged' ? 'skipped' : 'failed',
          ),
      ],
      ['kind', (a) => a.kind],
      ['severity', (a) => a.severity],
      ['when', (a) => fmtDateTime(a.time)],
      ['metric', (a) => bidi(a.metric)],
      ['message', (a) => bidi(a.message)],
    ],
    rows,
    'alerts-table',
  );
}

export const runView = dashView({
  id: 'run',
  label: 'Run',
  hidden: true,
  tab: 'runs',
  render(ctx, arg) {
    const runId = arg[0];
    if (!runId) return empty('No run selected.');
    const d = need<RunDetailResponse>(ctx, api('runs/' + encodeURIComponent(runId)));
    const reg = need<RegressionsResponse>(ctx, api('runs/' + encodeURIComponent(runId) + '/regressions'));
    if (!d || !reg) return null;
    const s = d.summary;
    const cmp = reg.comparison;
    const interesting = (cmp?.findings ?? []).filter((f) => f.verdict !== 'unchanged');
    return h(
      'div',
      { 'data-view-body': 'run' },
      h('h2', { class: 'mono' }, 'Run ', s.runId),
      h(
        'div',
        { class: 'stats' },
        stat('status', runStatus(s)),
        stat('started', fmtDateTime(s.startTime)),
        stat('wall time', fmtMs(s.wallTimeMs)),
        stat(
          'tests',
          fmtInt(s.tests.total),
          `${s.tests.failed} failed · ${s.tests.flaky} flaky · ${s.tests.skipped} skipped`,
        ),
        stat('branch', s.branch ?? '–', s.commit ? s.commit.slice(0, 12) : undefined),
        stat('machine', s.machineClass),
      ),
      h(
        'p',
        null,
        h(
          'a',
          { href: ['compare', cmp?.baseline.runIds.at(-1) ?? '', s.runId], 'data-role': 'compare-link' },
          'Compare with the previous baseline run',
        ),
      ),
      section(
        'Against the baseline' + (cmp ? ': ' + cmp.baseline.description : ''),
        cmp
          ? [
              h(
                'p',
                { class: 'sub' },
                `${cmp.summary?.regressions ?? 0} regressions · ${cmp.summary?.improvements ?? 0} improvements · ${cmp.summary?.compared ?? 0} series compared`,
              ),
              cmp.caveats.map((c) => h('p', { class: 'banner' }, c)),
              findingsTable(interesting),
            ]
          : empty('The first run in history: nothing to compare with.'),
      ),
      section(
        'Slowest tests',
        table<TestDuration>(
          [
            ['test', (t) => testLink(t.project, t.subject)],
            ['project', (t) => t.project],
            ['outcome', (t) => outcomeBadge(t.outcome)],
            ['duration', (t) => fmtMs(t.durationMs), true],
          ],
          d.analysis.slowest,
        ),
      ),
      section('Alerts of this run', alertsTable(d.alerts)),
    );
  },
});
