// Gives the audit Chromium the test's login: cookies and localStorage from the test context's
// `storageState()`, written into the audit browser's *default* context. Lighthouse opens its tab in
// the default context (that is how playwright-lighthouse users lost their auth: their test ran in a
// separate, non-default context). sessionStorage is per tab and cannot follow Lighthouse's new tab.
import type { Browser, BrowserContext, BrowserType } from '@playwright/test';
import type { PuppeteerBrowser } from './lighthouse-types';

export interface StorageStateLike {
  cookies: Array<Parameters<BrowserContext['addCookies']>[0][number]>;
  origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

export function hasStorage(s: StorageStateLike | undefined): s is StorageStateLike {
  return !!s && (s.cookies.length > 0 || s.origins.some((o) => o.localStorage.length > 0));
}

/** Connects Playwright to the audit Chromium over CDP (the caller disconnects or keeps it). */
export async function connectPlaywright(
  browserType: Pick<BrowserType, 'connectOverCDP'>,
  wsEndpoint: string,
): Promise<{ browser: Browser; context: BrowserContext }> {
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
    await page.route('**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>storage</title>' }),
    );
    for (const o of origins) {
      await page.goto(new URL('/', o.origin).href);
      await page.evaluate((items) => {
        for (const { name, value } of items) localStorage.setItem(name, value);
      }, o.localStorage);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Playwright cookie (storageState) → CDP Network.CookieParam. Session cookies (expires -1) stay
 *  session cookies. */
export function toCdpCookie(c: StorageStateLike['cookies'][number]): Record<string, unknown> {
  return {
    name: c.name,
    value: c.value,
    ...(c.url ? { url: c.url } : {}),
    ...(c.domain ? { domain: c.domain } : {}),
    ...(c.path ? { path: c.path } : {}),
    ...(c.secure !== undefined ? { secure: c.secure } : {}),
    ...(c.httpOnly !== undefined ? { httpOnly: c.httpOnly } : {}),
    ...(c.sameSite ? { sameSite: c.sameSite } : {}),
    ...(typeof c.expires === 'number' && c.expires > 0 ? { expires: c.expires } : {}),
  };
}

/** The same as writeStorage, through the Puppeteer connection Lighthouse uses anyway (navigation
 *  mode): no second CDP client to connect, so a logged-in audit costs what a plain one does. */
export async function writeStorageCdp(browser: PuppeteerBrowser, state: StorageStateLike): Promise<void> {
  if (state.cookies.length) {
    const session = await browser.target().createCDPSession();
    try {
      await session.send('Storage.setCookies', { cookies: state.cookies.map(toCdpCookie) });
    } finally {
      await session.detach().catch(() => undefined);
    }
  }
  const origins = state.origins.filter((o) => o.localStorage.length > 0);
  if (!origins.length) return;
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      void r
        .respond({ status: 200, contentType: 'text/html', body: '<!doctype html><title>storage</title>' })
        .catch(() => undefined);
    });
    for (const o of origins) {
      await page.goto(new URL('/', o.origin).href);
      await page.evaluate((items: Array<{ name: string; value: string }>) => {
        for (const { name, value } of items) localStorage.setItem(name, value);
      }, o.localStorage);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}
