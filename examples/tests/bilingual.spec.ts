// Hebrew rendering and language switching in both directions.
import { test, expect } from 'playwright-perf';
import { HEBREW_FONT, logIn } from './helpers';

test('Hebrew login page renders right-to-left with its web font', async ({ page, perf }) => {
  const result = await perf.presets.hebrewRendering(page, {
    trigger: () => page.goto('/login?lang=he'),
    selector: '#welcome',
    text: 'ברוכים הבאים',
    fontFamily: HEBREW_FONT,
    name: 'hebrew rendering: login',
  });
  expect(result?.findings ?? []).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('switching he → en → he on the documents page', async ({ page, perf }) => {
  await page.goto('/login?lang=he');
  await logIn(page);
  await perf.flow('switch languages', async () => {
    const toEnglish = await perf.presets.languageSwitch(page, {
      trigger: () => page.click('#lang-toggle'),
      to: 'en',
      text: 'My documents',
      selector: '#documents-title',
      layoutSelector: 'header.top, #documents-title, #document-list',
    });
    expect(toEnglish?.direction).toBe('he→en');
    const toHebrew = await perf.presets.languageSwitch(page, {
      trigger: () => page.click('#lang-toggle'),
      to: 'he',
      text: 'המסמכים שלי',
      selector: '#documents-title',
      layoutSelector: 'header.top, #documents-title, #document-list',
      fontFamily: HEBREW_FONT,
    });
    expect(toHebrew?.direction).toBe('en→he');
  });
  await expect(page.locator('#documents-title')).toHaveText('המסמכים שלי');
});
