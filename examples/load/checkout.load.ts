// Load test of the demo app's whole business flow — log in → upload a PDF → sign → pay — under a
// ramp of browser VUs, reusing the example suite's helpers and the same perf presets as the tests.
// Start the app, then run the load test against it (see docs/load.md):
//   node examples/app/server.mjs --port 4173 &
//   WESIGN_URL=http://127.0.0.1:4173 npx playwright-perf load examples/load/checkout.load.ts
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { defineLoadTest } from 'playwright-perf';
import { drawSignature, fillLogin } from '../tests/helpers';

const baseURL = process.env.WESIGN_URL ?? 'http://127.0.0.1:4173';
// LOAD_SCALE=0.2 shrinks the ramp for a quick try.
const scale = Number(process.env.LOAD_SCALE ?? 1);
const PDF = join(__dirname, '..', 'app', 'pdfs', 'nda-en.pdf');

export default defineLoadTest({
  scenarios: {
    checkout: {
      executor: 'ramping-vus',
      startVUs: 1,
      stages: [
        { duration: `${Math.round(20 * scale)}s`, target: 4 },
        { duration: `${Math.round(20 * scale)}s`, target: 4 },
        { duration: `${Math.round(10 * scale)}s`, target: 0 },
      ],
      gracefulRampDown: '10s',
      thinkTime: { min: '500ms', max: '1500ms' },
      contextOptions: { baseURL },
      exec: async ({ page, perf }) => {
        await page.goto('/login');
        await perf.presets.auth(page, {
          trigger: () => fillLogin(page),
          until: { url: /\/documents$/, selector: '#document-list li.document' },
        });
        await perf.presets.documentProcessing(page, {
          name: 'upload',
          trigger: async () => {
            await page.setInputFiles('#upload-input', PDF);
            await page.click('#upload-submit');
          },
          renderedPageSelector: '#viewer canvas.pdf-page[data-rendered="true"]',
          pagesFrom: { selector: '#viewer', attribute: 'data-pages' },
        });
        await perf.presets.signature(page, {
          trigger: async () => {
            await drawSignature(page);
            await page.click('#signature-submit');
          },
          until: { selector: '#signature-status.ok' },
        });
        await page.click('#complete');
        await expect(page.locator('#complete-status.ok')).toBeVisible();
        await page.click('#to-payment');
        await perf.presets.payment(page, {
          trigger: async () => {
            await page.fill('#card-number', '4242 4242 4242 4242');
            await page.fill('#expiry', '12/39');
            await page.fill('#cvc', '123');
            await page.click('#pay-submit');
          },
          until: { selector: '#payment-status.ok' },
        });
      },
    },
  },
  thresholds: {
    'flow.auth': ['p95 < 3000'],
    'flow.upload': ['p95 < 5000'],
    'flow.payment': ['p95 < 3000'],
    errors: [{ threshold: 'rate < 0.05', abortOnFail: true, delayAbortEval: '10s' }],
  },
  options: { window: '2s', scalabilityMetric: 'flow.payment' },
});
