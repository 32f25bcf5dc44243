// @ts-check
// Tests: searchable, filterable, sortable virtual list of every test; and the slowest
// tests/files/steps with their breakdown.

/** Lower-cased haystack per test, built once: search is a substring scan over 10,000 strings. */
const SEARCH_TEXT = VM.tests.map((/** @type {any[]} */ t) => [t[TC.title], t[TC.path], str(t[TC.file]), t[TC.tags], str(t[TC.project]), t[TC.id]].join('\n').toLowerCase());
/** The list's current order (after filter + sort): test detail uses it for previous/next. */
let LIST_ORDER = VM.tests.map((/** @type {any} */ _, /** @type {number} */ i) => i);
const LIST_STATE = { q: '', outcome: 'all', project: 'all', sort: { key: 'durationMs', dir: -1 } };

registerView({
  id: 'tests', label: 'Tests', render() {
    const root = h('div', { class: 'view', 'data-view': 'tests' });
    const projects = [...new Set(VM.tests.map((/** @type {any[]} */ t) => t[TC.project]))];
    const count = h('span', { class: 'count', 'data-role': 'count' });
    const search = /** @type {HTMLInputElement} */ (h('input', { type: 'search', placeholder: 'Search title, file, tag, id…', 'aria-label': 'search tests', value: LIST_STATE.q, 'data-role': 'search' }));
    const outcome = /** @type {HTMLSelectElement} */ (h('select', { 'aria-label': 'outcome', 'data-role': 'outcome' }, ['all', ...OUTCOMES].map((o) => h('option', { value: o, selected: o === LIST_STATE.outcome }, o))));
    const project = /** @type {HTMLSelectElement} */ (h('select', { 'aria-label': 'project', 'data-role': 'project' }, h('option', { value: 'all' }, 'all projects'),
      projects.map((p) => h('option', { value: p, selected: String(p) === LIST_STATE.project }, str(/** @type {number} */ (p)) || '(default)'))));
    const rows = VM.tests.map((/** @type {any[]} */ t, /** @type {number} */ i) => ({ t, i }));
    const maxDur = Math.max(1, ...VM.tests.map((/** @type {any[]} */ t) => t[TC.durationMs]));
    const vt = virtualTable({
      kind: 'tests', rows, sort: LIST_STATE.sort, onSort: (st) => { LIST_STATE.sort = st; LIST_ORDER = vt.rows().map((r) => r.i); },
      onOpen: (r) => { location.hash = route(['test', r.i]); },
      columns: [
        { key: 'title', label: 'Test', width: 'minmax(0, 3fr)', value: (r) => String(r.t[TC.title]).toLowerCase(), cell: (r) => h('span', { class: 'title-cell' }, bidi(String(r.t[TC.title]), 'title'), r.t[TC.path] ? h('span', { class: 'sub' }, bidi(String(r.t[TC.path]))) : null) },
        { key: 'file', label: 'File', width: 'minmax(0, 1.4fr)', value: (r) => str(r.t[TC.file]) + ':' + String(r.t[TC.line]).padStart(6, '0'), cell: (r) => h('span', { class: 'mono' }, bidi(str(r.t[TC.file]) + ':' + r.t[TC.line])) },
        { key: 'project', label: 'Project', width: '7em', value: (r) => str(r.t[TC.project]) },
        { key: 'outcome', label: 'Outcome', width: '6em', value: (r) => r.t[TC.outcome], cell: (r) => outcomeBadge(r.t[TC.outcome]) },
        { key: 'attempts', label: 'Runs', width: '4em', num: true, value: (r) => r.t[TC.attempts] },
        { key: 'durationMs', label: 'Duration', width: '11em', num: true, value: (r) => r.t[TC.durationMs], cell: (r) => h('span', { class: 'dur-cell' }, durBar(r.t, maxDur), fmtMs(r.t[TC.durationMs])) },
      ],
    });
    function apply() {
      LIST_STATE.q = search.value; LIST_STATE.outcome = outcome.value; LIST_STATE.project = project.value;
      const q = search.value.trim().toLowerCase(), oc = OUTCOMES.indexOf(outcome.value), pj = project.value === 'all' ? -1 : Number(project.value);
      const next = rows.filter((/** @type {any} */ r) => (oc < 0 || r.t[TC.outcome] === oc) && (pj < 0 || r.t[TC.project] === pj) && (!q || SEARCH_TEXT[r.i].includes(q)));
      vt.setRows(next);
      LIST_ORDER = vt.rows().map((r) => r.i);
      count.textContent = fmtInt(next.length) + ' of ' + fmtInt(rows.length) + ' tests';
    }
    let timer = 0;
    search.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(apply, 80); });
    outcome.addEventListener('change', apply);
    project.addEventListener('change', apply);
    root.appendChild(section('Tests', h('div', { class: 'toolbar' }, search, outcome, project, count), vt.el));
    apply();
    return root;
  },
});

/** Small stacked duration bar for a test row (buckets, scaled to the slowest test). @param {any[]} t @param {number} maxDur */
function durBar(t, maxDur) {
  const el = h('span', { class: 'dur-bar' });
  el.style.width = Math.max(2, Math.round((t[TC.durationMs] / maxDur) * 70)) + 'px';
  const total = t[TC.durationMs] || 1;
  BUCKETS.forEach((b) => {
    const v = t[TC[b]];
    if (v <= 0) return;
    const seg = h('span', { class: 'seg-' + b });
    seg.style.width = (v / total) * 100 + '%';
    el.appendChild(seg);
  });
  return el;
}

registerView({
  id: 'slowest', label: 'Slowest', render() {
    const root = h('div', { class: 'view', 'data-view': 'slowest' });
    const slow = [...VM.tests].sort((a, b) => b[TC.durationMs] - a[TC.durationMs]).slice(0, 25);
    root.appendChild(section('Slowest tests and where their time went', legend(),
      table([['Test', (t) => testLink(t)], ['File', (t) => h('span', { class: 'mono' }, bidi(str(t[TC.file])))], ['Duration', (t) => fmtMs(t[TC.durationMs]), true],
        ['Breakdown', (t) => h('div', { class: 'row-stack' }, stackBar(BUCKETS.map((b) => t[TC[b]]), { kind: 'test-breakdown', width: 300, height: 14 }))]], slow)));
    root.appendChild(section('Slowest files', VM.slowestFiles.length
      ? barChart(VM.slowestFiles.slice(0, 20).map((/** @type {any} */ f) => ({ label: f.file, value: f.durationMs, text: fmtMs(f.durationMs) + ' · ' + f.tests + ' tests' })), { kind: 'slowest-file' })
      : empty('No files.')));
    root.appendChild(section('Slowest steps', VM.slowestSteps.length
      ? table([['Step', (st) => bidi(st.title)], ['Category', (st) => st.category], ['Count', (st) => fmtInt(st.count), true], ['Total', (st) => fmtMs(st.totalMs), true],
        ['p50', (st) => fmtMs(st.p50Ms), true], ['p95', (st) => fmtMs(st.p95Ms), true], ['Max', (st) => fmtMs(st.maxMs), true]], VM.slowestSteps.slice(0, 50))
      : empty('No step statistics in this report.')));
    if (VM.actions && VM.actions.perKind.length) {
      root.appendChild(section('Actions by kind', table([['Action', (a) => a.kind], ['Count', (a) => fmtInt(a.dist.count), true], ['p50', (a) => fmtMs(a.dist.p50), true],
        ['p95', (a) => fmtMs(a.dist.p95), true], ['Max', (a) => fmtMs(a.dist.max), true], ['Total', (a) => fmtMs(a.dist.mean * a.dist.count), true]],
        [...VM.actions.perKind].sort((a, b) => b.dist.mean * b.dist.count - a.dist.mean * a.dist.count))));
      if (VM.actions.slowest.length) root.appendChild(section('Slowest single actions', table([['Test', (a) => subjectCell({ subject: a.testId })], ['Action', (a) => bidi(a.title)],
        ['Target', (a) => h('code', null, bidi(a.params || ''))], ['Duration', (a) => fmtMs(a.durationMs), true]], VM.actions.slowest.slice(0, 25))));
    }
    if (VM.userTimings && VM.userTimings.perName.length) root.appendChild(section('User timings (performance.mark/measure, perf.measure)', table([['Name', (u) => bidi(u.name)], ['Source', (u) => u.source],
      ['Count', (u) => fmtInt(u.dist.count), true], ['p50', (u) => fmtMs(u.dist.p50), true], ['p95', (u) => fmtMs(u.dist.p95), true], ['Max', (u) => fmtMs(u.dist.max), true]], VM.userTimings.perName.slice(0, 100))));
    root.appendChild(section('Run breakdown', stackBar(VM.buckets, { kind: 'run-breakdown' }), legend(VM.buckets)));
    return root;
  },
});
