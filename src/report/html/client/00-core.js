// @ts-check
// Core of the report page: data, DOM helpers, formatting, router. Every string that came from a
// test run is placed with textContent or setAttribute — never innerHTML — so it cannot become markup.

// `VM` (the view model) is a parameter of the function all client files are wrapped in: see
// loader.js and render-html.ts.

/** @param {readonly string[]} cols @returns {Record<string, number>} */
function colIndex(cols) {
  /** @type {Record<string, number>} */
  const m = {};
  cols.forEach((c, i) => { m[c] = i; });
  return m;
}
const TC = colIndex(VM.cols.tests);
const AC = colIndex(VM.cols.attempts);
const SC = colIndex(VM.cols.steps);
const BUCKETS = /** @type {string[]} */ (VM.cols.buckets);
const OUTCOMES = ['passed', 'failed', 'flaky', 'skipped'];
const STATUSES = ['passed', 'failed', 'timedOut', 'skipped', 'interrupted'];
/** @param {number} i */
function str(i) { return VM.strings[i] ?? ''; }

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Attributes the helpers may set: anything else (on*, href with data, style) is refused. */
const SAFE_ATTR = /^(class|id|title|dir|lang|role|tabindex|type|value|placeholder|for|colspan|rowspan|open|checked|selected|disabled|x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height|viewBox|d|points|fill|stroke|stroke-width|stroke-dasharray|opacity|text-anchor|dominant-baseline|transform|preserveAspectRatio|font-size|aria-[a-z]+|data-[a-z-]+)$/;

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

/** @param {string} tag @param {Record<string, any> | null} [props] @param {...(Child | Child[])} children @returns {SVGElement} */
function s(tag, props, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  applyProps(el, props);
  append(el, children);
  return el;
}

/** @param {Element} el @param {Record<string, any> | null | undefined} props */
function applyProps(el, props) {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') { for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, /** @type {any} */ (fn)); continue; }
    if (k === 'href') { el.setAttribute('href', route(v)); continue; } // internal routes only
    if (k === 'css') { for (const [p, val] of Object.entries(v)) /** @type {HTMLElement} */ (el).style.setProperty(p, String(val)); continue; }
    if (!SAFE_ATTR.test(k)) throw new Error('attribute not allowed: ' + k);
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** @param {Node} el @param {any[]} children */
function append(el, children) {
  for (const c of children.flat(3)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Internal link: '#/' + path parts, each URI-encoded. @param {string | (string|number)[]} parts */
function route(parts) {
  const list = Array.isArray(parts) ? parts : [parts];
  return '#/' + list.map((p) => encodeURIComponent(String(p))).join('/');
}

/**
 * A link to a file on this machine (e.g. a saved Lighthouse report). Only absolute paths become
 * links, and every path segment is percent-encoded, so the href is always `file:///…` with no
 * characters that could change its scheme or break out of the attribute. Anything else is text.
 * @param {unknown} path @param {string} label
 */
function fileLink(path, label) {
  if (typeof path !== 'string') return null;
  const win = /^[A-Za-z]:[\\/]/.test(path);
  if (!win && !path.startsWith('/')) return h('code', null, path);
  const segments = (win ? path.slice(3) : path.slice(1)).split(/[\\/]/).map((x) => encodeURIComponent(x).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()));
  const a = h('a', { class: 'file-link', title: path }, label);
  a.setAttribute('href', 'file:///' + (win ? path.slice(0, 2) + '/' : '') + segments.join('/'));
  return a;
}

/** A text cell that lays itself out by its own first strong character (Hebrew titles read RTL). */
/** @param {string} text @param {string} [cls] */
function bidi(text, cls) { return h('bdi', { dir: 'auto', class: cls }, text); }

// ---- formatting ------------------------------------------------------------------------------
/** @param {number} ms */
function fmtMs(ms) {
  if (ms === null || ms === undefined || !isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a === 0) return '0 ms';
  if (a < 1) return ms.toFixed(2) + ' ms';
  if (a < 1000) return Math.round(ms) + ' ms';
  if (a < 60_000) return (ms / 1000).toFixed(a < 10_000 ? 2 : 1) + ' s';
  const m = Math.floor(a / 60_000), sec = Math.round((a % 60_000) / 1000);
  return (ms < 0 ? '-' : '') + m + ' m ' + String(sec).padStart(2, '0') + ' s';
}
/** @param {number} b */
function fmtBytes(b) {
  if (b === null || b === undefined || !isFinite(b)) return '–';
  if (b < 1024) return b + ' B';
  if (b < 1024 ** 2) return (b / 1024).toFixed(1) + ' KiB';
  if (b < 1024 ** 3) return (b / 1024 ** 2).toFixed(1) + ' MiB';
  return (b / 1024 ** 3).toFixed(2) + ' GiB';
}
/** @param {number} x @param {number} [digits] */
function fmtPct(x, digits = 0) { return x === null || x === undefined || !isFinite(x) ? '–' : (x * 100).toFixed(digits) + ' %'; }
/** @param {number} x */
function fmtChange(x) { return x === null || x === undefined || !isFinite(x) ? '–' : (x > 0 ? '+' : '') + (x * 100).toFixed(1) + ' %'; }
/** @param {number} n */
function fmtInt(n) { return Number(n).toLocaleString('en-US'); }
/** Metric value by unit inferred from the metric name. @param {string} metric @param {number} v */
function fmtMetric(metric, v) {
  if (/CLS|cls|score|lighthouse\.|flakiness|rate/.test(metric)) return String(Math.round(v * 1000) / 1000);
  if (/bytes|Bytes/.test(metric)) return fmtBytes(v);
  return fmtMs(v);
}
/** @param {string} name @param {number} v */
function fmtVital(name, v) { return name === 'CLS' ? v.toFixed(3) : fmtMs(v); }

// ---- small widgets ---------------------------------------------------------------------------
/** @param {string} title @param {...(Child | Child[])} body */
function section(title, ...body) { return h('section', { class: 'card' }, h('h2', null, title), ...body); }
/** @param {string} text */
function empty(text) { return h('p', { class: 'empty' }, text); }
/** @param {string} label @param {Child} value @param {string} [sub] @param {string} [cls] */
function stat(label, value, sub, cls) {
  return h('div', { class: 'stat ' + (cls || '') }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value), sub ? h('div', { class: 'stat-sub' }, sub) : null);
}
/** @param {string} text @param {string} kind */
function badge(text, kind) { return h('span', { class: 'badge badge-' + kind }, text); }
/** @param {number} code */
function outcomeBadge(code) { const o = OUTCOMES[code] || 'passed'; return badge(o, o); }
/** @param {string} r */
function ratingBadge(r) { return badge(r === 'needs-improvement' ? 'needs work' : r, r); }

/**
 * Plain (non-virtual) table for short lists. Columns: [label, cell(row) → Child, numeric?].
 * @param {Array<[string, (r: any) => Child | Child[], boolean?]>} cols @param {any[]} rows @param {string} [cls]
 */
function table(cols, rows, cls) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'tbl ' + (cls || '') },
    h('thead', null, h('tr', null, cols.map(([label, , num]) => h('th', { class: num ? 'num' : '' }, label)))),
    h('tbody', null, rows.map((r) => h('tr', null, cols.map(([, cell, num]) => h('td', { class: num ? 'num' : '' }, cell(r))))))));
}

// ---- router ----------------------------------------------------------------------------------
/** @typedef {{ id: string, label: string, render: (arg: string[]) => Node, hidden?: boolean }} View */
/** @type {View[]} */
const VIEWS = [];
/** @param {View} v */
function registerView(v) { VIEWS.push(v); }

function currentRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return ''; } });
  return { id: parts[0] || 'overview', arg: parts.slice(1) };
}
