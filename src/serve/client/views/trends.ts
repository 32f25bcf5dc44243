// Trends per metric: pick a metric, see every series of it over the latest runs, most changed first,
// each as its own chart with the latest value and change.
import { bidi, h } from '../../../report/client/components/dom';
import { navigate } from '../../../report/client/components/route';
import { fmtChange, fmtMetric } from '../../../report/client/components/format';
import { badge, empty, section } from '../../../report/client/components/widgets';
import type { MetricsResponse, TrendItem, TrendsResponse } from '../../../types';
import { api, need } from '../data';
import { argsToFilters, dashView, filtersToArgs } from '../view';
import { testLink, timeChart } from './shared';

const SERIES_SHOWN = 12;

function card(t: TrendItem): HTMLElement {
  const up = (t.change ?? 0) > 0;
  return h(
    'div',
    { class: 'trend-card', 'data-role': 'trend-card' },
    h(
      'div',
      { class: 'trend-head' },
      t.metric === 'test.duration' ? testLink(t.project ?? '', t.subject) : bidi(t.subject),
      t.change !== null ? badge(fmtChange(t.change), up ? 'regression' : 'improvement') : null,
    ),
    timeChart(
      'trend',
      [{ points: t.points.map((p) => [p.time, p.value] as const), cls: 'cpu', label: t.subject }],
      (v) => fmtMetric(t.metric, v),
      undefined,
      { width: 420, height: 150, left: 64 },
    ),
    h(
      'div',
      { class: 'sub' },
      `${t.points.length} runs · latest ${t.latest === null ? '–' : fmtMetric(t.metric, t.latest)}`,
    ),
  );
}

export const trendsView = dashView({
  id: 'trends',
  label: 'Trends',
  render(ctx, arg) {
    const metrics = need<MetricsResponse>(ctx, api('metrics'));
    if (!metrics) return null;
    const f = argsToFilters(arg.slice(1));
    const metric =
      arg[0] || metrics.items.find((m) => m.metric === 'test.duration')?.metric || metrics.items[0]?.metric;
    if (!metric) return empty('History has no metric series yet.');
    const last = f.last || '30';
    const trends = need<TrendsResponse>(ctx, api('trends', { metric, last, limit: SERIES_SHOWN, search: f.search }));
    if (!trends) return null;
    const go = (patch: Record<string, string>) => navigate(['trends', metric, ...filtersToArgs({ ...f, ...patch })]);
    return h(
      'div',
      { 'data-view-body': 'trends' },
      h(
        'div',
        { class: 'toolbar' },
        h(
          'label',
          null,
          'metric ',
          h(
            'select',
            {
              'data-role': 'metric',
              on: { change: (e: Event) => navigate(['trends', (e.target as HTMLSelectElement).value]) },
            },
            metrics.items.map((m) =>
              h('option', { value: m.metric, selected: m.metric === metric }, `${m.metric} (${m.series})`),
            ),
          ),
        ),
        h(
          'label',
          null,
          'runs ',
          h(
            'select',
            {
              'data-role': 'last',
              on: { change: (e: Event) => go({ last: (e.target as HTMLSelectElement).value }) },
            },
            ['10', '30', '100', '1000'].map((n) => h('option', { value: n, selected: n === last }, n)),
          ),
        ),
        h('input', {
          type: 'search',
          placeholder: 'filter subjects…',
          value: f.search ?? '',
          'data-role': 'trend-search',
          on: { change: (e: Event) => go({ search: (e.target as HTMLInputElement).value }) },
        }),
      ),
      section(
        `${metric}: ${trends.total} series, ${Math.min(SERIES_SHOWN, trends.total)} most changed shown`,
        trends.items.length ? h('div', { class: 'trend-grid' }, trends.items.map(card)) : empty('No series match.'),
      ),
    );
  },
});
