// Containment: nothing inside playwright-perf may change a user's test outcome. Every hook and
// analyzer runs through `contain`, which turns a throw into a recorded PerfError.
import type { PerfError } from '../types';

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return String(e);
  } catch {
    return 'unknown error';
  }
}

export function perfError(where: string, e: unknown, extra: Partial<PerfError> = {}): PerfError {
  return { where, message: errorMessage(e), time: Date.now(), severity: 'warning', ...extra };
}

/** Runs fn; on throw records the error and returns fallback. */
export function contain<T>(where: string, errors: PerfError[], fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    errors.push(perfError(where, e));
    return fallback;
  }
}

export async function containAsync<T>(
  where: string,
  errors: PerfError[],
  fn: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    errors.push(perfError(where, e));
    return fallback;
  }
}
