// Views behind hash routes with a tab bar. One router instance per page owns its views and the
// shared context; rendering a view is contained (a bug in one view shows its error in place and
// leaves the others usable). When a view is on screen the router sets body[data-ready=<view id>]
// (tests and scripts wait for it) and, once, the performance mark `<markPrefix>:ready`.
import { h } from './dom';
import { parseRoute, type Route } from './route';
import { section } from './widgets';

export interface View<C> {
  id: string;
  label: string;
  /** Not in the tab bar (e.g. a detail page reached by links). */
  hidden?: boolean;
  /** Tab to highlight while this view shows (default: its own id). */
  tab?: string;
  render(ctx: C, arg: string[]): Node;
  /** False while the view waits for data it will render again with (default: ready). */
  ready?(ctx: C): boolean;
}

export interface RouterOptions<C> {
  views: ReadonlyArray<View<C>>;
  ctx: C;
  /** Where views render. */
  main: HTMLElement;
  /** The tab bar to keep in step (from `tabBar`). */
  nav?: HTMLElement;
  /** View shown for an empty or unknown route (default: the first). */
  fallback?: string;
  /** Prefix of the performance marks (`<prefix>:ready`). */
  markPrefix?: string;
}

export interface Router {
  current(): Route;
  /** Renders the current route again (e.g. after late data arrived). */
  render(): void;
}

/** The tab bar: one link per visible view, `data-view` = its id. */
export function tabBar<C>(views: ReadonlyArray<View<C>>): HTMLElement {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'views' },
    views.filter((v) => !v.hidden).map((v) => h('a', { href: v.id, 'data-view': v.id }, v.label)),
  );
}

export function startRouter<C>(o: RouterOptions<C>): Router {
  const first = o.views[0];
  if (!first) throw new Error('router needs at least one view');
  const fallback = o.fallback ?? first.id;
  const current = () => parseRoute(location.hash, fallback);
  function render(): void {
    const route = current();
    const view = o.views.find((v) => v.id === route.id) ?? o.views.find((v) => v.id === fallback) ?? first;
    const tab = view.tab ?? view.id;
    if (o.nav)
      for (const a of Array.from(o.nav.children)) a.classList.toggle('active', a.getAttribute('data-view') === tab);
    let content: Node;
    try {
      content = view.render(o.ctx, route.arg);
    } catch (e) {
      content = section(
        'This view failed to render',
        h('pre', { class: 'error' }, String((e instanceof Error && e.stack) || e)),
      );
    }
    o.main.replaceChildren(content);
    window.scrollTo(0, 0);
    if (view.ready && !view.ready(o.ctx)) return;
    document.body.setAttribute('data-ready', view.id);
    const mark = (o.markPrefix ?? 'page') + ':ready';
    if (!performance.getEntriesByName(mark).length) performance.mark(mark);
  }
  window.addEventListener('hashchange', render);
  render();
  return { current, render };
}
