// Kinds of iteration errors, as load-test users count them: timeouts, HTTP >= 400 responses,
// assertion failures, crashes (page/browser gone, renderer crash) and anything else the code threw.
import type { LoadErrorKind } from '../types/load';

export class IterationTimeoutError extends Error {
  constructor(ms: number) {
    super(`iteration took longer than iterationTimeout (${ms} ms) and was aborted`);
    this.name = 'TimeoutError';
  }
}

export class PageCrashError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'PageCrashError';
  }
}

const CRASH =
  /Target crashed|Page crashed|Browser has been closed|browser has disconnected|Target page, context or browser has been closed|Browser closed/i;

export function classifyError(e: unknown): LoadErrorKind {
  const err = e as { name?: string; message?: string; matcherResult?: unknown } | null;
  if (!err || typeof err !== 'object') return 'other';
  if (err.name === 'PageCrashError') return 'crash';
  if (err.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(err.message ?? '')) return 'timeout';
  if (err.matcherResult !== undefined || err.name === 'AssertionError' || /^(Error: )?expect\(/.test(err.message ?? ''))
    return 'assertion';
  if (CRASH.test(err.message ?? '')) return 'crash';
  return 'other';
}
