// @ts-check
// Worker timeline: a Gantt lane per worker slot over wall time, idle gaps hatched, the critical
// path outlined, CPU and memory samples underneath on the same time axis.

registerView({
  id: 'timeline', label: 'Timeline', render() {
    const root = h('div', { class: 'view', 'data-view': 'timeline' });
    if (!VM.attempts.length) { root.appendChild(section('Worker timeline', empty('No test attempts ran.'))); return root; }
    const wall = Math.max(1, VM.run.wallTimeMs, ...VM.attempts.map((/** @type {number[]} */ a) => a[AC.startMs] + a[AC.durationMs]));
    const W = 1000, L = 110, laneH = 22, top = 22;
    const X = (/** @type {number} */ t) => L + (t / wall) * (W - L - 8);
    const lanes = VM.lanes.length;
    const svg = s('svg', { viewBox: `0 0 ${W} ${top + lanes * laneH + 4}`, class: 'chart gantt', role: 'img', 'aria-label': 'worker timeline' });
    timeAxis(svg, wall, X, top, top + lanes * laneH);
    for (const ln of VM.lanes) {
      const y = top + ln.lane * laneH;
      svg.appendChild(s('text', { x: L - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label' }, ln.label));
      svg.appendChild(s('rect', { x: L, y: y + 2, width: W - L - 8, height: laneH - 4, class: 'lane-bg' }));
    }
    for (const g of VM.idleGaps) {
      svg.appendChild(s('rect', { x: X(g[1]), y: top + g[0] * laneH + 2, width: Math.max(0.5, X(g[1] + g[2]) - X(g[1])), height: laneH - 4, class: 'mark gap', 'data-kind': 'idle-gap' }, tip('idle ' + fmtMs(g[2]))));
    }
    const critical = new Set(VM.critical ? VM.critical.attempts : []);
    /** Marks are grouped in one <g> with one click listener: 10,000 listeners would cost more than the rects. */
    const marks = s('g', { class: 'attempts' });
    VM.attempts.forEach((/** @type {number[]} */ a, /** @type {number} */ i) => {
      const t = VM.tests[a[AC.test]];
      const st = STATUSES[a[AC.status]] || 'passed';
      const w = Math.max(0.6, X(a[AC.startMs] + a[AC.durationMs]) - X(a[AC.startMs]));
      marks.appendChild(s('rect', {
        x: X(a[AC.startMs]), y: top + a[AC.lane] * laneH + 3, width: w, height: laneH - 6,
        // Only bars wide enough get an outline: a thousand outlined slivers would paint the lane black.
        class: 'mark attempt st-' + st + (critical.has(i) ? ' critical' + (w >= 4 ? ' outlined' : '') : ''), 'data-kind': 'attempt', 'data-test': a[AC.test],
      }, tip(t[TC.title] + (a[AC.retry] ? ' (retry ' + a[AC.retry] + ')' : '') + ' — ' + fmtMs(a[AC.durationMs]) + ', ' + st)));
    });
    marks.addEventListener('click', (e) => {
      const el = /** @type {Element} */ (e.target);
      const ti = el.getAttribute && el.getAttribute('data-test');
      if (ti !== null && ti !== undefined) location.hash = route(['test', ti]);
    });
    svg.appendChild(marks);
    if (VM.critical && VM.critical.attempts.length) {
      // The critical path as a band under its lane, from its first to its last attempt.
      const cps = VM.critical.attempts.map((/** @type {number} */ i) => VM.attempts[i]);
      const x0 = Math.min(...cps.map((/** @type {number[]} */ a) => a[AC.startMs])), x1 = Math.max(...cps.map((/** @type {number[]} */ a) => a[AC.startMs] + a[AC.durationMs]));
      svg.appendChild(s('rect', { x: X(x0), y: top + VM.critical.lane * laneH + laneH - 3, width: Math.max(1, X(x1) - X(x0)), height: 2.5, class: 'critical-band' }, tip('critical path: ' + VM.critical.reason)));
    }
    root.appendChild(section('Worker timeline',
      h('p', { class: 'hint' }, lanes + ' lanes · ' + fmtInt(VM.attempts.length) + ' attempts · ' + fmtInt(VM.idleGaps.length) + ' idle gaps. Click a bar to open the test.'),
      h('div', { class: 'legend' }, h('span', { class: 'legend-item' }, h('i', { class: 'swatch st-passed' }), 'passed'), h('span', { class: 'legend-item' }, h('i', { class: 'swatch st-failed' }), 'failed'),
        h('span', { class: 'legend-item' }, h('i', { class: 'swatch critical-swatch' }), 'critical path'), h('span', { class: 'legend-item' }, h('i', { class: 'swatch gap' }), 'idle')),
      h('div', { class: 'scroll-y' }, svg),
      VM.critical ? h('p', { class: 'critical-note' }, 'Critical path: ', bidi(VM.critical.reason)) : null));

    if (VM.system.length) {
      const o = { x0: 0, x1: wall, xFmt: fmtMs, left: L };
      root.appendChild(section('CPU and memory during the run',
        lineChart([{ points: VM.system.map((/** @type {number[]} */ p) => [p[0], p[1]]), cls: 'cpu', label: 'CPU' }], { ...o, kind: 'cpu', yMax: 1, yFmt: (v) => fmtPct(v) }),
        lineChart([{ points: VM.system.map((/** @type {number[]} */ p) => [p[0], p[2]]), cls: 'mem', label: 'memory used' }], { ...o, kind: 'memory', yMax: VM.memTotalBytes || undefined, yFmt: fmtBytes })));
    } else root.appendChild(section('CPU and memory during the run', empty('No system samples (sampling off, or the run was merged from shards).')));

    root.appendChild(section('Lanes', table([
      ['Lane', (l) => l.label], ['Attempts', (l) => fmtInt(l.attempts), true], ['Busy', (l) => fmtMs(l.busyMs), true], ['Idle', (l) => fmtMs(l.idleMs), true],
      ['Utilisation', (l) => h('span', { class: 'meter' }, meter(l.utilisation), ' ', fmtPct(l.utilisation)), true]], VM.lanes)));
    return root;
  },
});

/** @param {number} x 0..1 */
function meter(x) {
  const m = h('span', { class: 'meter-bar' }, h('span', { class: 'meter-fill' }));
  /** @type {HTMLElement} */ (m.firstChild).style.width = Math.round(Math.min(1, Math.max(0, x)) * 100) + '%';
  return m;
}
