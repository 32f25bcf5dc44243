// One test across runs: its duration history (failed runs marked), outcomes, and its series.
import { h } from '../../../report/client/components/dom';
import { fmtDateTime, fmtMs } from '../../../report/client/components/format';
import { empty, section, stat, table } from '../../../report/client/components/widgets';
import type { TestHistoryPoint, TestHistoryResponse } from '../../../types';
import { api, need } from '../data';
import { dashView } from '../view';
import { outcomeBadge, runLink, timeChart } from './shared';

export const testView = dashView({
  id: 'test',
  label: 'Test',
  hidden: true,
  tab: 'tests',
  render(ctx, arg) {
    const [project, subject] = arg;
    if (!subject) return empty('No test selected.');
    const t = need<TestHistoryResponse>(ctx, api('test', { subject, project, last: 200 }));
    if (!t) return null;
    const withDuration = t.points.filter((p) => p.durationMs !== null);
    const marked = new Set(withDuration.map((p, i) => (p.outcome === 'expected' ? -1 : i)).filter((i) => i >= 0));
    return h(
      'div',
      { 'data-view-body': 'test' },
      h('h2', { class: 'test-title', 'data-role': 'test-title' }, h('bdi', { dir: 'auto' }, t.subject)),
      h(
        'div',
        { class: 'stats' },
        stat('project', t.project),
        stat('runs', String(t.points.length)),
        stat('median duration', fmtMs(t.medianMs)),
        stat('flaky runs', String(t.flakyRuns)),
        stat('failed runs', String(t.failedRuns)),
      ),
      section(
        'Duration history',
        withDuration.length
          ? timeChart(
              'test-duration',
              [{ points: withDuration.map((p) => [p.time, p.durationMs!] as const), cls: 'cpu', label: 'duration' }],
              fmtMs,
              marked,
            )
          : empty('No attempt of this test passed in these runs.'),
        h('p', { class: 'sub' }, 'Large red dots: runs where the test was flaky or failed.'),
      ),
      section(
        'Series this test carries',
        t.metrics.length
          ? h(
              'ul',
              null,
              t.metrics.map((m) => h('li', null, h('a', { href: ['trends', m.metric] }, m.metric))),
            )
          : empty('None.'),
      ),
      section(
        'Runs',
        table<TestHistoryPoint>(
          [
            ['run', (p) => runLink(p.runId)],
            ['started', (p) => fmtDateTime(p.time)],
            ['branch', (p) => p.branch ?? '–'],
            ['outcome', (p) => outcomeBadge(p.outcome)],
            ['attempts', (p) => p.attempts.map((a) => `${a[0]} ${fmtMs(a[1])}`).join(', ')],
            ['duration', (p) => fmtMs(p.durationMs), true],
          ],
          [...t.points].reverse(),
        ),
      ),
    );
  },
});
