// Time for our HTML report to open and to filter its test list in Chromium: time to interactive
// (tti.ts), then the Tests view, then typing a query — measured in the page from the input event
// to the list's count line showing the filtered result (debounce included).
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { timeToInteractive } from './tti';
import { launch } from '../../test/helpers/report-page';

export async function openAndFilter(
  browser: Browser,
  file: string,
  query: string,
): Promise<{ ttiMs: number; testsViewMs: number; filterMs: number; shown: string }> {
  const ttiMs = await timeToInteractive(browser, file, 'perf');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready]', { timeout: 180_000 });
  const t0 = Date.now();
  await page.evaluate(() => {
    document.body.removeAttribute('data-ready');
    location.hash = '#/tests';
  });
  await page.waitForSelector('body[data-ready] [data-role="search"]', { timeout: 180_000 });
  const testsViewMs = Date.now() - t0;
  const before = await page.textContent('[data-role="count"]');
  const filterMs = await page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('[data-role="search"]')!;
        const count = document.querySelector('[data-role="count"]')!;
        const start = performance.now();
        new MutationObserver(() => resolve(performance.now() - start)).observe(count, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
  const shown = `${before} → ${await page.textContent('[data-role="count"]')}`;
  await ctx.close();
  return { ttiMs, testsViewMs, filterMs, shown };
}

if (require.main === module) {
  void (async () => {
    const browser = await launch();
    try {
      console.log(JSON.stringify(await openAndFilter(browser, process.argv[2], process.argv[3] ?? 'case 4242')));
    } finally {
      await browser.close();
    }
  })();
}
