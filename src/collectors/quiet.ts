// Runs a Playwright call without reporting it as a test step. Our own calls (init script, flush
// evaluate, CDP session) would otherwise show up as `pw:api` steps in the user's test and in the
// action statistics. `_wrapApiCall(fn, { internal: true })` is what Playwright's own fixtures use
// (present in every release from 1.55 to 1.65); if a Playwright drops it we fall back to a plain
// (visible) call rather than failing, and the page collector records why.
import { playwrightVersion } from '../util/playwright-install';

type Wrappable = { _wrapApiCall?: <T>(fn: () => Promise<T>, options: { internal: boolean }) => Promise<T> };

export function quietly<T>(owner: unknown, fn: () => Promise<T>): Promise<T> {
  const wrap = (owner as Wrappable | null)?._wrapApiCall;
  if (typeof wrap !== 'function') return fn();
  return wrap.call(owner, fn, { internal: true }) as Promise<T>;
}

/** Why our calls on `owner` cannot be hidden from the test's steps, or null when they can. */
export function quietUnsupportedReason(owner: unknown): string | null {
  if (typeof (owner as Wrappable | null)?._wrapApiCall === 'function') return null;
  return (
    `Playwright ${playwrightVersion()} has no _wrapApiCall: playwright-perf's own calls (init script, ` +
    'binding, flush) appear as steps of the test and in its action statistics'
  );
}
