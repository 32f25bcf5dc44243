// Small building blocks of a view: cards, empty-state notes, stat tiles, badges, plain tables.
import { h, type Child, type Children } from './dom';

export function section(title: string, ...body: Children): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), ...body);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

export function stat(label: string, value: Child, sub?: string, cls?: string): HTMLElement {
  return h(
    'div',
    { class: 'stat ' + (cls || '') },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value' }, value),
    sub ? h('div', { class: 'stat-sub' }, sub) : null,
  );
}

/** A pill; `kind` picks its colour (passed, failed, flaky, regression, good, poor …). */
export function badge(text: string, kind: string): HTMLElement {
  return h('span', { class: 'badge badge-' + kind }, text);
}

/** A Web Vitals rating (good / needs-improvement / poor). */
export function ratingBadge(rating: string): HTMLElement {
  return badge(rating === 'needs-improvement' ? 'needs work' : rating, rating);
}

/** A column of a plain table: header, cell renderer, right-aligned number? */
export type Column<R> = [label: string, cell: (row: R) => Child | Children, numeric?: boolean];

/** A plain (non-virtual) table for short lists. */
export function table<R>(cols: ReadonlyArray<Column<R>>, rows: readonly R[], cls?: string): HTMLElement {
  const numClass = (num: boolean | undefined) => (num ? 'num' : '');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'tbl ' + (cls || '') },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          cols.map(([label, , num]) => h('th', { class: numClass(num) }, label)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            null,
            cols.map(([, cell, num]) => h('td', { class: numClass(num) }, cell(r))),
          ),
        ),
      ),
    ),
  );
}

/** A 0..1 meter bar. */
export function meter(x: number): HTMLElement {
  const fill = h('span', { class: 'meter-fill' });
  fill.style.width = Math.round(Math.min(1, Math.max(0, x)) * 100) + '%';
  return h('span', { class: 'meter-bar' }, fill);
}
