// @ts-check
// Overview: run summary, where time went, regressions, budget breaches, recommendations.

/** Test link cell. @param {any[]} t */
function testLink(t) {
  const idx = VM.tests.indexOf(t);
  return h('a', { href: ['test', idx], class: 'test-link' }, bidi(String(t[TC.title])));
}

registerView({
  id: 'overview', label: 'Overview', render() {
    const sm = VM.summary;
    const root = h('div', { class: 'view', 'data-view': 'overview' });
    if (VM.gate) root.appendChild(h('div', { class: 'banner ' + (VM.gate.failed ? 'bad' : 'good') }, VM.gate.failed ? 'Performance gate failed: ' : 'Performance gate passed', VM.gate.reasons.join('; ')));
    root.appendChild(h('div', { class: 'stats' },
      stat('Wall time', fmtMs(sm.wallTimeMs), 'status: ' + sm.status + (sm.interrupted ? ' (interrupted)' : '')),
      stat('Test time', fmtMs(sm.testTimeMs), fmtInt(sm.attempts) + ' attempts'),
      stat('Parallel efficiency', fmtPct(sm.parallelEfficiency), sm.workers + ' worker slots', sm.parallelEfficiency < 0.6 ? 'warn' : ''),
      stat('Tests', fmtInt(sm.tests), ''),
      stat('Passed', fmtInt(sm.passed), '', 'good'),
      stat('Failed', fmtInt(sm.failed), sm.timedOut ? sm.timedOut + ' timed out' : '', sm.failed ? 'bad' : ''),
      stat('Flaky', fmtInt(sm.flaky), '', sm.flaky ? 'warn' : ''),
      stat('Skipped', fmtInt(sm.skipped), '')));
    root.appendChild(section('Where the test time went', stackBar(VM.buckets, { kind: 'run-breakdown' }), legend(VM.buckets)));

    const regs = VM.history ? VM.history.findings.filter((/** @type {any} */ f) => f.verdict === 'regression') : [];
    root.appendChild(section('Top regressions',
      !VM.history ? empty('No history yet: regressions appear from the second run with history enabled.')
        : regs.length === 0 ? empty('No regressions against ' + VM.history.baseline + '.')
          : findingsTable(regs.slice(0, 8))));
    const breaches = VM.budgets.filter((/** @type {any} */ b) => !b.ok).sort((/** @type {any} */ a, /** @type {any} */ b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1));
    root.appendChild(section('Budget breaches',
      VM.budgets.length === 0 ? empty('No budgets configured.')
        : breaches.length === 0 ? empty('All ' + VM.budgets.length + ' budgets met.')
          : budgetTable(breaches.slice(0, 10))));
    root.appendChild(section('Top recommendations',
      VM.recommendations.length === 0 ? empty('No recommendations for this run.')
        : h('ol', { class: 'rec-list' }, [...VM.recommendations].sort((a, b) => b.expectedSavingMs - a.expectedSavingMs).slice(0, 3).map((r) =>
          h('li', null, h('a', { href: ['recommendations', r.id] }, r.title), ' — saves ~', fmtMs(r.expectedSavingMs), ' (', r.expectedSavingPct.toFixed(1), ' % of wall time), confidence ', r.confidence)))));
    const slow = [...VM.tests].sort((a, b) => b[TC.durationMs] - a[TC.durationMs]).slice(0, 10);
    root.appendChild(section('Slowest tests', barChart(slow.map((t) => ({ label: String(t[TC.title]), value: t[TC.durationMs], text: fmtMs(t[TC.durationMs]), href: ['test', VM.tests.indexOf(t)], cls: 'bar-' + OUTCOMES[t[TC.outcome]] })), { kind: 'slowest-test' })));
    if (VM.errors.length) root.appendChild(section('playwright-perf warnings (' + VM.errors.length + ')', table([
      ['Where', (e) => e.where], ['Message', (e) => h('span', { class: 'pre-wrap' }, e.message)], ['Severity', (e) => e.severity]], VM.errors.slice(0, 50))));
    root.appendChild(section('Run', table([['', (m) => m[0]], ['', (m) => bidi(m[1])]], VM.run.meta, 'meta')));
    return root;
  },
});

/** @param {any[]} rows */
function findingsTable(rows) {
  return table([
    ['Metric', (f) => f.metric], ['Subject', (f) => subjectCell(f)], ['Baseline', (f) => f.baselineMedian === null ? '–' : fmtMetric(f.metric, f.baselineMedian), true],
    ['Now', (f) => f.currentMedian === null ? '–' : fmtMetric(f.metric, f.currentMedian), true], ['Change', (f) => h('span', { class: f.verdict }, fmtChange(f.change)), true],
    ['q', (f) => f.qValue === null ? '–' : f.qValue.toPrecision(2), true], ['Verdict', (f) => badge(f.verdict, f.verdict)],
  ], rows);
}

/** A finding's subject: a test (by id, or by history's `file › describe › title`) becomes its
 *  title with a link. @param {any} f */
function subjectCell(f) {
  const idx = testIndexOf(f.subject, f.project);
  if (idx !== undefined) return h('a', { href: ['test', idx] }, bidi(String(VM.tests[idx][TC.title])));
  return bidi(f.subject);
}

/** @param {any[]} rows */
function budgetTable(rows) {
  return table([['Rule', (b) => h('code', null, b.rule)], ['Subject', (b) => bidi(b.subject)], ['Limit', (b) => fmtMetric(b.rule, b.limit), true],
    ['Actual', (b) => fmtMetric(b.rule, b.actual), true], ['', (b) => badge(b.ok ? 'ok' : b.severity, b.ok ? 'good' : b.severity === 'error' ? 'failed' : 'flaky')], ['', (b) => bidi(b.message)]], rows);
}

/** @type {Map<string, number>} */
const TEST_BY_ID = new Map(VM.tests.map((/** @type {any[]} */ t, /** @type {number} */ i) => [t[TC.id], i]));
/** History names tests `file › describe › title` (stable across runs), per project. @type {Map<string, number>} */
const TEST_BY_SUBJECT = new Map();
VM.tests.forEach((/** @type {any[]} */ t, /** @type {number} */ i) => {
  const subject = [str(t[TC.file]), ...(t[TC.path] ? [t[TC.path]] : []), t[TC.title]].join(' › ');
  TEST_BY_SUBJECT.set(subject + '\u0000' + str(t[TC.project]), i);
  if (!TEST_BY_SUBJECT.has(subject)) TEST_BY_SUBJECT.set(subject, i);
});
/** @param {string} subject @param {string} [project] @returns {number | undefined} */
function testIndexOf(subject, project) {
  return TEST_BY_ID.get(subject) ?? TEST_BY_SUBJECT.get(subject + '\u0000' + (project ?? '')) ?? TEST_BY_SUBJECT.get(subject);
}
