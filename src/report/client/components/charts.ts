// Hand-made SVG charts. Every data mark carries class "mark" and a data-kind, so tests can count
// them; hover text is an SVG <title> child (text only). Sizes are in viewBox units and scale with
// the container.
import { append, h, s } from './dom';
import type { RouteParts } from './route';
import { fmtMs, fmtPct, truncate } from './format';

/** A nice tick step (1, 2, 5 × 10^n) that cuts `max` into about `n` parts. */
export function niceStep(max: number, n: number): number {
  const raw = max / Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Hover text of a mark. */
export function tip(text: string): SVGTitleElement {
  return s('title', null, text);
}

export interface BarRow {
  label: string;
  value: number;
  /** Shown after the bar (default: the value). */
  text?: string;
  /** Bar class (bar, bar-passed, bar-failed…). */
  cls?: string;
  /** Internal route the bar links to. */
  href?: RouteParts;
}

/** Horizontal bars, one row each. */
export function barChart(rows: readonly BarRow[], opts: { kind: string; width?: number }): SVGSVGElement {
  const W = opts.width || 900,
    rowH = 22,
    labelW = Math.round(W * 0.38),
    valueW = 90;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${rows.length * rowH + 4}`,
    class: 'chart bar-chart',
    role: 'img',
    'aria-label': opts.kind + ' chart',
  });
  rows.forEach((r, i) => {
    const y = i * rowH + 2,
      w = Math.max(1, (r.value / max) * (W - labelW - valueW - 8));
    const text = r.text || String(r.value);
    const label = s(
      'text',
      { x: labelW - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label' },
      truncate(r.label, 60),
    );
    const bar = s(
      'rect',
      {
        x: labelW,
        y: y + 3,
        width: w,
        height: rowH - 6,
        rx: 2,
        class: 'mark ' + (r.cls || 'bar'),
        'data-kind': opts.kind,
      },
      tip(r.label + ': ' + text),
    );
    const val = s('text', { x: labelW + w + 6, y: y + 15, class: 'value-label' }, text);
    if (r.href !== undefined) svg.appendChild(s('a', { href: r.href }, label, bar, val));
    else append(svg, [label, bar, val]);
  });
  return svg;
}

/** A horizontal stacked bar: one segment per value, coloured by class `seg-<label>`. */
export function stackBar(
  parts: readonly number[],
  opts: { kind: string; labels: readonly string[]; width?: number; height?: number },
): SVGSVGElement {
  const W = opts.width || 900,
    H = opts.height || 18;
  const total = parts.reduce((a, b) => a + b, 0) || 1;
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart stack-bar',
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': 'time breakdown',
  });
  let x = 0;
  parts.forEach((v, i) => {
    if (v <= 0) return;
    const w = (v / total) * W;
    const label = opts.labels[i] ?? String(i);
    svg.appendChild(
      s(
        'rect',
        { x, y: 0, width: Math.max(0.5, w), height: H, class: 'mark seg-' + label, 'data-kind': opts.kind },
        tip(label + ': ' + fmtMs(v) + ' (' + fmtPct(v / total) + ')'),
      ),
    );
    x += w;
  });
  return svg;
}

/** Legend for segment colours, with each value and share when given. */
export function legend(labels: readonly string[], values?: readonly number[]): HTMLElement {
  const total = values ? values.reduce((a, b) => a + b, 0) || 1 : 1;
  return h(
    'div',
    { class: 'legend' },
    labels.map((b, i) =>
      h(
        'span',
        { class: 'legend-item' },
        h('i', { class: 'swatch seg-' + b }),
        b,
        values ? ' ' + fmtMs(values[i]) + ' · ' + fmtPct((values[i] ?? 0) / total) : '',
      ),
    ),
  );
}

export interface LineSeries {
  points: ReadonlyArray<readonly [x: number, y: number]>;
  cls: string;
  label: string;
}

export interface LineChartOptions {
  kind: string;
  x0: number;
  x1: number;
  yMax?: number;
  yFmt: (v: number) => string;
  xFmt: (v: number) => string;
  width?: number;
  height?: number;
  left?: number;
  dots?: boolean;
  /** Indexes of points drawn larger (e.g. regressions). */
  marked?: ReadonlySet<number>;
}

/** Line chart over a shared x range. */
export function lineChart(series: readonly LineSeries[], o: LineChartOptions): SVGSVGElement {
  const W = o.width || 1000,
    H = o.height || 120,
    L = o.left ?? 110,
    B = 18,
    T = 6;
  const yMax = o.yMax || Math.max(1e-9, ...series.flatMap((sr) => sr.points.map((p) => p[1])));
  const span = Math.max(1, o.x1 - o.x0);
  const X = (v: number) => L + ((v - o.x0) / span) * (W - L - 8);
  const Y = (v: number) => T + (1 - v / yMax) * (H - T - B);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart line-chart',
    role: 'img',
    'aria-label': o.kind + ' chart',
  });
  const step = niceStep(yMax, 3);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    svg.appendChild(s('line', { x1: L, x2: W - 8, y1: Y(v), y2: Y(v), class: 'grid' }));
    svg.appendChild(s('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, o.yFmt(v)));
  }
  for (const sr of series) {
    if (!sr.points.length) continue;
    const d = sr.points.map((p, i) => (i ? 'L' : 'M') + X(p[0]).toFixed(1) + ' ' + Y(p[1]).toFixed(1)).join(' ');
    svg.appendChild(
      s('path', { d, class: 'mark line ' + sr.cls, fill: 'none', 'data-kind': o.kind + '-line' }, tip(sr.label)),
    );
    if (!o.dots) continue;
    sr.points.forEach((p, i) => {
      const big = o.marked?.has(i) ?? false;
      svg.appendChild(
        s(
          'circle',
          {
            cx: X(p[0]),
            cy: Y(p[1]),
            r: big ? 4 : 2.5,
            class: 'mark dot ' + sr.cls + (big ? ' marked' : ''),
            'data-kind': o.kind + '-point',
          },
          tip(o.xFmt(p[0]) + ': ' + o.yFmt(p[1])),
        ),
      );
    });
  }
  svg.appendChild(s('text', { x: L, y: H - 4, class: 'axis-label' }, o.xFmt(o.x0)));
  svg.appendChild(s('text', { x: W - 8, y: H - 4, 'text-anchor': 'end', class: 'axis-label' }, o.xFmt(o.x1)));
  return svg;
}

/** Vertical grid lines with millisecond labels along a time axis (0 … wall). */
export function timeAxis(svg: SVGElement, wall: number, X: (v: number) => number, y0: number, y1: number): void {
  const step = niceStep(wall, 8);
  for (let t = 0; t <= wall; t += step) {
    svg.appendChild(s('line', { x1: X(t), x2: X(t), y1: y0, y2: y1, class: 'grid' }));
    const anchor = t === 0 ? 'start' : X(t) > X(wall) - 30 ? 'end' : 'middle'; // keep edge labels inside
    svg.appendChild(s('text', { x: X(t), y: y0 - 4, 'text-anchor': anchor, class: 'axis-label' }, fmtMs(t)));
  }
}

/** Score gauge 0..100 (Lighthouse colours: ≥90 good, ≥50 average). Fractions 0..1 are scaled. */
export function gauge(label: string, v: number | null): HTMLElement {
  const score = v === null ? null : v <= 1 && v > 0 && !Number.isInteger(v) ? Math.round(v * 100) : Math.round(v);
  const cls = score === null ? 'na' : score >= 90 ? 'good' : score >= 50 ? 'needs-improvement' : 'poor';
  const R = 26,
    C = 2 * Math.PI * R;
  const svg = s(
    'svg',
    { viewBox: '0 0 64 64', class: 'gauge ' + cls, role: 'img', 'aria-label': label + ' score' },
    s('circle', { cx: 32, cy: 32, r: R, class: 'gauge-bg', fill: 'none' }),
    s('circle', {
      cx: 32,
      cy: 32,
      r: R,
      class: 'mark gauge-arc',
      fill: 'none',
      'stroke-dasharray': `${((score || 0) / 100) * C} ${C}`,
      transform: 'rotate(-90 32 32)',
      'data-kind': 'lighthouse-score',
    }),
    s('text', { x: 32, y: 37, 'text-anchor': 'middle', class: 'gauge-text' }, score === null ? '–' : String(score)),
  );
  return h('div', { class: 'gauge-box' }, svg, h('div', null, label));
}
