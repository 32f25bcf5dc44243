// A test attempt's step tree as flat rows (so duration bars line up whatever the depth); a row with
// children toggles them. Each bar sits on the attempt's own time axis. Navigations and Web Vitals
// are pinned to the step they happened in as badges.
import { bidi, h } from '../components/dom';
import { fmtMs, fmtVital } from '../components/format';
import { badge } from '../components/widgets';
import { BUCKETS, S, type ReportContext } from '../model';
import type { AttemptDetail, StepRow } from '../../html/view-model-types';

export interface StepMarker {
  step?: string;
  t: number;
  label: string;
  rating?: string;
}

interface PlacedRow {
  st: StepRow;
  name: HTMLElement;
}

/** Navigations and Web Vitals to show on the step tree: each with the step title it happened in
 *  (when the collector knew it) and a time. A vital without a step is placed at the navigation of
 *  its URL that preceded it. */
export function stepMarkers(at: AttemptDetail): StepMarker[] {
  const out: StepMarker[] = [];
  for (const n of at.navigations)
    out.push({ ...(n.step ? { step: n.step } : {}), t: n.startMs, label: 'load ' + fmtMs(n.loadMs) });
  for (const v of at.vitals) {
    const nav = at.navigations.filter((n) => n.url === v.url && n.startMs <= v.startMs).pop();
    out.push({
      ...(v.step ? { step: v.step } : {}),
      t: v.step || !nav ? v.startMs : nav.startMs,
      label: v.name + ' ' + fmtVital(v.name, v.value),
      rating: v.rating,
    });
  }
  return out;
}

/** A marker goes on the step of its title whose span holds its time (else the first of that
 *  title); without a title, on the shortest step whose span holds it. */
export function stepTree(
  ctx: ReportContext,
  steps: StepRow[],
  total: number,
  markers: readonly StepMarker[],
): HTMLElement {
  const list = h('div', { class: 'steps', role: 'tree' });
  const rows: PlacedRow[] = [];
  addStepRows(ctx, list, steps, total, 0, [], rows);
  const holds = (r: PlacedRow, t: number) => t >= S.startMs(r.st) && t <= S.startMs(r.st) + S.durationMs(r.st);
  for (const mk of markers) {
    let hit: PlacedRow | undefined;
    if (mk.step) {
      const same = rows.filter((r) => ctx.str(S.title(r.st)) === mk.step);
      hit = same.find((r) => holds(r, mk.t)) || same[0];
    } else {
      hit = rows.filter((r) => holds(r, mk.t)).sort((a, b) => S.durationMs(a.st) - S.durationMs(b.st))[0];
    }
    if (hit) hit.name.appendChild(badge(mk.label, mk.rating || 'unchanged'));
  }
  return list;
}

function stepBar(st: StepRow, total: number): HTMLElement {
  const span = Math.max(1, total);
  return h(
    'span',
    { class: 'step-bar' },
    h('span', {
      class: 'step-fill seg-' + BUCKETS[S.bucket(st)],
      css: {
        'margin-inline-start': Math.max(0, Math.min(100, (S.startMs(st) / span) * 100)) + '%',
        width: Math.max(0.5, Math.min(100, (S.durationMs(st) / span) * 100)) + '%',
      },
    }),
  );
}

/** `into` collects the rows created (for the parent's toggle), `all` every row with its title. */
function addStepRows(
  ctx: ReportContext,
  list: HTMLElement,
  steps: StepRow[],
  total: number,
  depth: number,
  into: HTMLElement[],
  all: PlacedRow[],
): void {
  for (const st of steps) {
    const kids = S.children(st) || [];
    const open = depth < 1 && kids.length < 30;
    const toggle = kids.length ? h('span', { class: 'twisty' }, open ? '▾' : '▸') : h('span', { class: 'twisty' });
    const name = h(
      'span',
      { class: 'step-name', css: { 'padding-inline-start': depth * 16 + 'px' } },
      toggle,
      bidi(ctx.str(S.title(st)), 'step-title'),
    );
    all.push({ st, name });
    const params = S.params(st);
    const error = S.error(st);
    const row = h(
      'div',
      {
        class: 'step-row' + (error ? ' has-error' : ''),
        role: 'treeitem',
        'data-depth': depth,
        'aria-expanded': kids.length ? String(open) : undefined,
      },
      h('span', { class: 'step-cat' }, ctx.str(S.category(st))),
      name,
      h(
        'span',
        { class: 'step-params' },
        params
          ? Object.entries(params).map(([k, v]) => h('span', { class: 'param' }, k + ': ', bidi(String(v))))
          : null,
      ),
      h('span', { class: 'step-dur' }, fmtMs(S.durationMs(st))),
      stepBar(st, total),
    );
    list.appendChild(row);
    into.push(row);
    if (error) {
      const err = h('pre', { class: 'error small', dir: 'auto' }, error);
      list.appendChild(err);
      into.push(err);
    }
    if (kids.length) {
      const mine: HTMLElement[] = [];
      addStepRows(ctx, list, kids, total, depth + 1, mine, all);
      into.push(...mine);
      const set = (o: boolean) => {
        row.setAttribute('aria-expanded', String(o));
        toggle.textContent = o ? '▾' : '▸';
        // Closing hides every descendant; opening shows direct rows, respecting their own state.
        if (!o)
          mine.forEach((r) => {
            r.hidden = true;
          });
        else showChildren(row, mine);
      };
      if (!open)
        mine.forEach((r) => {
          r.hidden = true;
        });
      row.setAttribute('tabindex', '0');
      row.addEventListener('click', () => set(row.getAttribute('aria-expanded') !== 'true'));
      row.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          set(row.getAttribute('aria-expanded') !== 'true');
        }
      });
    }
  }
}

/** Shows rows one level below `row`, and deeper rows whose ancestors are expanded. */
function showChildren(row: HTMLElement, rows: HTMLElement[]): void {
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
