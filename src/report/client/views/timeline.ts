// Worker timeline: a Gantt lane per worker slot over wall time, idle gaps hatched, the critical
// path outlined, CPU and memory samples underneath on the same time axis.
import { bidi, h, s } from '../components/dom';
import { lineChart, timeAxis, tip } from '../components/charts';
import { fmtBytes, fmtInt, fmtMs, fmtPct } from '../components/format';
import { navigate } from '../components/route';
import { empty, meter, section, table } from '../components/widgets';
import { A, GAP, statusName, SYS, T, type PageModel } from '../model';
import type { ReportView } from './shared';

const W = 1000,
  L = 110,
  LANE_H = 22,
  TOP = 22;

function legendItem(swatch: string, label: string): HTMLElement {
  return h('span', { class: 'legend-item' }, h('i', { class: 'swatch ' + swatch }), label);
}

function gantt(vm: PageModel, wall: number): SVGSVGElement {
  const X = (t: number) => L + (t / wall) * (W - L - 8);
  const lanes = vm.lanes.length;
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${TOP + lanes * LANE_H + 4}`,
    class: 'chart gantt',
    role: 'img',
    'aria-label': 'worker timeline',
  });
  timeAxis(svg, wall, X, TOP, TOP + lanes * LANE_H);
  for (const ln of vm.lanes) {
    const y = TOP + ln.lane * LANE_H;
    svg.appendChild(s('text', { x: L - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label' }, ln.label));
    svg.appendChild(s('rect', { x: L, y: y + 2, width: W - L - 8, height: LANE_H - 4, class: 'lane-bg' }));
  }
  for (const g of vm.idleGaps) {
    const x = X(GAP.startMs(g));
    svg.appendChild(
      s(
        'rect',
        {
          x,
          y: TOP + GAP.lane(g) * LANE_H + 2,
          width: Math.max(0.5, X(GAP.startMs(g) + GAP.durationMs(g)) - x),
          height: LANE_H - 4,
          class: 'mark gap',
          'data-kind': 'idle-gap',
        },
        tip('idle ' + fmtMs(GAP.durationMs(g))),
      ),
    );
  }
  const critical = new Set(vm.critical ? vm.critical.attempts : []);
  // Marks share one <g> with one click listener: 10,000 listeners would cost more than the rects.
  const marks = s('g', { class: 'attempts' });
  vm.attempts.forEach((a, i) => {
    const t = vm.tests[A.test(a)];
    const st = statusName(A.status(a));
    const x = X(A.startMs(a));
    const w = Math.max(0.6, X(A.startMs(a) + A.durationMs(a)) - x);
    // Only bars wide enough get an outline: a thousand outlined slivers would paint the lane black.
    const cls = 'mark attempt st-' + st + (critical.has(i) ? ' critical' + (w >= 4 ? ' outlined' : '') : '');
    const label =
      (t ? T.title(t) : '') +
      (A.retry(a) ? ' (retry ' + A.retry(a) + ')' : '') +
      ' — ' +
      fmtMs(A.durationMs(a)) +
      ', ' +
      st;
    marks.appendChild(
      s(
        'rect',
        {
          x,
          y: TOP + A.lane(a) * LANE_H + 3,
          width: w,
          height: LANE_H - 6,
          class: cls,
          'data-kind': 'attempt',
          'data-test': A.test(a),
        },
        tip(label),
      ),
    );
  });
  marks.addEventListener('click', (e) => {
    const target = e.target;
    const ti = target instanceof Element ? target.getAttribute('data-test') : null;
    if (ti !== null) navigate(['test', ti]);
  });
  svg.appendChild(marks);
  const cp = vm.critical;
  if (cp && cp.attempts.length) {
    // The critical path as a band under its lane, from its first to its last attempt.
    const cps = cp.attempts.map((i) => vm.attempts[i]).filter((a) => a !== undefined);
    const x0 = Math.min(...cps.map((a) => A.startMs(a))),
      x1 = Math.max(...cps.map((a) => A.startMs(a) + A.durationMs(a)));
    svg.appendChild(
      s(
        'rect',
        {
          x: X(x0),
          y: TOP + cp.lane * LANE_H + LANE_H - 3,
          width: Math.max(1, X(x1) - X(x0)),
          height: 2.5,
          class: 'critical-band',
        },
        tip('critical path: ' + cp.reason),
      ),
    );
  }
  return svg;
}

export const timelineView: ReportView = {
  id: 'timeline',
  label: 'Timeline',
  render(ctx) {
    const vm = ctx.vm;
    const root = h('div', { class: 'view', 'data-view': 'timeline' });
    if (!vm.attempts.length) {
      root.appendChild(section('Worker timeline', empty('No test attempts ran.')));
      return root;
    }
    const wall = Math.max(1, vm.run.wallTimeMs, ...vm.attempts.map((a) => A.startMs(a) + A.durationMs(a)));
    root.appendChild(
      section(
        'Worker timeline',
        h(
          'p',
          { class: 'hint' },
          vm.lanes.length +
            ' lanes · ' +
            fmtInt(vm.attempts.length) +
            ' attempts · ' +
            fmtInt(vm.idleGaps.length) +
            ' idle gaps. Click a bar to open the test.',
        ),
        h(
          'div',
          { class: 'legend' },
          legendItem('st-passed', 'passed'),
          legendItem('st-failed', 'failed'),
          legendItem('critical-swatch', 'critical path'),
          legendItem('gap', 'idle'),
        ),
        h('div', { class: 'scroll-y' }, gantt(vm, wall)),
        vm.critical ? h('p', { class: 'critical-note' }, 'Critical path: ', bidi(vm.critical.reason)) : null,
      ),
    );

    if (vm.system.length) {
      const o = { x0: 0, x1: wall, xFmt: fmtMs, left: L };
      const cpu = vm.system.map((p): [number, number] => [SYS.atMs(p), SYS.cpu(p)]);
      const mem = vm.system.map((p): [number, number] => [SYS.atMs(p), SYS.memUsedBytes(p)]);
      root.appendChild(
        section(
          'CPU and memory during the run',
          lineChart([{ points: cpu, cls: 'cpu', label: 'CPU' }], {
            ...o,
            kind: 'cpu',
            yMax: 1,
            yFmt: (v) => fmtPct(v),
          }),
          lineChart([{ points: mem, cls: 'mem', label: 'memory used' }], {
            ...o,
            kind: 'memory',
            yMax: vm.memTotalBytes || undefined,
            yFmt: fmtBytes,
          }),
        ),
      );
    } else {
      root.appendChild(
        section(
          'CPU and memory during the run',
          empty('No system samples (sampling off, or the run was merged from shards).'),
        ),
      );
    }
    root.appendChild(
      section(
        'Lanes',
        table<PageModel['lanes'][number]>(
          [
            ['Lane', (l) => l.label],
            ['Attempts', (l) => fmtInt(l.attempts), true],
            ['Busy', (l) => fmtMs(l.busyMs), true],
            ['Idle', (l) => fmtMs(l.idleMs), true],
            [
              'Utilisation',
              (l) => h('span', { class: 'meter' }, meter(l.utilisation), ' ', fmtPct(l.utilisation)),
              true,
            ],
          ],
          vm.lanes,
        ),
      ),
    );
    return root;
  },
};
