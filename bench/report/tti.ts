// Time until a report is interactive in Chromium: from navigation start until the first usable
// view is in the DOM, timed inside the page by a MutationObserver (same method for both reports).
// Ours: body[data-ready] (set after the first view has rendered). Playwright's HTML report: the
// first test row of its list.
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export const READY_SELECTOR = { perf: 'body[data-ready]', playwright: '.test-file-test' } as const;

export async function timeToInteractive(
  browser: Browser,
  file: string,
  kind: keyof typeof READY_SELECTOR,
): Promise<number> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  await page.addInitScript({
    content: `(function () {
    var sel = ${JSON.stringify(READY_SELECTOR[kind])};
    new MutationObserver(function () {
      if (window.__ready === undefined && document.querySelector(sel)) window.__ready = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  })();`,
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
  let ms: number | undefined;
  for (const end = Date.now() + 180_000; ms === undefined && Date.now() < end; ) {
    ms = await page.evaluate(() => (window as unknown as { __ready?: number }).__ready);
    if (ms === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  if (ms === undefined) throw new Error(`${file} never became interactive`);
  await ctx.close();
  return ms;
}
