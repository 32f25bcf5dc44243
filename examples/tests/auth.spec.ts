// Authentication: a successful login is a measured flow; a wrong password is shown to the user.
import { test, expect } from 'playwright-perf';
import { fillLogin } from './helpers';

test('log in', async ({ page, perf }) => {
  await page.goto('/login');
  const result = await perf.presets.auth(page, {
    trigger: () => fillLogin(page),
    until: { url: /\/documents$/, selector: '#document-list li.document' },
  });
  expect(result?.ok).toBe(true);
});

test('wrong password is rejected', async ({ page, perf }) => {
  await page.goto('/login');
  await perf.flow('login rejected', async () => {
    await fillLogin(page, { email: 'demo@wesign.test', password: 'nope' });
    await expect(page.locator('#login-error')).toBeVisible();
  });
  await expect(page).toHaveURL(/\/login$/);
});
