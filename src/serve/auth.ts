// Write access. Reads are open (the server binds to loopback unless told otherwise); writes need the
// token given at start-up, sent as `Authorization: Bearer <token>`. Both sides are hashed first so
// timingSafeEqual compares equal lengths and the time taken says nothing about the token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';

export const TOKEN_ENV = 'PLAYWRIGHT_PERF_TOKEN';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

/** Throws 403 when writes are off, 401 when the token is missing or wrong. */
export function requireWriteAccess(req: IncomingMessage, token: string | undefined): void {
  if (!token) {
    throw new ApiError(
      403,
      'writes_disabled',
      `writes are off: start the server with --token or ${TOKEN_ENV} to allow them`,
    );
  }
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (!match)
    throw new ApiError(401, 'unauthorized', 'this route needs "Authorization: Bearer <token>"', 'authorization');
  if (!tokenMatches(token, match[1]))
    throw new ApiError(401, 'unauthorized', 'the token is not valid', 'authorization');
}
