// Runs a Playwright call without reporting it as a test step. Our own calls (init script, flush
// evaluate, CDP session) would otherwise show up as `pw:api` steps in the user's test and in the
// action statistics. `_wrapApiCall(fn, { internal: true })` is what Playwright's own fixtures use;
// if a future Playwright drops it we fall back to a plain (visible) call rather than failing.
type Wrappable = { _wrapApiCall?: <T>(fn: () => Promise<T>, options: { internal: boolean }) => Promise<T> };

export function quietly<T>(owner: unknown, fn: () => Promise<T>): Promise<T> {
  const wrap = (owner as Wrappable | null)?._wrapApiCall;
  if (typeof wrap !== 'function') return fn();
  return wrap.call(owner, fn, { internal: true }) as Promise<T>;
}
