// The whole business flow as one flow with nested sub-flows: sign, complete, pay.
import { test, expect } from 'playwright-perf';
import { drawSignature, logIn } from './helpers';

test('sign, complete and pay for a document', async ({ page, perf }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Mutual NDA.pdf' }).click();
  await expect(page.locator('#viewer')).toHaveAttribute('data-rendered', '2');
  await perf.flow('sign and pay', async () => {
    await perf.presets.signature(page, {
      trigger: async () => {
        await drawSignature(page);
        await page.click('#signature-submit');
      },
      until: { selector: '#signature-status.ok' },
    });
    await perf.flow('complete', async () => {
      await page.click('#complete');
      await expect(page.locator('#complete-status.ok')).toBeVisible();
    });
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
  });
  expect(perf.flow.results.map((f) => [f.name, f.parents.join('/')])).toEqual([
    ['signature', 'sign and pay'],
    ['complete', 'sign and pay'],
    ['payment', 'sign and pay'],
    ['sign and pay', ''],
  ]);
});
