// Web Vitals and navigation timing per URL; locators ranked by resolve and actionability time.
import { bidi, h } from '../components/dom';
import { barChart, legend, stackBar } from '../components/charts';
import { fmtBytes, fmtInt, fmtMs, fmtVital } from '../components/format';
import { virtualTable } from '../components/virtual-table';
import { badge, empty, ratingBadge, section, table, type Column } from '../components/widgets';
import type { LocatorAnalysis, NavigationAnalysis, VitalsAnalysis } from '../../../types';
import type { ReportView } from './shared';
import { routesSections } from './routes';

type UrlVitals = VitalsAnalysis['perUrl'][number];
type UrlNavigation = NavigationAnalysis['perUrl'][number];
type LocatorStat = LocatorAnalysis['perLocator'][number];

const VITAL_ORDER = ['LCP', 'FCP', 'TTFB', 'INP', 'CLS'] as const;

function vitalColumn(name: (typeof VITAL_ORDER)[number]): Column<UrlVitals> {
  return [
    name,
    (u) => {
      const v = u.vitals[name];
      if (!v) return '–';
      return h(
        'span',
        { class: 'vital rating-' + v.rating, title: 'p50 ' + fmtVital(name, v.dist.p50) + ' · n=' + v.dist.count },
        fmtVital(name, v.dist.p95),
        ' ',
        ratingBadge(v.rating),
      );
    },
    true,
  ];
}

export const vitalsView: ReportView = {
  id: 'vitals',
  label: 'Web Vitals',
  render(ctx) {
    const vm = ctx.vm;
    const root = h('div', { class: 'view', 'data-view': 'vitals' });
    const per = vm.vitals ? vm.vitals.perUrl : [];
    if (!per.length) {
      root.appendChild(
        section(
          'Web Vitals per URL',
          empty('No Web Vitals were measured (use the perf fixture with vitals on, in Chromium).'),
        ),
      );
    } else {
      root.appendChild(
        section(
          'Web Vitals per URL (p95 over the run, rated by web.dev thresholds)',
          table<UrlVitals>(
            [
              ['URL', (u) => h('span', { class: 'url' }, bidi(u.url))],
              ...VITAL_ORDER.map(vitalColumn),
              ['TBT p95', (u) => (u.totalBlockingTimeMs ? fmtMs(u.totalBlockingTimeMs.p95) : '–'), true],
            ],
            per,
            'vitals-table',
          ),
        ),
      );
      const lcp = per
        .flatMap((u) => (u.vitals.LCP ? [{ url: u.url, lcp: u.vitals.LCP }] : []))
        .sort((a, b) => b.lcp.dist.p95 - a.lcp.dist.p95)
        .slice(0, 20);
      if (lcp.length) {
        root.appendChild(
          section(
            'LCP p95 by URL',
            barChart(
              lcp.map((u) => ({
                label: u.url,
                value: u.lcp.dist.p95,
                text: fmtMs(u.lcp.dist.p95),
                cls: 'bar-' + u.lcp.rating,
              })),
              { kind: 'vital-lcp' },
            ),
          ),
        );
      }
    }
    const nav = vm.navigation ? vm.navigation.perUrl : [];
    root.appendChild(
      section(
        'Navigation timing per URL',
        nav.length
          ? table<UrlNavigation>(
              [
                ['URL', (u) => h('span', { class: 'url' }, bidi(u.url))],
                ['Count', (u) => fmtInt(u.count), true],
                ['TTFB p50', (u) => fmtMs(u.ttfb.p50), true],
                ['TTFB p95', (u) => fmtMs(u.ttfb.p95), true],
                ['DCL p95', (u) => fmtMs(u.domContentLoaded.p95), true],
                ['Load p50', (u) => fmtMs(u.load.p50), true],
                ['Load p95', (u) => fmtMs(u.load.p95), true],
                ['Transfer p95', (u) => fmtBytes(u.transferBytes.p95), true],
              ],
              nav,
            )
          : empty('No navigations were measured.'),
      ),
    );
    for (const el of routesSections(vm.routes)) root.appendChild(el);
    return root;
  },
};

const LOCATOR_PARTS = ['resolve', 'actionability', 'action'] as const;

export const locatorsView: ReportView = {
  id: 'locators',
  label: 'Locators',
  render(ctx) {
    const root = h('div', { class: 'view', 'data-view': 'locators' });
    const per = ctx.vm.locators ? ctx.vm.locators.perLocator : [];
    if (!per.length) {
      root.appendChild(section('Locators', empty('No locator timings were measured.')));
      return root;
    }
    const waited = (l: LocatorStat) => l.resolve.p95 + l.actionability.p95;
    const top = [...per].sort((a, b) => waited(b) - waited(a)).slice(0, 15);
    root.appendChild(
      section(
        'Slowest locators: resolve + actionability wait (p95)',
        legend(LOCATOR_PARTS),
        h(
          'div',
          { class: 'loc-stack' },
          top.map((l) =>
            h(
              'div',
              { class: 'loc-row' },
              h('code', { class: 'loc-name' }, bidi(l.selector)),
              stackBar([l.resolve.p95, l.actionability.p95, l.action.p95], {
                kind: 'locator',
                width: 500,
                height: 14,
                labels: LOCATOR_PARTS,
              }),
              h('span', { class: 'num' }, fmtMs(waited(l) + l.action.p95)),
            ),
          ),
        ),
      ),
    );
    const vt = virtualTable<LocatorStat>({
      kind: 'locators',
      rows: per,
      sort: { key: 'resolve', dir: -1 },
      columns: [
        {
          key: 'selector',
          label: 'Locator',
          width: 'minmax(0, 3fr)',
          value: (l) => l.selector,
          cell: (l) => h('code', null, bidi(l.selector)),
        },
        { key: 'kind', label: 'Kind', width: '6em', value: (l) => l.kind },
        { key: 'count', label: 'Uses', width: '5em', num: true, value: (l) => l.count },
        {
          key: 'resolve',
          label: 'Resolve p95',
          width: '8em',
          num: true,
          value: (l) => l.resolve.p95,
          cell: (l) => fmtMs(l.resolve.p95),
        },
        {
          key: 'actionability',
          label: 'Actionable p95',
          width: '9em',
          num: true,
          value: (l) => l.actionability.p95,
          cell: (l) => fmtMs(l.actionability.p95),
        },
        {
          key: 'total',
          label: 'Total p95',
          width: '8em',
          num: true,
          value: (l) => l.total.p95,
          cell: (l) => fmtMs(l.total.p95),
        },
        {
          key: 'flags',
          label: 'Flags',
          width: 'minmax(0, 1.5fr)',
          value: (l) => l.flags.join(' '),
          cell: (l) => l.flags.map((f) => badge(f, 'flaky')),
        },
      ],
    });
    root.appendChild(section('All locators (click a header to rank)', vt.el));
    return root;
  },
};
