// The HTML load view (load-report/index.html): one self-contained file, no script — charts are
// inline SVG drawn at generation time. Everything user-supplied (file name, metric names, error
// messages, URLs) is escaped; the page loads nothing from the network.
import type { LoadReport } from '../types/load';
import { buildLoadViewModel } from './view-model';

export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const W = 640;
const H = 160;
const PAD = 36;

interface Series { name: string; color: string; values: Array<number | null> }

function lineChart(title: string, xs: number[], series: Series[], shade: boolean[] = [], xLabel = 's'): string {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const maxY = Math.max(1e-9, ...all) * 1.1;
  const maxX = Math.max(1e-9, ...xs);
  const minX = Math.min(0, ...xs);
  const x = (v: number) => PAD + ((v - minX) / (maxX - minX || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD + 10 - (v / maxY) * (H - PAD - 10);
  const step = xs.length > 1 ? x(xs[1]) - x(xs[0]) : 10;
  const bands = shade.map((s, i) => (s ? `<rect x="${x(xs[i]).toFixed(1)}" y="10" width="${step.toFixed(1)}" height="${H - PAD}" fill="#fde2e2"><title>generator saturated</title></rect>` : '')).join('');
  const paths = series.map((s) => {
    const pts = s.values.map((v, i) => (v === null ? null : `${x(xs[i]).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
    return pts.length ? `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(' ')}"/>` +
      pts.map((p) => `<circle cx="${p!.split(',')[0]}" cy="${p!.split(',')[1]}" r="2" fill="${s.color}"/>`).join('') : '';
  }).join('');
  const legend = series.map((s) => `<span style="color:${s.color}">■ ${escapeHtml(s.name)}</span>`).join(' ');
  return `<figure><figcaption>${escapeHtml(title)} ${legend}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">` +
    `${bands}<line x1="${PAD}" y1="${H - PAD + 10}" x2="${W - PAD}" y2="${H - PAD + 10}" stroke="#888"/>` +
    `<line x1="${PAD}" y1="10" x2="${PAD}" y2="${H - PAD + 10}" stroke="#888"/>` +
    `<text x="2" y="16" font-size="10">${escapeHtml(Math.round(maxY / 1.1 * 100) / 100)}</text>` +
    `<text x="${W - PAD}" y="${H - 4}" font-size="10" text-anchor="end">${escapeHtml(Math.round(maxX * 10) / 10)} ${escapeHtml(xLabel)}</text>` +
    `${paths}</svg></figure>`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
}

export function renderLoadHtml(r: LoadReport): string {
  const vm = buildLoadViewModel(r);
  const t = r.totals;
  const metricsRows = Object.entries(r.metrics).map(([name, s]) =>
    [escapeHtml(name), ...[s.count, s.p50, s.p90, s.p95, s.p99, s.max].map((v) => escapeHtml(v))]);
  const verdicts = r.thresholds.map((v) => [v.ok ? '<b class="ok">pass</b>' : '<b class="bad">FAIL</b>', escapeHtml(v.metric),
    escapeHtml(v.expression), escapeHtml(v.actual ?? '—'), escapeHtml(v.reason)]);
  const sc = r.scalability;
  const errorRows = r.raw.errorSamples.slice(0, 20).map((e) => [escapeHtml(e.kind), escapeHtml(e.scenario),
    escapeHtml((e.at / 1000).toFixed(1)), escapeHtml(e.message)]);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Load report — ${escapeHtml(r.file)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:1000px}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
.ok{color:#080}.bad{color:#c00}.warn{background:#fff4d6;padding:6px 10px;border-left:4px solid #e0a000}
figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:4px}</style></head><body>
<h1>Load report: ${escapeHtml(r.file)}</h1>
<p>Status <b class="${r.status === 'passed' ? 'ok' : 'bad'}">${escapeHtml(r.status)}</b> · segments ${escapeHtml(r.segments.join(', '))}
 · ${escapeHtml(r.workers)} worker(s) · started ${escapeHtml(r.startedAt)}</p>
<p>Iterations ${t.iterations} (${t.iterationsPerSecond}/s) · flows ${t.flows} (${t.flowsPerSecond}/s) · errors ${t.failed}
 (${(t.errorRate * 100).toFixed(2)} %) · dropped ${t.dropped} · interrupted ${t.interrupted}</p>
${r.warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('')}
<h2>Thresholds</h2>${verdicts.length ? table(['', 'metric', 'threshold', 'measured', 'reason'], verdicts) : '<p>None defined.</p>'}
<h2>Over time</h2>
${lineChart('Active VUs', vm.t, [{ name: 'VUs', color: '#2463eb', values: vm.vus }], vm.saturated)}
${lineChart('Throughput (iterations/s)', vm.t, [{ name: 'iterations/s', color: '#0a8', values: vm.throughput }], vm.saturated)}
${lineChart(`Latency of ${vm.metric} (ms)`, vm.t, [{ name: 'p50', color: '#0a8', values: vm.p50 },
    { name: 'p95', color: '#e08000', values: vm.p95 }, { name: 'p99', color: '#c00', values: vm.p99 }], vm.saturated)}
${lineChart('Errors per window', vm.t, [{ name: 'failed iterations', color: '#c00', values: vm.errors }], vm.saturated)}
<p>Shaded windows: the load generator was saturated (their timings are excluded from the summaries).</p>
<h2>Scalability</h2>
${sc.points.length > 1 ? lineChart(`${sc.metric} p95 (ms) by concurrent VUs`, sc.points.map((p) => p.vus),
    [{ name: 'p95', color: '#e08000', values: sc.points.map((p) => p.p95) }], [], 'VUs') : '<p>One load level only.</p>'}
<p>${sc.kneeVUs !== undefined ? `Knee at ${escapeHtml(sc.kneeVUs)} VUs. ` : ''}${sc.maxVUsMeetingThresholds !== undefined
    ? `Highest load meeting the thresholds: ${escapeHtml(sc.maxVUsMeetingThresholds)} VUs.` : ''}</p>
<h2>Metrics (whole test)</h2>${table(['metric', 'count', 'p50', 'p90', 'p95', 'p99', 'max'], metricsRows)}
<h2>Errors</h2>${errorRows.length ? table(['kind', 'scenario', 'at (s)', 'message'], errorRows) : '<p>No errors.</p>'}
</body></html>
`;
}
