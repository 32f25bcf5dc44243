// Pieces several report views use: links to a test, finding and budget tables, flow tables.
import { bidi, h } from '../components/dom';
import { fmtChange, fmtMetric, fmtMs } from '../components/format';
import type { View } from '../components/router';
import { badge, table } from '../components/widgets';
import { outcomeName, T, type ReportContext } from '../model';
import type { BudgetResult, FlowResult, RegressionFinding } from '../../../types';

export type ReportView = View<ReportContext>;

export function outcomeBadge(code: number): HTMLElement {
  const o = outcomeName(code);
  return badge(o, o);
}

export function testLink(ctx: ReportContext, idx: number): HTMLElement {
  const t = ctx.vm.tests[idx];
  return h('a', { href: ['test', idx], class: 'test-link' }, bidi(t ? T.title(t) : ''));
}

/** A finding's subject: a test (by id, or by history's `file › describe › title`) becomes its
 *  title with a link; anything else (URL, locator, flow) is text. */
export function subjectCell(ctx: ReportContext, f: { subject: string; project?: string }): HTMLElement {
  const idx = ctx.tests.indexOf(f.subject, f.project);
  const t = idx === undefined ? undefined : ctx.vm.tests[idx];
  if (idx !== undefined && t) return h('a', { href: ['test', idx] }, bidi(T.title(t)));
  return bidi(f.subject);
}

export function findingsTable(ctx: ReportContext, rows: readonly RegressionFinding[]): HTMLElement {
  const median = (f: RegressionFinding, v: number | null) => (v === null ? '–' : fmtMetric(f.metric, v));
  return table<RegressionFinding>(
    [
      ['Metric', (f) => f.metric],
      ['Subject', (f) => subjectCell(ctx, f)],
      ['Baseline', (f) => median(f, f.baselineMedian), true],
      ['Now', (f) => median(f, f.currentMedian), true],
      ['Change', (f) => h('span', { class: f.verdict }, fmtChange(f.change)), true],
      ['q', (f) => (f.qValue === null ? '–' : f.qValue.toPrecision(2)), true],
      ['Verdict', (f) => badge(f.verdict, f.verdict)],
    ],
    rows,
  );
}

export function budgetTable(rows: readonly BudgetResult[]): HTMLElement {
  const state = (b: BudgetResult) =>
    badge(b.ok ? 'ok' : b.severity, b.ok ? 'good' : b.severity === 'error' ? 'failed' : 'flaky');
  return table<BudgetResult>(
    [
      ['Rule', (b) => h('code', null, b.rule)],
      ['Subject', (b) => bidi(b.subject)],
      ['Limit', (b) => fmtMetric(b.rule, b.limit), true],
      ['Actual', (b) => fmtMetric(b.rule, b.actual), true],
      ['', state],
      ['', (b) => bidi(b.message)],
    ],
    rows,
  );
}

function flowDetails(f: FlowResult): HTMLElement {
  return h(
    'span',
    null,
    Object.entries(f.details || {}).map(([k, v]) => h('span', { class: 'param' }, k + ': ', bidi(String(v)))),
    (f.findings || []).map((x) => h('div', { class: 'finding' }, badge(x.kind, 'flaky'), ' ', bidi(x.message))),
    f.error ? h('div', { class: 'error small' }, bidi(f.error)) : null,
  );
}

export function flowTable(flows: readonly FlowResult[]): HTMLElement {
  return table<FlowResult>(
    [
      ['Flow', (f) => bidi([...(f.parents || []), f.name].join(' › '))],
      ['Direction', (f) => (f.direction ? h('bdi', { dir: 'ltr' }, f.direction) : '')],
      ['Preset', (f) => f.preset || ''],
      ['Duration', (f) => fmtMs(f.durationMs), true],
      ['', (f) => (f.ok ? badge('ok', 'passed') : badge('failed', 'failed'))],
      ['Details', flowDetails],
    ],
    flows,
  );
}
