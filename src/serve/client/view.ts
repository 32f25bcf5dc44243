// A dashboard view: a render that may wait for data. Placeholders while loading, the API's message
// (as text) when a request failed, and "ready" only once everything it asked for is drawn.
import { h } from '../../report/client/components/dom';
import type { View } from '../../report/client/components/router';
import { section } from '../../report/client/components/widgets';
import { LoadError, type DashContext } from './data';

export interface DashViewSpec {
  id: string;
  label: string;
  hidden?: boolean;
  tab?: string;
  /** Return null while data is missing (need() returned undefined). */
  render(ctx: DashContext, arg: string[]): Node | null;
}

export function dashView(spec: DashViewSpec): View<DashContext> {
  return {
    id: spec.id,
    label: spec.label,
    ...(spec.hidden ? { hidden: true } : {}),
    ...(spec.tab ? { tab: spec.tab } : {}),
    render(ctx, arg) {
      ctx.waiting = false;
      try {
        const node = spec.render(ctx, arg);
        if (node && !ctx.waiting) return node;
        ctx.waiting = true;
        return h('p', { class: 'empty', 'data-role': 'loading' }, 'Loading…');
      } catch (e) {
        if (!(e instanceof LoadError)) throw e;
        ctx.waiting = false;
        return section('Could not load this view', h('pre', { class: 'error', 'data-role': 'load-error' }, e.message));
      }
    },
    ready: (ctx) => !ctx.waiting,
  };
}

/** `key=value` route parts ↔ an object (filters in the URL, so every filtered view has a link). */
export function argsToFilters(arg: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of arg) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

export function filtersToArgs(f: Record<string, string | undefined>): string[] {
  return Object.entries(f)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`);
}
