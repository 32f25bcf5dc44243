// @ts-check
// Trends from history: one sparkline per metric series (regressions first and marked), the
// statistical findings, and the stability of tests across runs.

registerView({
  id: 'trends', label: 'Trends', render() {
    const root = h('div', { class: 'view', 'data-view': 'trends' });
    const hist = VM.history;
    if (!hist) { root.appendChild(section('Trends', empty('No history: enable history in the reporter options to compare runs.'))); return root; }
    root.appendChild(section('Baseline', h('p', null, bidi(hist.baseline)), hist.caveats.length ? h('ul', { class: 'caveats' }, hist.caveats.map((/** @type {string} */ c) => h('li', null, bidi(c)))) : null));
    const metrics = [...new Set(hist.trends.map((/** @type {any} */ t) => t.metric))];
    const pick = /** @type {HTMLSelectElement} */ (h('select', { 'aria-label': 'metric', 'data-role': 'metric' }, h('option', { value: '' }, 'all metrics'), metrics.map((m) => h('option', { value: m }, m))));
    const onlyReg = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', 'data-role': 'only-regressions' }));
    const grid = h('div', { class: 'trend-grid' });
    const count = h('span', { class: 'count' });
    function paint() {
      /** Series cards are capped at 120 at a time: each is a small SVG. */
      const list = hist.trends.filter((/** @type {any} */ t) => (!pick.value || t.metric === pick.value) && (!onlyReg.checked || t.verdict === 'regression'));
      grid.replaceChildren(...list.slice(0, 120).map((/** @type {any} */ t) => h('div', { class: 'trend-card' + (t.verdict === 'regression' ? ' regressed' : ''), 'data-verdict': t.verdict || '' },
        h('div', { class: 'trend-head' }, h('span', { class: 'metric' }, t.metric), t.verdict && t.verdict !== 'unchanged' ? badge(t.verdict + ' ' + fmtChange(t.change), t.verdict) : null),
        h('div', { class: 'trend-subject' }, subjectCell(t)),
        sparkline(t.points, t.metric, t.verdict),
        h('div', { class: 'sub' }, t.points.length + ' runs · last ' + fmtMetric(t.metric, t.points[t.points.length - 1][1])))));
      count.textContent = Math.min(120, list.length) + ' of ' + list.length + ' series' + (hist.trendsTotal > hist.trends.length ? ' (' + hist.trendsTotal + ' in history)' : '');
    }
    pick.addEventListener('change', paint);
    onlyReg.addEventListener('change', paint);
    paint();
    root.appendChild(section('Trends per test and metric', hist.trends.length ? [h('div', { class: 'toolbar' }, pick, h('label', null, onlyReg, ' regressions only'), count), grid] : empty('History has no trend series yet.')));
    const changed = hist.findings.filter((/** @type {any} */ f) => f.verdict === 'regression' || f.verdict === 'improvement');
    root.appendChild(section('Significant changes (' + changed.length + ' of ' + hist.findingsTotal + ' compared)', changed.length ? findingsTable(changed.slice(0, 300)) : empty('Nothing changed significantly.')));
    if (VM.quality && VM.quality.perTest.length) {
      const q = [...VM.quality.perTest].sort((a, b) => b.flakinessIndex - a.flakinessIndex).slice(0, 50);
      root.appendChild(section('Stability across runs (most flaky first)', table([['Test', (x) => subjectCell({ subject: x.testId })], ['Runs', (x) => x.runs, true],
        ['Flakiness', (x) => x.flakinessIndex.toFixed(2), true], ['Flip rate', (x) => fmtPct(x.flipRate), true], ['Error rate', (x) => fmtPct(x.errorRate), true], ['This run', (x) => x.failureKind ? badge(x.failureKind, 'failed') : '']], q)));
    }
    if (VM.budgets.length) root.appendChild(section('Budgets', budgetTable(VM.budgets)));
    return root;
  },
});
