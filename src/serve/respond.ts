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

/** Memoised response objects (see HistoryIndex.memo) are serialised and encoded once per snapshot:
 *  a trends answer can be 0.5 MB, and re-encoding it per request cost more than the request. */
const encoded = new WeakMap<object, Buffer>();

function toBytes(body: unknown): Buffer {
  if (body instanceof JsonText) return body.bytes;
  if (!body || typeof body !== 'object') return Buffer.from(JSON.stringify(body));
  let bytes = encoded.get(body);
  if (bytes === undefined) encoded.set(body, (bytes = Buffer.from(JSON.stringify(body))));
  return bytes;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const bytes = toBytes(body);
  res.writeHead(status, { ...API_HEADERS, 'content-length': bytes.length, ...extraHeaders });
  res.end(bytes);
}

export function sendError(res: ServerResponse, e: ApiError, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, e.status, e.body(), extraHeaders);
}

/** Pre-serialised JSON (cached responses), kept encoded: sent as is. */
export class JsonText {
  readonly bytes: Buffer;
  constructor(text: string) {
    this.bytes = Buffer.from(text);
  }
}
