// The single-file page: CSP pins our one script and style by hash, data is embedded safely
// (plain escaped JSON for small reports, gzip+base64 for big ones), nothing external is referenced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { renderHtml, clientAssets, sha256Base64, COMPRESS_ABOVE_BYTES } from '../../src/report/html/render-html';
import { buildViewModel } from '../../src/report/html/build-view-model';
import { safeJsonForScript, escapeHtml } from '../../src/report/html/escape';
import { syntheticReport } from '../helpers/synthetic-report';

const PAYLOAD = `</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>\u2028\u2029&<!--`;

function scripts(html: string): Array<{ attrs: string; body: string }> {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1], body: m[2] }));
}

test('safeJsonForScript leaves no way to close the script or break the line', () => {
  const out = safeJsonForScript({ a: PAYLOAD });
  assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(out), { a: PAYLOAD });
  assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
});

test('page: two data blocks and one script, CSP pins the script and style hashes, no unsafe-inline, no remote URLs', () => {
  const html = renderHtml(syntheticReport({ tests: 12, payload: PAYLOAD }));
  const list = scripts(html);
  assert.equal(list.length, 3, 'two data blocks + one page script');
  for (const data of list.slice(0, 2)) {
    assert.match(data.attrs, /type="application\/json"/);
    assert.equal(data.body.includes('<'), false, 'payload escaped inside the data block');
  }
  const { script, style } = clientAssets();
  assert.equal(list[2].body, script);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.ok(csp.includes(`script-src 'sha256-${sha256Base64(script)}'`));
  assert.ok(csp.includes(`style-src 'sha256-${sha256Base64(style)}'`));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.doesNotMatch(html, /\b(src|href)="https?:/, 'no external resources');
  const bad =
    /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setTimeout\(['"`]/.exec(
      script,
    );
  assert.equal(bad, null, 'page script never parses markup or code');
});

function decode(block: { attrs: string; body: string }): unknown {
  return /data-encoding="gzip-base64"/.test(block.attrs)
    ? JSON.parse(gunzipSync(Buffer.from(JSON.parse(block.body), 'base64')).toString('utf8'))
    : JSON.parse(block.body);
}

test('small reports embed readable JSON (view model + details) that round-trips to the view model', () => {
  const report = syntheticReport({ tests: 5, historyRuns: 0 });
  const [data, details] = scripts(renderHtml(report));
  assert.match(data.attrs, /id="pp-data"/);
  assert.match(details.attrs, /id="pp-details"/);
  assert.doesNotMatch(data.attrs + details.attrs, /data-encoding/);
  const vm = JSON.parse(JSON.stringify(buildViewModel(report)));
  assert.deepEqual({ ...(decode(data) as object), details: decode(details) }, vm);
});

test('big reports embed gzip+base64 that inflates to the same view model, and are much smaller', () => {
  const report = syntheticReport({ tests: 1500, historyRuns: 5, payload: PAYLOAD });
  const vmJson = JSON.stringify(buildViewModel(report));
  assert.ok(vmJson.length > COMPRESS_ABOVE_BYTES);
  const html = renderHtml(report);
  const [data, details] = scripts(html);
  for (const b of [data, details]) {
    assert.match(b.attrs, /data-encoding="gzip-base64"/);
    assert.match(b.body, /^"[A-Za-z0-9+/=]+"$/);
  }
  assert.deepEqual({ ...(decode(data) as object), details: decode(details) }, JSON.parse(vmJson));
  assert.ok(html.length < vmJson.length / 3, `html ${html.length} vs json ${vmJson.length}`);
});
