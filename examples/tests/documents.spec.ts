// Document processing: upload a real PDF and wait until every page is rendered by pdf.js.
import { test, expect } from 'playwright-perf';
import { join } from 'node:path';
import { logIn } from './helpers';

const PDFS = join(__dirname, '..', 'app', 'pdfs');

test('upload a Hebrew PDF and render all its pages', async ({ page, perf }) => {
  await logIn(page);
  const result = await perf.presets.documentProcessing(page, {
    trigger: async () => {
      await page.setInputFiles('#upload-input', join(PDFS, 'lease-he.pdf'));
      await page.click('#upload-submit');
    },
    renderedPageSelector: '#viewer canvas.pdf-page[data-rendered="true"]',
    pagesFrom: { selector: '#viewer', attribute: 'data-pages' },
  });
  expect(result?.details?.pages).toBe(2);
});

test('open a 3-page document from the list', async ({ page, perf }) => {
  await logIn(page);
  await perf.presets.documentProcessing(page, {
    name: 'open document',
    trigger: () => page.getByRole('link', { name: 'Service order.pdf' }).click(),
    renderedPageSelector: '#viewer canvas.pdf-page[data-rendered="true"]',
    expectedPages: 3,
  });
  await expect(page.locator('#pages-count')).toHaveText('3/3');
});
