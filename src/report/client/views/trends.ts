// Trends from history: one sparkline per metric series (regressions first and marked), the
// statistical findings, and the stability of tests across runs.
import { bidi, h } from '../components/dom';
import { fmtChange, fmtMetric, fmtPct } from '../components/format';
import { sparkline } from '../components/sparkline';
import { badge, empty, section, table } from '../components/widgets';
import { T, type ReportContext } from '../model';
import type { TrendSeries } from '../../html/view-model-types';
import type { QualitySummary } from '../../../types';
import { budgetTable, findingsTable, subjectCell, type ReportView } from './shared';

/** Series cards drawn at a time: each is a small SVG. */
const CARDS_SHOWN = 120;

type QualityRow = QualitySummary['perTest'][number];

function trendCard(ctx: ReportContext, t: TrendSeries): HTMLElement {
  const last = t.points[t.points.length - 1];
  return h(
    'div',
    { class: 'trend-card' + (t.verdict === 'regression' ? ' regressed' : ''), 'data-verdict': t.verdict || '' },
    h(
      'div',
      { class: 'trend-head' },
      h('span', { class: 'metric' }, t.metric),
      t.verdict && t.verdict !== 'unchanged' ? badge(t.verdict + ' ' + fmtChange(t.change), t.verdict) : null,
    ),
    h('div', { class: 'trend-subject' }, subjectCell(ctx, t)),
    sparkline(t.points, { format: (v) => fmtMetric(t.metric, v), ...(t.verdict ? { verdict: t.verdict } : {}) }),
    h('div', { class: 'sub' }, t.points.length + ' runs · last ' + (last ? fmtMetric(t.metric, last[1]) : '–')),
  );
}

/** What a trend search matches: metric, subject and, for a test's series, the test's title. */
function searchText(ctx: ReportContext, t: TrendSeries): string {
  const idx = ctx.tests.indexOf(t.subject, t.project);
  const test = idx === undefined ? undefined : ctx.vm.tests[idx];
  return [t.metric, t.subject, t.project ?? '', test ? T.title(test) : ''].join('\n').toLowerCase();
}

function trendGrid(ctx: ReportContext, trends: readonly TrendSeries[], total: number): HTMLElement[] {
  const metrics = [...new Set(trends.map((t) => t.metric))];
  const haystack = trends.map((t) => searchText(ctx, t));
  const search = h('input', {
    type: 'search',
    placeholder: 'Search test, URL, locator…',
    'aria-label': 'search trends',
    'data-role': 'trend-search',
  });
  const pick = h(
    'select',
    { 'aria-label': 'metric', 'data-role': 'metric' },
    h('option', { value: '' }, 'all metrics'),
    metrics.map((m) => h('option', { value: m }, m)),
  );
  const onlyReg = h('input', { type: 'checkbox', 'data-role': 'only-regressions' });
  const grid = h('div', { class: 'trend-grid' });
  const count = h('span', { class: 'count', 'data-role': 'trend-count' });
  function paint(): void {
    const q = search.value.trim().toLowerCase();
    const list = trends.filter(
      (t, i) =>
        (!pick.value || t.metric === pick.value) &&
        (!onlyReg.checked || t.verdict === 'regression') &&
        (!q || (haystack[i] ?? '').includes(q)),
    );
    grid.replaceChildren(...list.slice(0, CARDS_SHOWN).map((t) => trendCard(ctx, t)));
    count.textContent =
      Math.min(CARDS_SHOWN, list.length) +
      ' of ' +
      list.length +
      ' series' +
      (total > trends.length ? ' (' + total + ' in history)' : '');
  }
  pick.addEventListener('change', paint);
  onlyReg.addEventListener('change', paint);
  search.addEventListener('input', paint);
  paint();
  return [h('div', { class: 'toolbar' }, search, pick, h('label', null, onlyReg, ' regressions only'), count), grid];
}

export const trendsView: ReportView = {
  id: 'trends',
  label: 'Trends',
  render(ctx) {
    const vm = ctx.vm;
    const root = h('div', { class: 'view', 'data-view': 'trends' });
    const hist = vm.history;
    if (!hist) {
      // Quality is summarised from the first run in history on; a comparison needs a second.
      const note = vm.quality
        ? 'This is the first run in history: trends of every test and metric appear from the next run on.'
        : 'No history: enable history in the reporter options to compare runs.';
      root.appendChild(section('Trends', empty(note)));
      return root;
    }
    root.appendChild(
      section(
        'Baseline',
        h('p', null, bidi(hist.baseline)),
        hist.caveats.length
          ? h(
              'ul',
              { class: 'caveats' },
              hist.caveats.map((c) => h('li', null, bidi(c))),
            )
          : null,
      ),
    );
    root.appendChild(
      section(
        'Trends per test and metric',
        hist.trends.length ? trendGrid(ctx, hist.trends, hist.trendsTotal) : empty('History has no trend series yet.'),
      ),
    );
    const changed = hist.findings.filter((f) => f.verdict === 'regression' || f.verdict === 'improvement');
    root.appendChild(
      section(
        'Significant changes (' + changed.length + ' of ' + hist.findingsTotal + ' compared)',
        changed.length ? findingsTable(ctx, changed.slice(0, 300)) : empty('Nothing changed significantly.'),
      ),
    );
    const quality = vm.quality;
    if (quality && quality.perTest.length) {
      const q = [...quality.perTest].sort((a, b) => b.flakinessIndex - a.flakinessIndex).slice(0, 50);
      root.appendChild(
        section(
          'Stability across runs (most flaky first)',
          table<QualityRow>(
            [
              ['Test', (x) => subjectCell(ctx, { subject: x.testId })],
              ['Runs', (x) => x.runs, true],
              ['Flakiness', (x) => x.flakinessIndex.toFixed(2), true],
              ['Flip rate', (x) => fmtPct(x.flipRate), true],
              ['Error rate', (x) => fmtPct(x.errorRate), true],
              ['This run', (x) => (x.failureKind ? badge(x.failureKind, 'failed') : '')],
            ],
            q,
          ),
        ),
      );
    }
    if (vm.budgets.length) root.appendChild(section('Budgets', budgetTable(vm.budgets)));
    return root;
  },
};
