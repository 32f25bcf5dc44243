// Entry of the load view page (bundled to one IIFE by esbuild, inlined by src/load/html.ts), built
// from the report's reusable components: stat tiles, tables and line charts of VUs, throughput,
// latency percentiles and errors over time, the scalability curve and the threshold verdicts.
import { h } from '../../report/client/components/dom';
import { readDataBlock } from '../../report/client/components/data-block';
import { fmtInt, fmtMetric, fmtMs, fmtPct } from '../../report/client/components/format';
import { lineChart, type LineSeries } from '../../report/client/components/charts';
import { badge, empty, section, stat, table, type Column } from '../../report/client/components/widgets';
import { themeToggle } from '../../report/client/components/theme';
import type { LoadPageModel } from '../../types/load-view';

const THEME_KEY = 'playwright-perf-theme';

function series(
  vm: LoadPageModel,
  pick: (w: LoadPageModel['windows'][number]) => number | null,
  cls: string,
  label: string,
): LineSeries {
  const points: Array<readonly [number, number]> = [];
  for (const w of vm.windows) {
    const v = pick(w);
    if (v !== null) points.push([w.t, v]);
  }
  return { points, cls, label };
}

function overTime(vm: LoadPageModel, kind: string, list: LineSeries[], yFmt: (v: number) => string): SVGSVGElement {
  const x1 = vm.windows.length ? vm.windows[vm.windows.length - 1].t + vm.windowSeconds : 1;
  return lineChart(list, {
    kind,
    x0: 0,
    x1,
    yFmt,
    xFmt: (v) => v.toFixed(0) + ' s',
    dots: true,
    marked: new Set(vm.windows.flatMap((w, i) => (w.saturated ? [i] : []))),
  });
}

function render(vm: LoadPageModel): Node {
  const t = vm.totals;
  const statusKind = vm.status === 'passed' ? 'passed' : 'failed';
  const sc = vm.scalability;
  const errorKinds = Object.entries(t.errors)
    .map(([k, n]) => `${k} ${n ?? 0}`)
    .join(', ');
  return h(
    'main',
    { id: 'main' },
    vm.warnings.map((w) => h('pre', { class: 'error' }, w)),
    h(
      'div',
      { class: 'stats' },
      stat('status', badge(vm.status, statusKind)),
      stat('iterations', fmtInt(t.iterations), `${t.iterationsPerSecond}/s`),
      stat('flows', fmtInt(t.flows), `${t.flowsPerSecond}/s`),
      stat('error rate', fmtPct(t.errorRate, 2), errorKinds || 'no errors', t.failed ? 'bad' : ''),
      stat('dropped', fmtInt(t.dropped), `interrupted ${t.interrupted}`),
    ),
    section(
      'Thresholds',
      vm.thresholds.length
        ? table(
            [
              ['', (r) => badge(r.ok ? 'pass' : 'FAIL', r.ok ? 'passed' : 'failed')],
              ['metric', (r) => r.metric],
              ['threshold', (r) => r.expression],
              ['measured', (r) => (r.actual === undefined ? '—' : fmtMetric(r.metric, r.actual)), true],
              ['reason', (r) => r.reason],
            ],
            vm.thresholds,
            'thresholds',
          )
        : empty('No thresholds defined.'),
    ),
    section(
      'Active VUs',
      overTime(vm, 'vus', [series(vm, (w) => w.vus, 'cpu', 'VUs')], (v) => v.toFixed(0)),
    ),
    section(
      'Throughput (iterations/s)',
      overTime(vm, 'throughput', [series(vm, (w) => w.throughput, 'cpu', 'iterations/s')], (v) => v.toFixed(1)),
    ),
    section(
      `Latency of ${vm.metric}`,
      overTime(
        vm,
        'latency',
        [
          series(vm, (w) => w.p50, 'cpu', 'p50'),
          series(vm, (w) => w.p95, 'mem', 'p95'),
          series(vm, (w) => w.p99, 'p99', 'p99'),
        ],
        fmtMs,
      ),
      h(
        'p',
        { class: 'count' },
        'Large dots: windows where the load generator was saturated (left out of the summaries).',
      ),
    ),
    section(
      'Errors per window',
      overTime(vm, 'errors', [series(vm, (w) => w.errors, 'mem', 'failed iterations')], (v) => v.toFixed(0)),
    ),
    section(
      `Scalability: ${sc.metric} p95 by concurrent VUs`,
      sc.points.length > 1
        ? lineChart([{ points: sc.points.map((p) => [p.vus, p.p95] as const), cls: 'mem', label: 'p95' }], {
            kind: 'scalability',
            x0: sc.points[0].vus,
            x1: sc.points[sc.points.length - 1].vus,
            yFmt: fmtMs,
            xFmt: (v) => v + ' VUs',
            dots: true,
          })
        : empty('One load level only: use a ramp to see the curve.'),
      h(
        'p',
        null,
        sc.kneeVUs !== undefined ? `Knee at ${sc.kneeVUs} VUs. ` : '',
        sc.maxVUsMeetingThresholds !== undefined
          ? `Highest load meeting the thresholds: ${sc.maxVUsMeetingThresholds} VUs.`
          : '',
      ),
      sc.points.length
        ? table(
            [
              ['VUs', (p) => String(p.vus), true],
              ['p50', (p) => fmtMs(p.p50), true],
              ['p95', (p) => fmtMs(p.p95), true],
              ['iterations/s', (p) => String(p.throughput), true],
              ['error rate', (p) => fmtPct(p.errorRate, 1), true],
              [
                'thresholds',
                (p) => badge(p.meetsThresholds ? 'met' : 'missed', p.meetsThresholds ? 'passed' : 'failed'),
              ],
            ],
            sc.points,
            'scalability',
          )
        : null,
    ),
    section(
      'Metrics (whole test)',
      table(
        [
          ['metric', (m) => m.name],
          ['count', (m) => fmtInt(m.count), true],
          ...(['p50', 'p90', 'p95', 'p99', 'max'] as const).map(
            (k): Column<LoadPageModel['metrics'][number]> => [k, (m) => fmtMetric(m.name, m[k]), true],
          ),
        ],
        vm.metrics,
        'metrics',
      ),
    ),
    section(
      'Errors',
      vm.errorSamples.length
        ? table(
            [
              ['kind', (e) => e.kind],
              ['scenario', (e) => e.scenario],
              ['at', (e) => (e.at / 1000).toFixed(1) + ' s', true],
              ['message', (e) => h('pre', { class: 'error small' }, e.message)],
            ],
            vm.errorSamples,
            'errors',
          )
        : empty('No errors.'),
    ),
  );
}

async function boot(): Promise<void> {
  const vm = (await readDataBlock('pp-load')) as LoadPageModel | null;
  const app = document.getElementById('app');
  if (!vm || !app) throw new Error('no load data in this page');
  const brand = h(
    'div',
    { class: 'brand' },
    'playwright-perf load',
    h(
      'span',
      { class: 'sub' },
      ` ${vm.title} · ${new Date(vm.startedAt).toLocaleString()} · segments ${vm.segments.join(', ')}` +
        ` · ${vm.workers} worker(s)`,
    ),
  );
  app.replaceChildren(h('header', { class: 'top' }, brand, themeToggle(THEME_KEY)), render(vm));
}

boot().catch((e: unknown) => {
  const app = document.getElementById('app');
  if (app)
    app.textContent =
      'The load data could not be read (' +
      (e instanceof Error ? e.message : String(e)) +
      '). ' +
      'The same data is in load.json next to this file.';
});
