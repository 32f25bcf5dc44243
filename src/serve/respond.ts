// Writes JSON responses. Every API response is JSON with the same defensive headers: never sniffed as
// HTML, never cached (history changes under the server), and a CSP that forbids everything should a
// browser render it anyway.
import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error';

const API_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** Memoised response objects (see HistoryIndex.memo) are serialised once per snapshot. */
const serialised = new WeakMap<object, string>();

function toText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (!body || typeof body !== 'object') return JSON.stringify(body);
  let text = serialised.get(body);
  if (text === undefined) serialised.set(body, (text = JSON.stringify(body)));
  return text;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const text = toText(body);
  res.writeHead(status, { ...API_HEADERS, 'content-length': Buffer.byteLength(text), ...extraHeaders });
  res.end(text);
}

export function sendError(res: ServerResponse, e: ApiError, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, e.status, e.body(), extraHeaders);
}

/** Pre-serialised JSON (cached responses): passed through unchanged. */
export class JsonText {
  constructor(readonly text: string) {}
}
