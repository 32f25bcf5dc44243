// @ts-check
// Lighthouse results and optimizer recommendations (with the playwright.config diff).

registerView({
  id: 'lighthouse', label: 'Lighthouse', render() {
    const root = h('div', { class: 'view', 'data-view': 'lighthouse' });
    const res = VM.lighthouse ? VM.lighthouse.results : [];
    if (!res.length) { root.appendChild(section('Lighthouse', empty('No Lighthouse audits in this run.'))); return root; }
    for (const r of res) {
      const card = section('', h('div', { class: 'lh-url' }, h('span', { class: 'url' }, bidi(r.url)), ' · ' + r.formFactor + ' · ' + r.mode + ' · Lighthouse ' + r.lighthouseVersion + (r.runs ? ' · median of ' + r.runs : '')),
        h('div', { class: 'gauges' }, Object.entries(r.scores).map(([k, v]) => gauge(k, /** @type {number|null} */ (v)))),
        table([['Metric', (m) => m[0]], ['Value', (m) => m[1], true]], [['LCP', fmtMs(r.metrics.lcpMs)], ['FCP', fmtMs(r.metrics.fcpMs)], ['TBT', fmtMs(r.metrics.tbtMs)], ['CLS', r.metrics.cls === undefined ? '–' : r.metrics.cls.toFixed(3)], ['Speed Index', fmtMs(r.metrics.siMs)], ['TTI', fmtMs(r.metrics.ttiMs)]].filter((m) => m[1] !== '–')),
        r.thresholds && r.thresholds.length ? table([['Threshold', (x) => x.key], ['Limit', (x) => x.limit, true], ['Actual', (x) => x.actual ?? '–', true], ['', (x) => badge(x.ok ? 'ok' : 'failed', x.ok ? 'passed' : 'failed')]], r.thresholds) : null,
        r.artifacts && (r.artifacts.html || r.artifacts.json)
          ? h('p', { class: 'lh-artifacts' }, 'Full Lighthouse report: ', fileLink(r.artifacts.html, 'HTML'), r.artifacts.html && r.artifacts.json ? ' · ' : '', fileLink(r.artifacts.json, 'JSON'))
          : null,
        r.failingAudits.length ? h('details', null, h('summary', null, r.failingAudits.length + ' failing audits'), table([['Audit', (a) => bidi(a.title)], ['Score', (a) => a.score === null ? '–' : Math.round(a.score * 100), true], ['Value', (a) => bidi(a.displayValue || '')]], r.failingAudits)) : null);
      /** @type {HTMLElement} */ (card.firstChild).textContent = 'Lighthouse';
      root.appendChild(card);
    }
    return root;
  },
});

/** Score gauge 0..100 (Lighthouse colours: ≥90 good, ≥50 average). @param {string} label @param {number|null} v */
function gauge(label, v) {
  const score = v === null ? null : v <= 1 && v > 0 && !Number.isInteger(v) ? Math.round(v * 100) : Math.round(v);
  const cls = score === null ? 'na' : score >= 90 ? 'good' : score >= 50 ? 'needs-improvement' : 'poor';
  const R = 26, C = 2 * Math.PI * R;
  const svg = s('svg', { viewBox: '0 0 64 64', class: 'gauge ' + cls, role: 'img', 'aria-label': label + ' score' },
    s('circle', { cx: 32, cy: 32, r: R, class: 'gauge-bg', fill: 'none' }),
    s('circle', { cx: 32, cy: 32, r: R, class: 'mark gauge-arc', fill: 'none', 'stroke-dasharray': `${((score || 0) / 100) * C} ${C}`, transform: 'rotate(-90 32 32)', 'data-kind': 'lighthouse-score' }),
    s('text', { x: 32, y: 37, 'text-anchor': 'middle', class: 'gauge-text' }, score === null ? '–' : String(score)));
  return h('div', { class: 'gauge-box' }, svg, h('div', null, label));
}

registerView({
  id: 'recommendations', label: 'Recommendations', render(arg) {
    const root = h('div', { class: 'view', 'data-view': 'recommendations' });
    const recs = [...VM.recommendations].sort((a, b) => b.expectedSavingMs - a.expectedSavingMs);
    if (!recs.length) { root.appendChild(section('Recommendations', empty('No recommendations: nothing measured points at a cheaper configuration.'))); return root; }
    for (const r of recs) {
      const card = h('section', { class: 'card rec' + (arg[0] === r.id ? ' focus' : ''), id: 'rec-' + r.id },
        h('h2', null, bidi(r.title)),
        h('div', { class: 'facts' }, badge('saves ~' + fmtMs(r.expectedSavingMs), 'passed'), badge('confidence ' + r.confidence, r.confidence === 'high' ? 'passed' : 'flaky'), badge('risk ' + r.risk, r.risk === 'low' ? 'passed' : r.risk === 'high' ? 'failed' : 'flaky')),
        h('p', { class: 'pre-wrap', dir: 'auto' }, r.description),
        r.prerequisites.length ? h('div', null, h('h3', null, 'Before applying'), h('ul', null, r.prerequisites.map((/** @type {string} */ p) => h('li', { dir: 'auto' }, p)))) : null,
        r.edits.length ? table([['Setting', (e) => h('code', null, e.path)], ['From', (e) => h('code', null, JSON.stringify(e.from) ?? 'unset')], ['To', (e) => h('code', null, JSON.stringify(e.to) ?? 'unset')]], r.edits) : null,
        r.diff ? diffView(r.diff) : null);
      root.appendChild(card);
    }
    if (arg[0]) requestAnimationFrame(() => { const el = document.getElementById('rec-' + arg[0]); if (el) el.scrollIntoView(); });
    return root;
  },
});

/** Unified diff, one line per element so +/- lines get their colour. @param {string} diff */
function diffView(diff) {
  return h('pre', { class: 'diff', dir: 'ltr' }, diff.split('\n').map((line) => h('span', { class: line.startsWith('+') && !line.startsWith('+++') ? 'add' : line.startsWith('-') && !line.startsWith('---') ? 'del' : line.startsWith('@@') ? 'hunk' : '' }, line + '\n')));
}
