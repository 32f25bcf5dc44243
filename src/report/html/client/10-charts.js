// @ts-check
// Hand-made SVG charts. Every data mark carries class "mark" and a data-kind, so tests can count
// them; hover text is an SVG <title> child (text only). Sizes are in viewBox units and scale with
// the container.

/** Nice tick step for a range. @param {number} max @param {number} n */
function niceStep(max, n) {
  const raw = max / Math.max(1, n);
  const p = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** @param {string} text */
function tip(text) { return s('title', null, text); }

/**
 * Horizontal bars, one row each. rows: { label, value, text?, kind?, cls?, href? }.
 * @param {Array<{label: string, value: number, text?: string, cls?: string, href?: any}>} rows
 * @param {{ kind: string, width?: number }} opts
 */
function barChart(rows, opts) {
  const W = opts.width || 900, rowH = 22, labelW = Math.round(W * 0.38), valueW = 90;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const svg = s('svg', { viewBox: `0 0 ${W} ${rows.length * rowH + 4}`, class: 'chart bar-chart', role: 'img', 'aria-label': opts.kind + ' chart' });
  rows.forEach((r, i) => {
    const y = i * rowH + 2, w = Math.max(1, (r.value / max) * (W - labelW - valueW - 8));
    const label = s('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label' }, truncate(r.label, 60));
    const bar = s('rect', { x: labelW, y: y + 3, width: w, height: rowH - 6, rx: 2, class: 'mark ' + (r.cls || 'bar'), 'data-kind': opts.kind }, tip(r.label + ': ' + (r.text || r.value)));
    const val = s('text', { x: labelW + w + 6, y: y + 15, class: 'value-label' }, r.text || String(r.value));
    if (r.href) {
      const a = s('a', { href: r.href }, label, bar, val);
      svg.appendChild(a);
    } else append(svg, [label, bar, val]);
  });
  return svg;
}

/** @param {string} t @param {number} n */
function truncate(t, n) { return t.length > n ? t.slice(0, n - 1) + '…' : t; }

/**
 * A horizontal stacked bar (breakdown). parts: values in BUCKETS order.
 * @param {number[]} parts @param {{ kind: string, width?: number, height?: number, labels?: string[] }} opts
 */
function stackBar(parts, opts) {
  const W = opts.width || 900, H = opts.height || 18;
  const labels = opts.labels || BUCKETS;
  const total = parts.reduce((a, b) => a + b, 0) || 1;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart stack-bar', preserveAspectRatio: 'none', role: 'img', 'aria-label': 'time breakdown' });
  let x = 0;
  parts.forEach((v, i) => {
    if (v <= 0) return;
    const w = (v / total) * W;
    svg.appendChild(s('rect', { x, y: 0, width: Math.max(0.5, w), height: H, class: 'mark seg-' + labels[i], 'data-kind': opts.kind }, tip(labels[i] + ': ' + fmtMs(v) + ' (' + fmtPct(v / total) + ')')));
    x += w;
  });
  return svg;
}

/** Legend for bucket colours. @param {number[]} [values] @param {string[]} [labels] */
function legend(values, labels) {
  const names = labels || BUCKETS;
  const total = values ? values.reduce((a, b) => a + b, 0) || 1 : 1;
  return h('div', { class: 'legend' }, names.map((b, i) => h('span', { class: 'legend-item' }, h('i', { class: 'swatch seg-' + b }), b, values ? ' ' + fmtMs(values[i]) + ' · ' + fmtPct(values[i] / total) : '')));
}

/**
 * Line chart over a shared x range. series: { points: [x, y][], cls, label }.
 * @param {Array<{points: number[][], cls: string, label: string}>} series
 * @param {{ kind: string, x0: number, x1: number, yMax?: number, yFmt: (v: number) => string, xFmt: (v: number) => string, width?: number, height?: number, left?: number, dots?: boolean, marked?: Set<number> }} o
 */
function lineChart(series, o) {
  const W = o.width || 1000, H = o.height || 120, L = o.left ?? 110, B = 18, T = 6;
  const yMax = o.yMax || Math.max(1e-9, ...series.flatMap((sr) => sr.points.map((p) => p[1])));
  const span = Math.max(1, o.x1 - o.x0);
  const X = (/** @type {number} */ v) => L + ((v - o.x0) / span) * (W - L - 8);
  const Y = (/** @type {number} */ v) => T + (1 - v / yMax) * (H - T - B);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart line-chart', role: 'img', 'aria-label': o.kind + ' chart' });
  const step = niceStep(yMax, 3);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    svg.appendChild(s('line', { x1: L, x2: W - 8, y1: Y(v), y2: Y(v), class: 'grid' }));
    svg.appendChild(s('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, o.yFmt(v)));
  }
  for (const sr of series) {
    if (!sr.points.length) continue;
    const d = sr.points.map((p, i) => (i ? 'L' : 'M') + X(p[0]).toFixed(1) + ' ' + Y(p[1]).toFixed(1)).join(' ');
    svg.appendChild(s('path', { d, class: 'mark line ' + sr.cls, fill: 'none', 'data-kind': o.kind + '-line' }, tip(sr.label)));
    if (o.dots) sr.points.forEach((p, i) => svg.appendChild(s('circle', { cx: X(p[0]), cy: Y(p[1]), r: o.marked && o.marked.has(i) ? 4 : 2.5, class: 'mark dot ' + sr.cls + (o.marked && o.marked.has(i) ? ' marked' : ''), 'data-kind': o.kind + '-point' }, tip(o.xFmt(p[0]) + ': ' + o.yFmt(p[1])))));
  }
  svg.appendChild(s('text', { x: L, y: H - 4, class: 'axis-label' }, o.xFmt(o.x0)));
  svg.appendChild(s('text', { x: W - 8, y: H - 4, 'text-anchor': 'end', class: 'axis-label' }, o.xFmt(o.x1)));
  return svg;
}

/** Time axis ticks for the timeline (ms from run start). @param {SVGElement} svg @param {number} wall @param {(v: number) => number} X @param {number} y0 @param {number} y1 */
function timeAxis(svg, wall, X, y0, y1) {
  const step = niceStep(wall, 8);
  for (let t = 0; t <= wall; t += step) {
    svg.appendChild(s('line', { x1: X(t), x2: X(t), y1: y0, y2: y1, class: 'grid' }));
    const anchor = t === 0 ? 'start' : X(t) > X(wall) - 30 ? 'end' : 'middle'; // keep edge labels inside
    svg.appendChild(s('text', { x: X(t), y: y0 - 4, 'text-anchor': anchor, class: 'axis-label' }, fmtMs(t)));
  }
}

/**
 * Sparkline of a trend: points [time, value]; the last point is highlighted when it regressed.
 * @param {number[][]} points @param {string} metric @param {string} [verdict]
 */
function sparkline(points, metric, verdict) {
  const W = 220, H = 44, P = 4;
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const X = (/** @type {number} */ v) => P + ((v - x0) / Math.max(1, x1 - x0)) * (W - 2 * P);
  const Y = (/** @type {number} */ v) => P + (1 - (v - y0) / Math.max(1e-9, y1 - y0)) * (H - 2 * P);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart sparkline ' + (verdict || ''), role: 'img', 'aria-label': 'trend' });
  svg.appendChild(s('path', { d: points.map((p, i) => (i ? 'L' : 'M') + X(p[0]).toFixed(1) + ' ' + Y(p[1]).toFixed(1)).join(' '), class: 'spark-line', fill: 'none' }));
  points.forEach((p, i) => {
    const last = i === points.length - 1;
    svg.appendChild(s('circle', { cx: X(p[0]), cy: Y(p[1]), r: last ? 3.5 : 2, class: 'mark spark-dot' + (last && verdict === 'regression' ? ' regressed' : last && verdict === 'improvement' ? ' improved' : ''), 'data-kind': 'trend-point' },
      tip(new Date(p[0]).toISOString().slice(0, 16).replace('T', ' ') + ': ' + fmtMetric(metric, p[1]))));
  });
  return svg;
}
