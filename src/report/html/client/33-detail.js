// @ts-check
// Test detail: attempts, step tree with durations, navigations and Web Vitals tied to their step,
// locator timings, flows, attachments, errors, annotations, and the test's trend when history has one.

registerView({
  id: 'test', label: 'Test', hidden: true, render(arg) {
    const idx = Number(arg[0]);
    const t = VM.tests[idx];
    const root = h('div', { class: 'view', 'data-view': 'test' });
    if (!t) { root.appendChild(section('Test', empty('No such test in this report.'))); return root; }
    const pos = LIST_ORDER.indexOf(idx);
    const prev = pos > 0 ? LIST_ORDER[pos - 1] : null, next = pos >= 0 && pos < LIST_ORDER.length - 1 ? LIST_ORDER[pos + 1] : null;
    root.appendChild(h('nav', { class: 'pager' },
      h('a', { href: 'tests' }, '← all tests'),
      prev !== null ? h('a', { href: ['test', prev], 'data-role': 'prev' }, '‹ previous') : null,
      next !== null ? h('a', { href: ['test', next], 'data-role': 'next' }, 'next ›') : null));
    root.appendChild(h('header', { class: 'card test-head' },
      h('h1', { class: 'test-title', dir: 'auto', 'data-role': 'title' }, String(t[TC.title])),
      t[TC.path] ? h('div', { class: 'sub', dir: 'auto' }, String(t[TC.path])) : null,
      h('div', { class: 'facts' }, outcomeBadge(t[TC.outcome]), h('span', { class: 'mono' }, bidi(str(t[TC.file]) + ':' + t[TC.line])),
        str(t[TC.project]) ? h('span', null, 'project ', bidi(str(t[TC.project]))) : null, h('span', null, fmtMs(t[TC.durationMs]) + ' over ' + t[TC.attempts] + ' attempt(s)'),
        t[TC.tags] ? h('span', null, bidi(String(t[TC.tags]))) : null),
      stackBar(BUCKETS.map((b) => t[TC[b]]), { kind: 'test-breakdown' }), legend(BUCKETS.map((b) => t[TC[b]]))));
    const trend = VM.history && VM.history.trends.find((/** @type {any} */ tr) => tr.metric === 'test.duration' && testIndexOf(tr.subject, tr.project) === idx);
    if (trend) root.appendChild(section('Duration over past runs', sparkline(trend.points, trend.metric, trend.verdict), trend.verdict ? badge(trend.verdict + ' ' + fmtChange(trend.change), trend.verdict) : null));
    if (VM.details === null) { root.appendChild(section('Details', empty('Reading step details…'))); return root; }
    const d = VM.details[idx];
    if (!d) {
      root.appendChild(section('Details', empty('Step details for this test were left out to keep the report small (' + fmtInt(VM.detailStats.embedded) + ' of ' + fmtInt(VM.detailStats.total) + ' tests embedded; failing, flaky and slowest first). The full record is in run.json.')));
      return root;
    }
    if (d.annotations.length) root.appendChild(section('Annotations', table([['Type', (a) => bidi(a.type)], ['Description', (a) => bidi(a.description || '')]], d.annotations)));
    d.attempts.forEach((/** @type {any} */ at) => root.appendChild(attemptView(at, d.attempts.length)));
    return root;
  },
});

/** @param {any} at @param {number} n */
function attemptView(at, n) {
  const box = h('section', { class: 'card attempt' }, h('h2', null, (n > 1 ? 'Attempt ' + (at.retry + 1) + ' · ' : '') + at.status + ' · ' + fmtMs(at.durationMs) + ' · worker ' + at.worker + ' · started at ' + fmtMs(at.startMs)));
  for (const e of at.errors) box.appendChild(h('pre', { class: 'error', dir: 'auto' }, e.message + (e.location ? '\n    at ' + e.location : '')));
  box.appendChild(h('h3', null, 'Steps'));
  // Steps can end after the attempt's reported duration (Playwright times worker fixtures outside
  // it), so the bars' axis spans both.
  const axis = Math.max(at.durationMs, ...at.steps.map((/** @type {any[]} */ st) => st[SC.startMs] + st[SC.durationMs]));
  box.appendChild(at.steps.length ? stepTree(at.steps, axis, 0, stepMarkers(at)) : empty('No steps recorded.'));
  if (at.stepsTruncated) box.appendChild(empty('Step tree cut short; see run.json for all steps.'));
  if (at.navigations.length) box.appendChild(h('div', null, h('h3', null, 'Navigations'), table([
    ['URL', (x) => h('span', { class: 'url' }, bidi(x.url))], ['Step', (x) => bidi(x.step || '')], ['Status', (x) => x.httpStatus ?? '', true], ['TTFB', (x) => fmtMs(x.ttfbMs), true],
    ['DCL', (x) => fmtMs(x.domContentLoadedMs), true], ['Load', (x) => fmtMs(x.loadMs), true], ['Bytes', (x) => fmtBytes(x.transferBytes), true]], at.navigations)));
  if (at.vitals.length) box.appendChild(h('div', null, h('h3', null, 'Web Vitals'), table([
    ['Metric', (v) => v.name], ['Value', (v) => fmtVital(v.name, v.value), true], ['Rating', (v) => ratingBadge(v.rating)], ['URL', (v) => h('span', { class: 'url' }, bidi(v.url))],
    ['During step', (v) => bidi(v.step || '')], ['Caused by', (v) => bidi(v.attribution || '')]], at.vitals)));
  if (at.locators.length) box.appendChild(h('div', null, h('h3', null, 'Locators'), table([
    ['Locator', (l) => h('code', null, bidi(l.selector))], ['Action', (l) => l.action], ['Resolve', (l) => fmtMs(l.resolveMs), true], ['Actionable', (l) => fmtMs(l.actionabilityMs), true],
    ['Action', (l) => fmtMs(l.actionMs), true], ['Total', (l) => fmtMs(l.totalMs), true], ['Retries', (l) => l.retries, true], ['', (l) => l.ok ? '' : badge('failed', 'failed')]], at.locators)));
  if (at.flows.length) box.appendChild(h('div', null, h('h3', null, 'Flows'), flowTable(at.flows)));
  if (at.startup.length) box.appendChild(h('div', null, h('h3', null, 'Browser startup paid by this test'), table([['Phase', (x) => x.phase], ['Temperature', (x) => x.temperature], ['Duration', (x) => fmtMs(x.durationMs), true]], at.startup)));
  if (at.attachments.length) box.appendChild(h('div', null, h('h3', null, 'Attachments'), table([['Name', (a) => bidi(a.name)], ['Type', (a) => a.contentType], ['Size', (a) => a.bytes === undefined ? '' : fmtBytes(a.bytes), true]], at.attachments)));
  if (at.missing.length) box.appendChild(h('div', null, h('h3', null, 'Not measured'), table([['Metric', (m) => m.metric], ['Why', (m) => bidi(m.reason)], ['URL', (m) => bidi(m.url || '')]], at.missing)));
  if (at.collectorErrors.length) box.appendChild(h('div', null, h('h3', null, 'Collector warnings'), table([['Where', (m) => m.where], ['Message', (m) => bidi(m.message)]], at.collectorErrors)));
  return box;
}

/** Navigations and Web Vitals to show on the step tree: each with the step title it happened in
 *  (when the collector knew it) and a time. A vital without a step is placed at the navigation of
 *  its URL that preceded it. @param {any} at @returns {Array<{ step?: string, t: number, label: string, rating?: string }>} */
function stepMarkers(at) {
  const out = [];
  for (const n of at.navigations) out.push({ step: n.step, t: n.startMs, label: 'load ' + fmtMs(n.loadMs) });
  for (const v of at.vitals) {
    const nav = at.navigations.filter((/** @type {any} */ n) => n.url === v.url && n.startMs <= v.startMs).pop();
    out.push({ step: v.step, t: v.step || !nav ? v.startMs : nav.startMs, label: v.name + ' ' + fmtVital(v.name, v.value), rating: v.rating });
  }
  return out;
}

/** Step tree as flat rows (so duration bars line up whatever the depth); a row with children
 *  toggles them. Each bar sits on the attempt's own time axis. A marker goes on the step of its
 *  title whose span holds its time (else the first of that title); without a title, on the
 *  shortest step whose span holds it.
 * @param {any[]} steps @param {number} total @param {number} depth @param {Array<{ step?: string, t: number, label: string, rating?: string }>} [markers] */
function stepTree(steps, total, depth, markers) {
  const list = h('div', { class: 'steps', role: 'tree' });
  /** @type {Array<{ st: any[], name: HTMLElement }>} */
  const rows = [];
  addStepRows(list, steps, total, depth, [], rows);
  const holds = (/** @type {{ st: any[] }} */ r, /** @type {number} */ t) => t >= r.st[SC.startMs] && t <= r.st[SC.startMs] + r.st[SC.durationMs];
  for (const mk of markers || []) {
    let hit;
    if (mk.step) {
      const same = rows.filter((r) => str(r.st[SC.title]) === mk.step);
      hit = same.find((r) => holds(r, mk.t)) || same[0];
    } else {
      hit = rows.filter((r) => holds(r, mk.t)).sort((a, b) => a.st[SC.durationMs] - b.st[SC.durationMs])[0];
    }
    if (hit) hit.name.appendChild(badge(mk.label, mk.rating || 'unchanged'));
  }
  return list;
}

/** @param {HTMLElement} list @param {any[]} steps @param {number} total @param {number} depth @param {HTMLElement[]} into rows created, for the parent's toggle @param {Array<{ st: any[], name: HTMLElement }>} all */
function addStepRows(list, steps, total, depth, into, all) {
  for (const st of steps) {
    const kids = st[SC.children] || [];
    const open = depth < 1 && kids.length < 30;
    const bar = h('span', { class: 'step-bar' }, h('span', { class: 'step-fill seg-' + BUCKETS[st[SC.bucket]] }));
    const fill = /** @type {HTMLElement} */ (bar.firstChild);
    fill.style.marginInlineStart = Math.max(0, Math.min(100, (st[SC.startMs] / Math.max(1, total)) * 100)) + '%';
    fill.style.width = Math.max(0.5, Math.min(100, (st[SC.durationMs] / Math.max(1, total)) * 100)) + '%';
    const toggle = kids.length ? h('span', { class: 'twisty' }, open ? '▾' : '▸') : h('span', { class: 'twisty' });
    const name = h('span', { class: 'step-name' }, toggle, bidi(str(st[SC.title]), 'step-title'));
    all.push({ st, name });
    name.style.paddingInlineStart = depth * 16 + 'px';
    const row = h('div', { class: 'step-row' + (st[SC.error] ? ' has-error' : ''), role: 'treeitem', 'data-depth': depth, 'aria-expanded': kids.length ? String(open) : undefined },
      h('span', { class: 'step-cat' }, str(st[SC.category])), name,
      h('span', { class: 'step-params' }, st[SC.params] ? Object.entries(st[SC.params]).map(([k, v]) => h('span', { class: 'param' }, k + ': ', bidi(String(v)))) : null),
      h('span', { class: 'step-dur' }, fmtMs(st[SC.durationMs])), bar);
    list.appendChild(row);
    into.push(row);
    if (st[SC.error]) { const err = h('pre', { class: 'error small', dir: 'auto' }, st[SC.error]); list.appendChild(err); into.push(err); }
    if (kids.length) {
      /** @type {HTMLElement[]} */
      const mine = [];
      addStepRows(list, kids, total, depth + 1, mine, all);
      into.push(...mine);
      const direct = mine;
      const set = (/** @type {boolean} */ o) => {
        row.setAttribute('aria-expanded', String(o));
        toggle.textContent = o ? '▾' : '▸';
        // Closing hides every descendant; opening shows direct rows, respecting their own state.
        if (!o) direct.forEach((r) => { r.hidden = true; });
        else showChildren(row, direct);
      };
      if (!open) direct.forEach((r) => { r.hidden = true; });
      row.setAttribute('tabindex', '0');
      row.addEventListener('click', () => set(row.getAttribute('aria-expanded') !== 'true'));
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); set(row.getAttribute('aria-expanded') !== 'true'); } });
    }
  }
}

/** Shows rows one level below `row`, and deeper rows whose ancestors are expanded. @param {HTMLElement} row @param {HTMLElement[]} rows */
function showChildren(row, rows) {
  const base = Number(row.getAttribute('data-depth'));
  /** Depth below which rows are hidden because a collapsed ancestor sits above them. */
  let cut = Infinity;
  for (const r of rows) {
    const d = r.hasAttribute('data-depth') ? Number(r.getAttribute('data-depth')) : null;
    if (d !== null && d <= cut) cut = Infinity;
    const visible = d === null ? cut === Infinity : d <= cut && d > base;
    r.hidden = !visible;
    if (d !== null && visible && r.getAttribute('aria-expanded') === 'false') cut = d;
  }
}

/** @param {any[]} flows */
function flowTable(flows) {
  return table([['Flow', (f) => bidi([...(f.parents || []), f.name].join(' › '))], ['Direction', (f) => f.direction ? h('bdi', { dir: 'ltr' }, f.direction) : ''], ['Preset', (f) => f.preset || ''],
    ['Duration', (f) => fmtMs(f.durationMs), true], ['', (f) => f.ok ? badge('ok', 'passed') : badge('failed', 'failed')],
    ['Details', (f) => h('span', null, Object.entries(f.details || {}).map(([k, v]) => h('span', { class: 'param' }, k + ': ', bidi(String(v)))),
      (f.findings || []).map((/** @type {any} */ x) => h('div', { class: 'finding' }, badge(x.kind, 'flaky'), ' ', bidi(x.message))), f.error ? h('div', { class: 'error small' }, bidi(f.error)) : null)]], flows);
}
