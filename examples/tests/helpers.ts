// Shared steps of the example suite.
import type { Page } from '@playwright/test';

export const DEMO_USER = { email: 'demo@wesign.test', password: 'demo1234' };
/** The @font-face family the demo app declares for Hebrew. */
export const HEBREW_FONT = 'WeSign Hebrew';

export async function fillLogin(page: Page, user = DEMO_USER): Promise<void> {
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.click('#login-submit');
}

/** Logs in without measuring (for tests about something else). */
export async function logIn(page: Page): Promise<void> {
  await page.goto('/login');
  await fillLogin(page);
  await page.waitForURL('**/documents');
}

/** Draws a wavy signature across the pad with real pointer input. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.locator('#signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + 20 + i * 14, box.y + box.height / 2 - Math.sin(i / 2) * 40);
  }
  await page.mouse.up();
}
