// Pieces several dashboard views use: links to a run / a test, status badges, a time chart.
import { bidi, h } from '../../../report/client/components/dom';
import { lineChart, type LineSeries } from '../../../report/client/components/charts';
import { fmtDateTime } from '../../../report/client/components/format';
import { badge } from '../../../report/client/components/widgets';
import type { CompactTest, RunListItem } from '../../../types';

export const shortId = (runId: string): string => runId.slice(0, 12);

export function runLink(runId: string): HTMLElement {
  return h('a', { href: ['run', runId], class: 'mono', 'data-role': 'run-link', title: runId }, shortId(runId));
}

export function testLink(project: string, subject: string): HTMLElement {
  return h('a', { href: ['test', project, subject], 'data-role': 'test-link' }, bidi(subject));
}

export function runStatus(r: Pick<RunListItem, 'status' | 'interrupted'>): HTMLElement {
  return badge(r.interrupted ? 'interrupted' : r.status, r.status === 'passed' ? 'passed' : 'failed');
}

export function outcomeBadge(o: CompactTest['outcome'] | null): HTMLElement {
  if (!o) return badge('–', 'skipped');
  const label = { expected: 'passed', unexpected: 'failed', flaky: 'flaky', skipped: 'skipped' }[o];
  return badge(label, label);
}

/** A line chart over time; `marked` indexes (per series 0) are drawn large (failures, regressions). */
export function timeChart(
  kind: string,
  series: LineSeries[],
  yFmt: (v: number) => string,
  marked?: ReadonlySet<number>,
  size: { width?: number; height?: number; left?: number } = {},
): SVGSVGElement {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const x0 = xs.length ? Math.min(...xs) : 0;
  const x1 = xs.length ? Math.max(...xs) : 1;
  return lineChart(series, {
    kind,
    x0,
    x1,
    yFmt,
    xFmt: fmtDateTime,
    height: size.height ?? 160,
    dots: true,
    ...size,
    ...(marked ? { marked } : {}),
  });
}
