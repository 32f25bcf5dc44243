// @ts-check
// Business flows per direction (Hebrew rendering, language switch …) and browser startup per worker.

registerView({
  id: 'flows', label: 'Flows', render() {
    const root = h('div', { class: 'view', 'data-view': 'flows' });
    const per = VM.flows ? VM.flows.perFlow : [];
    if (!per.length) { root.appendChild(section('Flows', empty('No flows were measured (wrap steps in perf.flow(…) or use a preset).'))); return root; }
    /** @type {Map<string, any[]>} */
    const byName = new Map();
    for (const f of per) { const k = f.name + (f.preset ? ' (' + f.preset + ')' : ''); byName.set(k, [...(byName.get(k) || []), f]); }
    root.appendChild(section('Flow duration per direction (p50 · p95)', barChart(per.map((/** @type {any} */ f) => ({
      label: f.name + (f.direction ? ' ' + f.direction : ''), value: f.dist.p95, text: fmtMs(f.dist.p50) + ' · ' + fmtMs(f.dist.p95) + (f.failures ? ' · ' + f.failures + ' failed' : ''), cls: f.failures ? 'bar-failed' : 'bar',
    })), { kind: 'flow' })));
    for (const [name, list] of byName) {
      root.appendChild(section(name, table([['Direction', (f) => f.direction ? h('bdi', { dir: 'ltr' }, f.direction) : '–'], ['Runs', (f) => fmtInt(f.count), true], ['Failures', (f) => fmtInt(f.failures), true],
        ['p50', (f) => fmtMs(f.dist.p50), true], ['p95', (f) => fmtMs(f.dist.p95), true], ['Max', (f) => fmtMs(f.dist.max), true],
        ['Tests', (f) => f.tests.slice(0, 5).map((/** @type {string} */ id) => { const i = testIndexOf(id); return i === undefined ? null : h('div', null, testLink(VM.tests[i])); })]], list, 'flow-table')));
    }
    const withFindings = VM.flowSamples.filter((/** @type {any} */ f) => (f.findings && f.findings.length) || !f.ok);
    if (withFindings.length) root.appendChild(section('Flow findings (glyphs, direction, failures)', flowTable(withFindings.slice(0, 100))));
    return root;
  },
});

registerView({
  id: 'startup', label: 'Startup', render() {
    const root = h('div', { class: 'view', 'data-view': 'startup' });
    const st = VM.startup;
    if (!st || !st.perWorker.length) { root.appendChild(section('Browser startup', empty('No browser startup was measured.'))); return root; }
    root.appendChild(h('div', { class: 'stats' }, stat('Total startup time', fmtMs(st.totalMs), st.perWorker.length + ' workers')));
    const labels = ['launch', 'context', 'page'];
    root.appendChild(section('Startup per worker (launch · context · page)', legend(undefined, labels),
      h('div', { class: 'loc-stack' }, st.perWorker.map((/** @type {any} */ w) => h('div', { class: 'loc-row' }, h('span', null, 'worker ' + w.workerIndex + ' · ' + w.browserName),
        stackBar([w.launchMs, w.contextMs, w.pageMs], { kind: 'startup', width: 500, height: 14, labels }), h('span', { class: 'num' }, fmtMs(w.launchMs + w.contextMs + w.pageMs)))))));
    root.appendChild(section('Phases, cold and warm', table([['Phase', (p) => p.phase], ['Browser', (p) => p.browserName], ['Temperature', (p) => p.temperature], ['Count', (p) => fmtInt(p.dist.count), true],
      ['p50', (p) => fmtMs(p.dist.p50), true], ['p95', (p) => fmtMs(p.dist.p95), true], ['Max', (p) => fmtMs(p.dist.max), true]], st.phases)));
    return root;
  },
});
