// A virtual table with a toolbar: a free-text search over a per-row haystack (built once, so a
// 10,000-row search is one substring scan), select filters, and a "n of m" count. The caller owns
// the filter state object, so a view rendered again starts where the user left it.
import { h } from './dom';
import { fmtInt } from './format';
import { virtualTable, type SortState, type VirtualTableOptions } from './virtual-table';

export interface SelectFilter<R> {
  /** data-role of the <select>, and the key of its value in the state. */
  role: string;
  label: string;
  /** [value, text]; the first option should be the "all" choice. */
  options: ReadonlyArray<readonly [value: string, text: string]>;
  /** Does a row pass when this filter has `value`? */
  test: (row: R, value: string) => boolean;
}

export interface FilterState {
  q: string;
  selects: Record<string, string>;
  sort?: SortState;
}

export interface FilteredTableOptions<R> extends Omit<VirtualTableOptions<R>, 'sort' | 'onSort'> {
  state: FilterState;
  /** Lower-cased text a search matches against. */
  searchText: (row: R) => string;
  searchPlaceholder: string;
  filters: ReadonlyArray<SelectFilter<R>>;
  /** Noun for the count: "12 of 300 tests". */
  noun: string;
  /** After each filter or sort, with the rows in display order. */
  onChange?: (rows: readonly R[]) => void;
  /** Milliseconds a search waits for more typing. */
  debounceMs?: number;
}

export function filteredTable<R>(o: FilteredTableOptions<R>): { el: HTMLElement; rows(): readonly R[] } {
  const haystack = o.rows.map((r) => o.searchText(r));
  const count = h('span', { class: 'count', 'data-role': 'count' });
  const search = h('input', {
    type: 'search',
    placeholder: o.searchPlaceholder,
    'aria-label': 'search ' + o.noun,
    value: o.state.q,
    'data-role': 'search',
  });
  const selects = o.filters.map((f) => {
    const current = o.state.selects[f.role] ?? f.options[0]?.[0] ?? '';
    return h(
      'select',
      { 'aria-label': f.label, 'data-role': f.role },
      f.options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
    );
  });
  const changed = (rows: readonly R[]) => o.onChange?.(rows);
  const vt = virtualTable<R>({
    ...o,
    rows: o.rows,
    sort: o.state.sort,
    onSort: (sort) => {
      o.state.sort = sort;
      changed(vt.rows());
    },
  });
  const indexed = o.rows.map((row, i) => ({ row, i }));
  function apply(): void {
    o.state.q = search.value;
    o.filters.forEach((f, k) => {
      o.state.selects[f.role] = selects[k]?.value ?? '';
    });
    const q = search.value.trim().toLowerCase();
    const next = indexed.filter(
      ({ row, i }) =>
        (!q || (haystack[i] ?? '').includes(q)) && o.filters.every((f, k) => f.test(row, selects[k]?.value ?? '')),
    );
    vt.setRows(next.map((x) => x.row));
    count.textContent = fmtInt(next.length) + ' of ' + fmtInt(o.rows.length) + ' ' + o.noun;
    changed(vt.rows());
  }
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(apply, o.debounceMs ?? 80);
  });
  for (const sel of selects) sel.addEventListener('change', apply);
  apply();
  return { el: h('div', null, h('div', { class: 'toolbar' }, search, selects, count), vt.el), rows: () => vt.rows() };
}
