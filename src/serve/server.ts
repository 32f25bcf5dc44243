// The `playwright-perf serve` process: one Node http server for the JSON API (/api/v1/…) and the
// dashboard. Reads come from an in-memory snapshot of the history (history-cache.ts); writes go
// through the store's locked update and need the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HistoryStore } from '../store/history-store';
import type { HistoryData } from '../types';
import { errorMessage } from '../util/errors';
import { ApiError } from './api-error';
import { requireWriteAccess } from './auth';
import { DEFAULT_BODY_LIMIT, readJsonBody } from './body';
import type { RequestContext, ServeSettings } from './context';
import { HistoryCache } from './history-cache';
import { sendError, sendJson } from './respond';
import { buildApiRouter } from './routes';
import { API_PREFIX } from './api-spec';
import { DASHBOARD_CSP, DashboardAssets } from './static-assets';
import { isLoopbackHost } from './serve-options';

export interface StartServerOptions {
  store: HistoryStore;
  host: string;
  port: number;
  token?: string;
  bodyLimit?: number;
  /** Progress and warnings (never the token). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  cache: HistoryCache;
  close(): Promise<void>;
}

/** Slow clients cannot hold a connection forever. */
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_MS = 30_000;

export async function startServer(o: StartServerOptions): Promise<RunningServer> {
  if (!isLoopbackHost(o.host) && !o.token)
    throw new Error(`--host ${o.host} is reachable from other machines: a --token is required`);
  const log = o.log ?? (() => undefined);
  const settings: ServeSettings = { token: o.token, bodyLimit: o.bodyLimit ?? DEFAULT_BODY_LIMIT };
  const cache = new HistoryCache(o.store, (index, ms) =>
    log(`history: ${index.runs.length} run(s) loaded from ${o.store.describe()} in ${ms} ms`),
  );
  const router = buildApiRouter();
  const assets = new DashboardAssets();
  if (!assets.load()) log(`dashboard not available (${assets.error}); the JSON API works without it`);
  log(`history: reading ${o.store.describe()} …`);
  try {
    await cache.reload();
  } catch (e) {
    log(`history: ${errorMessage(e)} (the server starts anyway; /api/v1/health reports the problem)`);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === METRICS_PATH) return serveMetrics(req, res, (await cache.get()).data);
    if (!url.pathname.startsWith(API_PREFIX + '/')) return serveStatic(assets, req, res, url.pathname);
    const found = router.match(req.method ?? 'GET', url.pathname);
    if (found.kind === 'none') throw new ApiError(404, 'not_found', `no API route ${url.pathname}`);
    if (found.kind === 'method') {
      throw Object.assign(
        new ApiError(
          405,
          'method_not_allowed',
          `${req.method} is not allowed on ${url.pathname} (allowed: ${found.allowed.join(', ')})`,
        ),
        { allow: found.allowed },
      );
    }
    const { route, params } = found.match;
    let body: Record<string, unknown> = {};
    if (route.spec.write) {
      requireWriteAccess(req, settings.token);
      body = await readJsonBody(req, settings.bodyLimit);
    }
    const ctx: RequestContext = {
      req,
      params,
      query: url.searchParams,
      body,
      history: () => cache.get(),
      cache,
      store: o.store,
      settings,
    };
    const result = await route.handler(ctx);
    if (route.spec.write) log(`${route.spec.id} ${Object.values(params).join(' ')}: done`);
    sendJson(res, 200, result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof ApiError) {
        const allow = (e as ApiError & { allow?: string[] }).allow;
        // A 413 is sent before the body was read: close the connection rather than wait for the rest.
        return sendError(res, e, {
          ...(allow ? { allow: allow.join(', ') } : {}),
          ...(e.status === 413 ? { connection: 'close' } : {}),
        });
      }
      log(`internal error on ${req.method} ${(req.url ?? '').split('?')[0]}: ${errorMessage(e)}`);
      sendError(res, new ApiError(500, 'internal_error', 'internal error (see the server log)'));
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // Longer than Node's 5 s default: a dashboard or a client pool reusing a socket the server has
  // just closed gets ECONNRESET.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/`,
    server,
    cache,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Prometheus scrapes history-level gauges here (docs/metrics-export.md); read-only like the API. */
export const METRICS_PATH = '/metrics';

async function serveMetrics(req: IncomingMessage, res: ServerResponse, data: HistoryData): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw Object.assign(new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on ${METRICS_PATH}`), {
      allow: ['GET', 'HEAD'],
    });
  }
  // prom-client is loaded on the first scrape only.
  const { buildHistoryRegistry } = require('../export/history-metrics') as typeof import('../export/history-metrics');
  const registry = buildHistoryRegistry(data);
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function serveStatic(assets: DashboardAssets, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw Object.assign(new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on ${pathname}`), {
      allow: ['GET', 'HEAD'],
    });
  }
  const asset = assets.get(pathname);
  if (!asset) throw new ApiError(404, 'not_found', `no such page ${pathname} (the dashboard is at /)`);
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': asset.body.length,
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
    'x-frame-options': 'DENY',
  });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}
