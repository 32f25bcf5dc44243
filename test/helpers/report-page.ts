// Opens a generated HTML report from file:// in real Chromium (playwright-core, no test runner)
// and records everything a report must never do: page errors, console errors, dialogs, requests.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from '../../src/browser/resolve-chromium';

export const SCREENSHOT_DIR = join(__dirname, '..', '.tmp', 'screenshots');

export interface ReportPage {
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  requests: string[];
  /** Navigates to a view (`#/…`) and waits until it has rendered. */
  view(hash: string): Promise<void>;
  screenshot(name: string): Promise<string>;
}

export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export async function openReport(
  browser: Browser,
  file: string,
  opts: { colorScheme?: 'light' | 'dark'; hash?: string } = {},
): Promise<ReportPage> {
  const context = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const rp: ReportPage = {
    page,
    pageErrors: [],
    consoleErrors: [],
    dialogs: [],
    requests: [],
    async view(hash) {
      await page.evaluate(() => document.body.removeAttribute('data-ready'));
      await page.evaluate((h) => {
        if (location.hash === h)
          window.dispatchEvent(new HashChangeEvent('hashchange')); // same view: render again
        else location.hash = h;
      }, hash);
      await page.waitForSelector('body[data-ready]');
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
  };
  page.on('pageerror', (e) => rp.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') rp.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    rp.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) rp.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href + (opts.hash ?? ''));
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return rp;
}
