// Everything from tests is untrusted. A report whose titles, errors, URLs, annotations, step
// params, attachment names, flow findings, budgets and recommendations carry script payloads must
// open with no dialog, no injected script run (canary global), and no injected element or handler —
// in both embeddings (plain JSON for small reports, gzip+base64 for big ones).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderHtml } from '../../src/report/html/render-html';
import { buildViewModel } from '../../src/report/html/build-view-model';
import { syntheticReport } from '../helpers/synthetic-report';
import { launch, openReport } from '../helpers/report-page';

export const XSS_PAYLOAD = [
  '</script><script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload=alert(3)>',
  'javascript:window.__pwned=4',
  '"><iframe srcdoc="<script>parent.__pwned=5</script>">',
  '\u2028\u2029',
  "'-alert(6)-'",
  '{{constructor.constructor("alert(7)")()}}',
  '<!--',
].join(' ');

const TMP = join(__dirname, '..', '.tmp', 'html-xss');
const VIEWS = [
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
];
let browser: Browser;
before(async () => {
  mkdirSync(TMP, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Page-side audit: elements and attributes no report of ours ever creates. */
function audit(): { pwned: unknown; scripts: number; handlers: string[]; foreign: string[]; links: string[] } {
  const all = Array.from(document.querySelectorAll('*'));
  return {
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: document.querySelectorAll('script').length,
    handlers: all.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => a.name.startsWith('on'))
        .map((a) => `${el.tagName}[${a.name}]`),
    ),
    foreign: all
      .filter((el) =>
        ['IFRAME', 'IMG', 'OBJECT', 'EMBED', 'FOREIGNOBJECT', 'BASE', 'FORM'].includes(el.tagName.toUpperCase()),
      )
      .map((el) => el.tagName),
    links: Array.from(document.querySelectorAll('a[href]'))
      .map((a) => a.getAttribute('href')!)
      .filter((h) => !h.startsWith('#/')),
  };
}

for (const size of [40, 800]) {
  test(`payloads in every untrusted field run nothing (${size} tests, ${size > 100 ? 'gzip' : 'plain'} embedding)`, async () => {
    const report = syntheticReport({ tests: size, historyRuns: 5, payload: ' ' + XSS_PAYLOAD, seed: 11 });
    const vm = buildViewModel(report);
    const file = join(TMP, `xss-${size}.html`);
    writeFileSync(file, renderHtml(report));
    const rp = await openReport(browser, file);
    const visit = async (hash: string) => {
      await rp.view(hash);
      // Open every collapsed step so each step title/param/error is in the DOM.
      await rp.page.evaluate(() =>
        document.querySelectorAll<HTMLElement>('.step-row[aria-expanded="false"]').forEach((r) => {
          r.click();
        }),
      );
      const a = await rp.page.evaluate(audit);
      assert.equal(a.pwned, undefined, `${hash}: injected script ran`);
      assert.equal(a.scripts, 3, `${hash}: extra <script> elements`);
      assert.deepEqual(a.handlers, [], `${hash}: event-handler attributes`);
      assert.deepEqual(a.foreign, [], `${hash}: injected elements`);
      // The only links to outside the page are saved Lighthouse reports: file:/// URLs whose path
      // is percent-encoded segment by segment (no scheme change, no quote, no angle bracket).
      assert.deepEqual(
        a.links.filter((l) => !/^file:\/\/\/[A-Za-z0-9%._~\-/]*$/.test(l)),
        [],
        `${hash}: non-internal links`,
      );
    };
    for (const v of VIEWS) await visit(`#/${v}`);
    const detailed = Object.keys(vm.details).slice(0, size > 100 ? 4 : 12);
    for (const i of detailed) await visit(`#/test/${i}`);
    // The payload text itself is shown, as text.
    await rp.view(`#/test/${detailed[0]}`);
    assert.ok((await rp.page.locator('[data-role="title"]').textContent())!.includes('<img src=x onerror='));
    await rp.screenshot(`xss-detail-${size}`);
    await rp.view('#/tests');
    await rp.page.locator('[data-role="search"]').fill('<svg onload');
    await rp.page.waitForFunction(
      (n) => document.querySelector('[data-role="count"]')?.textContent === `${n} of ${n} tests`,
      size.toLocaleString('en-US'),
    );
    assert.deepEqual(rp.dialogs, [], 'no dialog opened');
    assert.deepEqual(rp.pageErrors, []);
    assert.deepEqual(rp.requests, [], 'no request (an <img src=x> would try one)');
    await rp.page.context().close();
  });
}
