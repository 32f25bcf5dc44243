// Single-page-app route changes: per route pattern (time to the new view painted and stable, first
// paint where Chromium's soft-navigation entries existed, CLS, INP, blocking time) and the slowest
// changes with the step that triggered them; plus one attempt's own changes for the test detail.
import { bidi, h } from '../components/dom';
import { fmtInt, fmtMs, fmtVital } from '../components/format';
import { empty, section, table } from '../components/widgets';
import type { AttemptRouteRow, RoutesView } from '../../html/view-model-types';

type RouteStat = RoutesView['perRoute'][number];
type SlowRoute = RoutesView['slowest'][number];

const p95 = (d: { p95: number } | undefined, fmt: (v: number) => string = fmtMs) => (d ? fmt(d.p95) : '–');
const cls = (v: number) => fmtVital('CLS', v);
const sources = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, n]) => k + ' ' + n)
    .join(', ');

export function routesSections(view: RoutesView | undefined): HTMLElement[] {
  if (!view || !view.perRoute.length) {
    return [
      section(
        'Route changes (single-page apps)',
        empty('No client-side route changes were measured (history or hash routing, with the routes collector on).'),
      ),
    ];
  }
  const perRoute = section(
    'Route changes per route (start → new view painted and stable)',
    table<RouteStat>(
      [
        ['Route', (r) => h('span', { class: 'url' }, bidi(r.route))],
        ['Changes', (r) => fmtInt(r.count), true],
        ['Cut short', (r) => fmtInt(r.incomplete), true],
        ['p50', (r) => fmtMs(r.duration.p50), true],
        ['p95', (r) => fmtMs(r.duration.p95), true],
        ['First paint p95', (r) => p95(r.firstPaint), true],
        ['CLS p95', (r) => p95(r.cls, cls), true],
        ['INP p95', (r) => p95(r.inp), true],
        ['TBT p95', (r) => fmtMs(r.longTasks.totalBlockingTimeMs.p95), true],
        ['By input / call', (r) => r.causes.input + ' / ' + r.causes.call, true],
        ['Start from', (r) => sources(r.startSources)],
      ],
      view.perRoute,
      'routes-table',
    ),
  );
  const slowest = section(
    'Slowest route changes',
    table<SlowRoute>(
      [
        ['Route', (r) => h('span', { class: 'url' }, bidi(r.route))],
        ['Step', (r) => bidi(r.step || '')],
        ['How', (r) => r.trigger + ' · ' + r.cause],
        ['Duration', (r) => fmtMs(r.durationMs), true],
        ['Start from', (r) => r.source],
      ],
      view.slowest,
      'routes-slowest',
    ),
  );
  return [perRoute, slowest];
}

export function attemptRoutesTable(rows: readonly AttemptRouteRow[]): HTMLElement {
  return table<AttemptRouteRow>(
    [
      ['Route', (r) => h('span', { class: 'url' }, bidi(r.route))],
      ['Step', (r) => bidi(r.step || '')],
      ['How', (r) => r.trigger + ' · ' + r.cause],
      ['At', (r) => fmtMs(r.startMs), true],
      ['Duration', (r) => fmtMs(r.durationMs) + (r.complete ? '' : ' (cut short)'), true],
      ['CLS', (r) => cls(r.cls), true],
      ['INP', (r) => (r.inpMs !== undefined ? fmtMs(r.inpMs) : '–'), true],
      ['Long tasks', (r) => fmtInt(r.longTasks), true],
      ['Start from', (r) => r.source],
    ],
    rows,
    'attempt-routes',
  );
}
