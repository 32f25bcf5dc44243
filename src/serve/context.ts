// What every handler gets: the matched path parameters, the query, the parsed body (writes only),
// and the history — as an indexed snapshot for reads, and as the store for writes.
import type { IncomingMessage } from 'node:http';
import type { HistoryStore } from '../store/history-store';
import type { HistoryCache } from './history-cache';
import type { HistoryIndex } from './history-index';

export interface ServeSettings {
  /** Write token; undefined = writes are off. */
  token?: string;
  bodyLimit: number;
}

export interface RequestContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  history(): Promise<HistoryIndex>;
  cache: HistoryCache;
  store: HistoryStore;
  settings: ServeSettings;
}

/** Returns the response body (serialised as JSON with status 200). */
export type Handler = (ctx: RequestContext) => unknown | Promise<unknown>;
