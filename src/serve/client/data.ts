// The dashboard's data: JSON from the same-origin API, fetched once per URL and kept for the page's
// life (Refresh clears it). A view asks for what it needs; while anything is missing it renders a
// placeholder and is not "ready", and every arrival renders the current view again.
import type { ApiErrorResponse } from '../../types';

interface Entry {
  state: 'loading' | 'ok' | 'error';
  data?: unknown;
  error?: string;
}

export interface DashContext {
  cache: Map<string, Entry>;
  /** Set while the current render waits for data. */
  waiting: boolean;
  rerender: () => void;
}

export function createContext(): DashContext {
  return { cache: new Map(), waiting: false, rerender: () => undefined };
}

export const API = '/api/v1/';

/** `api('runs', { limit: 10 })` → '/api/v1/runs?limit=10' (empty values dropped). */
export function api(path: string, query: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return API + path + (qs ? '?' + qs : '');
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error((body as ApiErrorResponse).error?.message ?? 'HTTP ' + res.status);
  return body;
}

export class LoadError extends Error {}

/** The data at `url`, or undefined while it loads. Throws LoadError when the request failed. */
export function need<T>(ctx: DashContext, url: string): T | undefined {
  const hit = ctx.cache.get(url);
  if (hit?.state === 'ok') return hit.data as T;
  if (hit?.state === 'error') throw new LoadError(hit.error ?? 'request failed');
  ctx.waiting = true;
  if (!hit) {
    const entry: Entry = { state: 'loading' };
    ctx.cache.set(url, entry);
    fetchJson(url)
      .then(
        (data) => {
          entry.state = 'ok';
          entry.data = data;
        },
        (e: unknown) => {
          entry.state = 'error';
          entry.error = e instanceof Error ? e.message : String(e);
        },
      )
      .finally(() => ctx.rerender());
  }
  return undefined;
}
