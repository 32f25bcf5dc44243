// A real Playwright suite with our reporter writes perf-report/index.html; it opens from file://
// with every view rendering, one timeline mark per attempt in run.json, the Hebrew test title laid
// out RTL, and the suite's script payloads (title, step, annotation, attachment name, error, URL)
// shown as text only. `playwright-perf report run.json` re-renders the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createProject, configTs, REPO_ROOT } from '../helpers/inline-project';
import { launch, openReport } from '../helpers/report-page';

const BAD = `<img src=x onerror=alert(1)></script><script>window.__pwned=1</script>`;
const SPEC = `import { test, expect } from 'playwright-perf';
test('התחברות למערכת', async ({ page }) => {
  await page.setContent('<html dir="rtl"><body><button>כניסה</button></body></html>');
  await page.getByRole('button', { name: 'כניסה' }).click();
});
test(${JSON.stringify('renders ' + BAD)}, async ({ page }, testInfo) => {
  testInfo.annotations.push({ type: ${JSON.stringify('issue ' + BAD)}, description: 'javascript:alert(2)' });
  await test.step(${JSON.stringify('step ' + BAD)}, async () => {
    await page.goto(${JSON.stringify('data:text/html,<title>x</title>' + encodeURIComponent(BAD))});
  });
  await testInfo.attach(${JSON.stringify('log ' + BAD)}, { body: ${JSON.stringify(BAD)}, contentType: 'text/plain' });
});
test('fails with a payload', async ({ page }) => {
  await page.setContent('<p>hi</p>');
  expect(${JSON.stringify(BAD)}).toBe('x');
});
for (let i = 0; i < 4; i++) test('plain ' + i, async ({ page }) => { await page.setContent('<p>' + i + '</p>'); await page.waitForTimeout(50 * i); });
`;

test('real run: index.html from the reporter opens, renders every view, payloads stay text; CLI re-render works', async () => {
  const p = createProject('html-real', {
    'playwright.config.ts': configTs({ extra: 'workers: 2, fullyParallel: true,' }),
    'tests/a.spec.ts': SPEC,
  });
  const browser = await launch();
  try {
    const out = await p.run();
    assert.equal(out.exitCode, 1, out.stdout + out.stderr); // one test fails, as it would without us
    const run = p.readRun();
    const html = p.file('perf-report/index.html');
    assert.ok(existsSync(html));
    const rp = await openReport(browser, html);
    for (const v of [
      'overview',
      'timeline',
      'tests',
      'slowest',
      'vitals',
      'locators',
      'flows',
      'startup',
      'trends',
      'lighthouse',
      'recommendations',
    ]) {
      await rp.view(`#/${v}`);
      assert.equal(await rp.page.getByText('This view failed to render').count(), 0, v);
    }
    await rp.view('#/timeline');
    const attempts = run.tests.reduce((n, t) => n + t.results.filter((r) => r.workerIndex >= 0).length, 0);
    assert.equal(await rp.page.locator('[data-kind="attempt"]').count(), attempts);
    await rp.screenshot('real-run-timeline');
    for (let i = 0; i < run.tests.length; i++) {
      await rp.view(`#/test/${i}`);
      const title = rp.page.locator('[data-role="title"]');
      assert.equal(await title.textContent(), run.tests[i].title);
      if (run.tests[i].title === 'התחברות למערכת') {
        assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl');
        assert.ok((await rp.page.locator('.step-row').count()) > 0, 'step tree from the real run');
        await rp.screenshot('real-run-hebrew-detail');
      }
      await rp.page.evaluate(() =>
        document.querySelectorAll<HTMLElement>('.step-row[aria-expanded="false"]').forEach((r) => {
          r.click();
        }),
      );
    }
    await rp.view('#/tests');
    await rp.screenshot('real-run-tests');
    assert.equal(await rp.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await rp.page.evaluate(() => document.querySelectorAll('script').length), 3);
    assert.deepEqual(rp.dialogs, []);
    assert.deepEqual(rp.pageErrors, []);
    await rp.page.context().close();

    const cli = await p.exec(process.execPath, [
      join(REPO_ROOT, 'dist', 'cli', 'main.js'),
      'report',
      'perf-report/run.json',
      '--out',
      'rerendered',
    ]);
    assert.equal(cli.exitCode, 0, cli.stdout + cli.stderr);
    const again = await openReport(browser, p.file('rerendered/index.html'), { hash: '#/tests' });
    assert.equal(
      await again.page.locator('[data-role="count"]').textContent(),
      `${run.tests.length} of ${run.tests.length} tests`,
    );
    assert.deepEqual(again.pageErrors, []);
  } finally {
    await browser.close();
    p.cleanup();
  }
});
