// @ts-check
// Virtualised table: only the rows in view (plus a margin) exist in the DOM, so 10,000 rows scroll,
// sort and filter without lag. Fixed row height keeps the maths trivial.

/**
 * @typedef {{ key: string, label: string, width: string, value: (r: any) => string | number, cell?: (r: any) => Child | Child[], num?: boolean }} VCol
 * @param {{ columns: VCol[], rows: any[], rowHeight?: number, height?: number, onOpen?: (r: any) => void, sort?: { key: string, dir: number }, onSort?: (s: {key: string, dir: number}) => void, kind: string }} o
 */
function virtualTable(o) {
  const rowH = o.rowHeight || 30, height = o.height || Math.min(640, Math.max(rowH * 4, window.innerHeight - 260));
  let rows = o.rows;
  let sort = o.sort || null;
  const template = o.columns.map((c) => c.width).join(' ');
  const header = h('div', { class: 'vt-head', role: 'row' }, o.columns.map((c) => h('div', {
    class: 'vt-th' + (c.num ? ' num' : ''), role: 'columnheader', tabindex: 0, 'data-key': c.key,
    on: { click: () => setSort(c.key), keydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter') setSort(c.key); } },
  }, c.label)));
  header.style.gridTemplateColumns = template;
  const spacer = h('div', { class: 'vt-spacer' });
  const viewport = h('div', { class: 'vt-body', role: 'rowgroup', 'data-kind': o.kind }, spacer);
  viewport.style.height = height + 'px';
  const root = h('div', { class: 'vt', role: 'table' }, header, viewport);
  let frame = 0;
  viewport.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; paint(); }); });

  function paint() {
    spacer.style.height = rows.length * rowH + 'px';
    const first = Math.max(0, Math.floor(viewport.scrollTop / rowH) - 10);
    const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + height) / rowH) + 10);
    spacer.replaceChildren();
    for (let i = first; i < last; i++) {
      const r = rows[i];
      const el = h('div', { class: 'vt-row' + (i % 2 ? ' odd' : ''), role: 'row', tabindex: 0, 'data-index': i },
        o.columns.map((c) => h('div', { class: 'vt-td' + (c.num ? ' num' : ''), role: 'cell' }, c.cell ? c.cell(r) : String(c.value(r)))));
      el.style.gridTemplateColumns = template;
      el.style.top = i * rowH + 'px';
      el.style.height = rowH + 'px';
      if (o.onOpen) {
        const open = o.onOpen;
        el.addEventListener('click', () => open(r));
        el.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(r); });
      }
      spacer.appendChild(el);
    }
    for (const th of header.children) {
      const k = th.getAttribute('data-key');
      th.setAttribute('aria-sort', sort && sort.key === k ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }

  /** @param {string} key */
  function setSort(key) {
    const col = o.columns.find((c) => c.key === key);
    if (!col) return;
    sort = { key, dir: sort && sort.key === key ? -sort.dir : (col.num ? -1 : 1) };
    applySort();
    viewport.scrollTop = 0;
    paint();
    if (o.onSort) o.onSort(sort);
  }
  function applySort() {
    if (!sort) return;
    const col = o.columns.find((c) => c.key === (sort && sort.key));
    if (!col) return;
    const dir = sort.dir, get = col.value;
    const keyed = rows.map((r, i) => ({ r, v: get(r), i }));
    keyed.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : a.i - b.i));
    rows = keyed.map((k) => k.r);
  }
  applySort();
  requestAnimationFrame(paint);
  paint();
  return {
    el: root,
    /** @param {any[]} next */
    setRows(next) { rows = next; applySort(); viewport.scrollTop = 0; paint(); },
    rows: () => rows,
  };
}
