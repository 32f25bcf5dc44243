// Query-string parameters: typed, bounded, and a 400 naming the parameter when they are not.
import { badRequest } from './api-error';

export function intParam(
  q: URLSearchParams,
  name: string,
  opts: { min: number; max: number; fallback: number },
): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return opts.fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < opts.min || n > opts.max) {
    throw badRequest(
      name,
      `query parameter "${name}" must be an integer from ${opts.min} to ${opts.max}, got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return n;
}

export function stringParam(
  q: URLSearchParams,
  name: string,
  opts: { required?: boolean; maxLength?: number } = {},
): string | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') {
    if (opts.required) throw badRequest(name, `query parameter "${name}" is required`);
    return undefined;
  }
  const max = opts.maxLength ?? 2000;
  if (raw.length > max) throw badRequest(name, `query parameter "${name}" is longer than ${max} characters`);
  return raw;
}

export function enumParam<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw badRequest(
      name,
      `query parameter "${name}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return raw as T;
}

/** An ISO date/time (`2026-12-01`, `2026-12-01T10:00:00Z`) or epoch milliseconds. */
export function timeParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  const t = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(t)) {
    throw badRequest(
      name,
      `query parameter "${name}" must be an ISO date (2026-12-01T10:00:00Z) or epoch milliseconds, got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return t;
}
