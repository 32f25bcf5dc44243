// Gives the audit Chromium the test's login: cookies and localStorage from the test context's
// `storageState()`, written into the audit browser's *default* context. Lighthouse opens its tab in
// the default context (that is how playwright-lighthouse users lost their auth: their test ran in a
// separate, non-default context). sessionStorage is per tab and cannot follow Lighthouse's new tab.
import type { Browser, BrowserContext, BrowserType } from '@playwright/test';

export interface StorageStateLike {
  cookies: Array<Parameters<BrowserContext['addCookies']>[0][number]>;
  origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

export function hasStorage(s: StorageStateLike | undefined): s is StorageStateLike {
  return !!s && (s.cookies.length > 0 || s.origins.some((o) => o.localStorage.length > 0));
}

/** Connects Playwright to the audit Chromium over CDP (the caller disconnects or keeps it). */
export async function connectPlaywright(browserType: Pick<BrowserType, 'connectOverCDP'>, wsEndpoint: string): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await browserType.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('the audit Chromium has no default context');
  return { browser, context };
}

/** Writes cookies and localStorage into `context` (the audit browser's default context). The
 *  localStorage pages are served by a route, so the app's server never sees these set-up loads. */
export async function writeStorage(context: BrowserContext, state: StorageStateLike): Promise<void> {
  if (state.cookies.length) await context.addCookies(state.cookies);
  const origins = state.origins.filter((o) => o.localStorage.length > 0);
  if (!origins.length) return;
  const page = await context.newPage();
  try {
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>storage</title>' }));
    for (const o of origins) {
      await page.goto(new URL('/', o.origin).href);
      await page.evaluate((items) => { for (const { name, value } of items) localStorage.setItem(name, value); }, o.localStorage);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}
