// Shared by the option validators (reporter options and their history/budgets/gate groups), so
// every message shows a bad value the same way — and showing it can never throw (BigInt,
// circular objects), since a throw there would stop the reporter from loading.

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, safe rendering of a user-supplied value for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return 'an array';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
