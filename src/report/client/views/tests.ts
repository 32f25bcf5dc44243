// Tests: searchable, filterable, sortable virtual list of every test.
import { bidi, h } from '../components/dom';
import { filteredTable } from '../components/filtered-table';
import { fmtMs } from '../components/format';
import { navigate } from '../components/route';
import { section } from '../components/widgets';
import { BUCKETS, OUTCOMES, T, type ReportContext } from '../model';
import type { TestRow } from '../../html/view-model-types';
import { outcomeBadge, type ReportView } from './shared';

interface ListRow {
  t: TestRow;
  i: number;
}

/** Small stacked duration bar for a test row (buckets, scaled to the slowest test). */
function durBar(t: TestRow, maxDur: number): HTMLElement {
  const total = T.durationMs(t) || 1;
  const el = h('span', {
    class: 'dur-bar',
    css: { width: Math.max(2, Math.round((T.durationMs(t) / maxDur) * 70)) + 'px' },
  });
  for (const b of BUCKETS) {
    const v = T[b](t);
    if (v > 0) el.appendChild(h('span', { class: 'seg-' + b, css: { width: (v / total) * 100 + '%' } }));
  }
  return el;
}

function projectOptions(ctx: ReportContext): Array<[string, string]> {
  const projects = [...new Set(ctx.vm.tests.map((t) => T.project(t)))];
  return [['all', 'all projects'], ...projects.map((p): [string, string] => [String(p), ctx.str(p) || '(default)'])];
}

export const testsView: ReportView = {
  id: 'tests',
  label: 'Tests',
  render(ctx) {
    const root = h('div', { class: 'view', 'data-view': 'tests' });
    const file = (t: TestRow) => ctx.str(T.file(t));
    const maxDur = Math.max(1, ...ctx.vm.tests.map((t) => T.durationMs(t)));
    const table = filteredTable<ListRow>({
      kind: 'tests',
      noun: 'tests',
      state: ctx.list.state,
      rows: ctx.vm.tests.map((t, i) => ({ t, i })),
      searchText: (r) => ctx.tests.searchText[r.i] ?? '',
      searchPlaceholder: 'Search title, file, tag, id…',
      filters: [
        {
          role: 'outcome',
          label: 'outcome',
          options: ['all', ...OUTCOMES].map((o) => [o, o] as const),
          test: (r, v) => v === 'all' || T.outcome(r.t) === OUTCOMES.indexOf(v as (typeof OUTCOMES)[number]),
        },
        {
          role: 'project',
          label: 'project',
          options: projectOptions(ctx),
          test: (r, v) => v === 'all' || T.project(r.t) === Number(v),
        },
      ],
      onOpen: (r) => navigate(['test', r.i]),
      onChange: (rows) => {
        ctx.list.order = rows.map((r) => r.i);
      },
      columns: [
        {
          key: 'title',
          label: 'Test',
          width: 'minmax(0, 3fr)',
          value: (r) => T.title(r.t).toLowerCase(),
          cell: (r) =>
            h(
              'span',
              { class: 'title-cell' },
              bidi(T.title(r.t), 'title'),
              T.path(r.t) ? h('span', { class: 'sub' }, bidi(T.path(r.t))) : null,
            ),
        },
        {
          key: 'file',
          label: 'File',
          width: 'minmax(0, 1.4fr)',
          value: (r) => file(r.t) + ':' + String(T.line(r.t)).padStart(6, '0'),
          cell: (r) => h('span', { class: 'mono' }, bidi(file(r.t) + ':' + T.line(r.t))),
        },
        { key: 'project', label: 'Project', width: '7em', value: (r) => ctx.str(T.project(r.t)) },
        {
          key: 'outcome',
          label: 'Outcome',
          width: '6em',
          value: (r) => T.outcome(r.t),
          cell: (r) => outcomeBadge(T.outcome(r.t)),
        },
        { key: 'attempts', label: 'Runs', width: '4em', num: true, value: (r) => T.attempts(r.t) },
        {
          key: 'durationMs',
          label: 'Duration',
          width: '11em',
          num: true,
          value: (r) => T.durationMs(r.t),
          cell: (r) => h('span', { class: 'dur-cell' }, durBar(r.t, maxDur), fmtMs(T.durationMs(r.t))),
        },
      ],
    });
    root.appendChild(section('Tests', table.el));
    return root;
  },
};
