// Virtualised table: only the rows in view (plus a margin) exist in the DOM, so 10,000 rows scroll,
// sort and filter without lag. A fixed row height keeps the maths trivial. Click a header to sort
// (again to reverse); Enter or click on a row opens it.
import { h, type Child, type Children } from './dom';

export interface VirtualColumn<R> {
  key: string;
  label: string;
  /** CSS grid track, e.g. '6em' or 'minmax(0, 3fr)'. */
  width: string;
  /** Sort key of a row. */
  value: (row: R) => string | number;
  /** Cell content (default: the value as text). */
  cell?: (row: R) => Child | Children;
  num?: boolean;
}

export interface SortState {
  key: string;
  /** 1 ascending, -1 descending. */
  dir: number;
}

export interface VirtualTableOptions<R> {
  /** data-kind of the body, for tests. */
  kind: string;
  columns: ReadonlyArray<VirtualColumn<R>>;
  rows: readonly R[];
  rowHeight?: number;
  height?: number;
  onOpen?: (row: R) => void;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
}

export interface VirtualTable<R> {
  el: HTMLElement;
  /** Replaces the rows (after a filter); the current sort applies. */
  setRows(rows: readonly R[]): void;
  /** The rows in display order. */
  rows(): readonly R[];
}

const OVERSCAN_ROWS = 10;

export function virtualTable<R>(o: VirtualTableOptions<R>): VirtualTable<R> {
  const rowH = o.rowHeight || 30;
  const height = o.height || Math.min(640, Math.max(rowH * 4, window.innerHeight - 260));
  let rows: readonly R[] = o.rows;
  let sort: SortState | null = o.sort ?? null;
  const template = o.columns.map((c) => c.width).join(' ');
  const header = h(
    'div',
    { class: 'vt-head', role: 'row', css: { 'grid-template-columns': template } },
    o.columns.map((c) =>
      h(
        'div',
        {
          class: 'vt-th' + (c.num ? ' num' : ''),
          role: 'columnheader',
          tabindex: 0,
          'data-key': c.key,
          on: {
            click: () => setSort(c.key),
            keydown: (e: KeyboardEvent) => {
              if (e.key === 'Enter') setSort(c.key);
            },
          },
        },
        c.label,
      ),
    ),
  );
  const spacer = h('div', { class: 'vt-spacer' });
  const viewport = h(
    'div',
    { class: 'vt-body', role: 'rowgroup', 'data-kind': o.kind, css: { height: height + 'px' } },
    spacer,
  );
  const root = h('div', { class: 'vt', role: 'table' }, header, viewport);
  let frame = 0;
  viewport.addEventListener('scroll', () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        paint();
      });
  });

  function rowElement(r: R, i: number): HTMLElement {
    const el = h(
      'div',
      {
        class: 'vt-row' + (i % 2 ? ' odd' : ''),
        role: 'row',
        tabindex: 0,
        'data-index': i,
        css: { 'grid-template-columns': template, top: i * rowH + 'px', height: rowH + 'px' },
      },
      o.columns.map((c) =>
        h('div', { class: 'vt-td' + (c.num ? ' num' : ''), role: 'cell' }, c.cell ? c.cell(r) : String(c.value(r))),
      ),
    );
    const open = o.onOpen;
    if (open) {
      el.addEventListener('click', () => open(r));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open(r);
      });
    }
    return el;
  }

  function paint(): void {
    spacer.style.height = rows.length * rowH + 'px';
    const first = Math.max(0, Math.floor(viewport.scrollTop / rowH) - OVERSCAN_ROWS);
    const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + height) / rowH) + OVERSCAN_ROWS);
    const visible: HTMLElement[] = [];
    for (let i = first; i < last; i++) visible.push(rowElement(rows[i] as R, i));
    spacer.replaceChildren(...visible);
    for (const th of Array.from(header.children)) {
      const k = th.getAttribute('data-key');
      th.setAttribute('aria-sort', sort && sort.key === k ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }

  function setSort(key: string): void {
    const col = o.columns.find((c) => c.key === key);
    if (!col) return;
    sort = { key, dir: sort && sort.key === key ? -sort.dir : col.num ? -1 : 1 };
    applySort();
    viewport.scrollTop = 0;
    paint();
    o.onSort?.(sort);
  }

  function applySort(): void {
    const current = sort;
    if (!current) return;
    const col = o.columns.find((c) => c.key === current.key);
    if (!col) return;
    const keyed = rows.map((r, i) => ({ r, v: col.value(r), i }));
    keyed.sort((a, b) => (a.v < b.v ? -current.dir : a.v > b.v ? current.dir : a.i - b.i));
    rows = keyed.map((k) => k.r);
  }

  applySort();
  requestAnimationFrame(paint);
  paint();
  return {
    el: root,
    setRows(next) {
      rows = next;
      applySort();
      viewport.scrollTop = 0;
      paint();
    },
    rows: () => rows,
  };
}
