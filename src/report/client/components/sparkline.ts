// A trend in 220 × 44: one dot per run (with its time and value as hover text), the last one
// larger and coloured by the series' verdict.
import { s } from './dom';
import { tip } from './charts';
import { fmtDateTime } from './format';

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'not-enough-data';

export interface SparklineOptions {
  /** Formats a value for the hover text. */
  format: (v: number) => string;
  verdict?: Verdict;
  /** data-kind of the dots (default 'trend-point'). */
  kind?: string;
}

export function sparkline(
  points: ReadonlyArray<readonly [time: number, value: number]>,
  o: SparklineOptions,
): SVGSVGElement {
  const W = 220,
    H = 44,
    P = 4;
  const xs = points.map((p) => p[0]),
    ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  const X = (v: number) => P + ((v - x0) / Math.max(1, x1 - x0)) * (W - 2 * P);
  const Y = (v: number) => P + (1 - (v - y0) / Math.max(1e-9, y1 - y0)) * (H - 2 * P);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart sparkline ' + (o.verdict || ''),
    role: 'img',
    'aria-label': 'trend',
  });
  const d = points.map((p, i) => (i ? 'L' : 'M') + X(p[0]).toFixed(1) + ' ' + Y(p[1]).toFixed(1)).join(' ');
  svg.appendChild(s('path', { d, class: 'spark-line', fill: 'none' }));
  points.forEach(([time, value], i) => {
    const last = i === points.length - 1;
    const mark =
      last && o.verdict === 'regression' ? ' regressed' : last && o.verdict === 'improvement' ? ' improved' : '';
    svg.appendChild(
      s(
        'circle',
        {
          cx: X(time),
          cy: Y(value),
          r: last ? 3.5 : 2,
          class: 'mark spark-dot' + mark,
          'data-kind': o.kind ?? 'trend-point',
        },
        tip(fmtDateTime(time) + ': ' + o.format(value)),
      ),
    );
  });
  return svg;
}
