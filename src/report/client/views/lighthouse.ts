// Lighthouse results and optimizer recommendations (with the playwright.config diff).
import { bidi, fileLink, h } from '../components/dom';
import { gauge } from '../components/charts';
import { fmtMs } from '../components/format';
import { badge, empty, section, table } from '../components/widgets';
import type { LighthouseResult, Recommendation } from '../../../types';
import type { ReportView } from './shared';

type Threshold = NonNullable<LighthouseResult['thresholds']>[number];
type FailingAudit = LighthouseResult['failingAudits'][number];
type Edit = Recommendation['edits'][number];

function resultCard(r: LighthouseResult): HTMLElement {
  const m = r.metrics;
  const metrics: Array<[string, string]> = (
    [
      ['LCP', fmtMs(m.lcpMs)],
      ['FCP', fmtMs(m.fcpMs)],
      ['TBT', fmtMs(m.tbtMs)],
      ['CLS', m.cls === undefined ? '–' : m.cls.toFixed(3)],
      ['Speed Index', fmtMs(m.siMs)],
      ['TTI', fmtMs(m.ttiMs)],
    ] as Array<[string, string]>
  ).filter(([, v]) => v !== '–');
  const art = r.artifacts;
  const card = section(
    'Lighthouse',
    h(
      'div',
      { class: 'lh-url' },
      h('span', { class: 'url' }, bidi(r.url)),
      ' · ' +
        r.formFactor +
        ' · ' +
        r.mode +
        ' · Lighthouse ' +
        r.lighthouseVersion +
        (r.runs ? ' · median of ' + r.runs : ''),
    ),
    h(
      'div',
      { class: 'gauges' },
      Object.entries(r.scores).map(([k, v]) => gauge(k, typeof v === 'number' ? v : null)),
    ),
    table<[string, string]>(
      [
        ['Metric', ([k]) => k],
        ['Value', ([, v]) => v, true],
      ],
      metrics,
    ),
    r.thresholds && r.thresholds.length
      ? table<Threshold>(
          [
            ['Threshold', (x) => x.key],
            ['Limit', (x) => x.limit, true],
            ['Actual', (x) => x.actual ?? '–', true],
            ['', (x) => badge(x.ok ? 'ok' : 'failed', x.ok ? 'passed' : 'failed')],
          ],
          r.thresholds,
        )
      : null,
    art && (art.html || art.json)
      ? h(
          'p',
          { class: 'lh-artifacts' },
          'Full Lighthouse report: ',
          fileLink(art.html, 'HTML'),
          art.html && art.json ? ' · ' : '',
          fileLink(art.json, 'JSON'),
        )
      : null,
    r.failingAudits.length
      ? h(
          'details',
          null,
          h('summary', null, r.failingAudits.length + ' failing audits'),
          table<FailingAudit>(
            [
              ['Audit', (a) => bidi(a.title)],
              ['Score', (a) => (a.score === null ? '–' : Math.round(a.score * 100)), true],
              ['Value', (a) => bidi(a.displayValue || '')],
            ],
            r.failingAudits,
          ),
        )
      : null,
  );
  return card;
}

export const lighthouseView: ReportView = {
  id: 'lighthouse',
  label: 'Lighthouse',
  render(ctx) {
    const root = h('div', { class: 'view', 'data-view': 'lighthouse' });
    const res = ctx.vm.lighthouse ? ctx.vm.lighthouse.results : [];
    if (!res.length) {
      root.appendChild(section('Lighthouse', empty('No Lighthouse audits in this run.')));
      return root;
    }
    for (const r of res) root.appendChild(resultCard(r));
    return root;
  },
};

/** Unified diff, one line per element so +/- lines get their colour. */
function diffView(diff: string): HTMLElement {
  const cls = (line: string) =>
    line.startsWith('+') && !line.startsWith('+++')
      ? 'add'
      : line.startsWith('-') && !line.startsWith('---')
        ? 'del'
        : line.startsWith('@@')
          ? 'hunk'
          : '';
  return h(
    'pre',
    { class: 'diff', dir: 'ltr' },
    diff.split('\n').map((line) => h('span', { class: cls(line) }, line + '\n')),
  );
}

function recommendationCard(r: Recommendation, focused: boolean): HTMLElement {
  const level = (x: string, good: string, bad?: string) => (x === good ? 'passed' : x === bad ? 'failed' : 'flaky');
  return h(
    'section',
    { class: 'card rec' + (focused ? ' focus' : ''), id: 'rec-' + r.id },
    h('h2', null, bidi(r.title)),
    h(
      'div',
      { class: 'facts' },
      badge('saves ~' + fmtMs(r.expectedSavingMs), 'passed'),
      badge('confidence ' + r.confidence, level(r.confidence, 'high')),
      badge('risk ' + r.risk, level(r.risk, 'low', 'high')),
    ),
    h('p', { class: 'pre-wrap', dir: 'auto' }, r.description),
    r.prerequisites.length
      ? h(
          'div',
          null,
          h('h3', null, 'Before applying'),
          h(
            'ul',
            null,
            r.prerequisites.map((p) => h('li', { dir: 'auto' }, p)),
          ),
        )
      : null,
    r.edits.length
      ? table<Edit>(
          [
            ['Setting', (e) => h('code', null, e.path)],
            ['From', (e) => h('code', null, JSON.stringify(e.from) ?? 'unset')],
            ['To', (e) => h('code', null, JSON.stringify(e.to) ?? 'unset')],
          ],
          r.edits,
        )
      : null,
    r.diff ? diffView(r.diff) : null,
  );
}

export const recommendationsView: ReportView = {
  id: 'recommendations',
  label: 'Recommendations',
  render(ctx, arg) {
    const root = h('div', { class: 'view', 'data-view': 'recommendations' });
    const recs = [...ctx.vm.recommendations].sort((a, b) => b.expectedSavingMs - a.expectedSavingMs);
    if (!recs.length) {
      root.appendChild(
        section('Recommendations', empty('No recommendations: nothing measured points at a cheaper configuration.')),
      );
      return root;
    }
    for (const r of recs) root.appendChild(recommendationCard(r, arg[0] === r.id));
    const focus = arg[0];
    if (focus) requestAnimationFrame(() => document.getElementById('rec-' + focus)?.scrollIntoView());
    return root;
  },
};
