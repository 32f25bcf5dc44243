// Request bodies: JSON objects only, at most `limit` bytes. An over-long body is answered with 413 as
// soon as the limit is crossed; the rest is drained (so the client reads the answer instead of a
// reset connection) up to DRAIN_LIMIT, after which the socket is closed.
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './api-error';

/** Default body limit: alert notes and rollback flags are tiny. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
/** Bytes discarded after a 413 before the connection is cut. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export function readJsonBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = () => new ApiError(413, 'body_too_large', `request body is larger than ${limit} bytes`, 'body');
    let size = 0;
    let failed = false;
    const chunks: Buffer[] = [];
    const fail = (e: ApiError) => {
      if (failed) return;
      failed = true;
      chunks.length = 0;
      reject(e);
    };
    if (declared > limit) fail(tooLarge());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (failed) {
        if (size > DRAIN_LIMIT) req.destroy();
        return;
      }
      if (size > limit) return fail(tooLarge());
      chunks.push(chunk);
    });
    req.on('error', () => fail(badRequest('body', 'the request body could not be read')));
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({});
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) {
        return fail(
          new ApiError(
            415,
            'unsupported_media_type',
            `request body must be application/json, got "${type || 'none'}"`,
            'content-type',
          ),
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        return fail(badRequest('body', `request body is not valid JSON (${(e as Error).message})`));
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return fail(badRequest('body', 'request body must be a JSON object'));
      }
      resolve(parsed as Record<string, unknown>);
    });
  });
}
