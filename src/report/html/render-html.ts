// Renders the single-file HTML report: inline CSS, one inline script (the page UI: src/report/client
// bundled by esbuild, see ../browser-bundle.ts), and the view model as JSON in non-executable
// <script type="application/json"> blocks.
// A Content-Security-Policy meta allows exactly our script and style (by sha256 hash): nothing a
// test title could smuggle into the page can run, and the page makes no network requests.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { JsonReport } from '../../types';
import { browserAssets } from '../browser-bundle';
import { safeJsonText } from './escape';
import { buildViewModel } from './build-view-model';
import type { ViewModel } from './view-model-types';

/** Embedded JSON above this size is gzipped + base64-encoded (read by the page with
 *  DecompressionStream, see client/components/data-block.ts); smaller reports stay plain text you
 *  can read with view-source. */
export const COMPRESS_ABOVE_BYTES = 512 * 1024;

/** The page script (one IIFE, bundled from src/report/client/main.ts) and its stylesheet. */
export function clientAssets(): { script: string; style: string } {
  return browserAssets('report-page');
}

export function sha256Base64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(script)}'`,
    `style-src 'sha256-${sha256Base64(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderHtml(report: JsonReport): string {
  return renderViewModel(buildViewModel(report));
}

export function renderViewModel(vm: ViewModel): string {
  const { script, style } = clientAssets();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script, style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>playwright-perf report</title>
<style>${style}</style>
</head>
<body>
<noscript>This report needs JavaScript. The same data is in report.json next to this file.</noscript>
<div id="app" aria-live="polite"></div>
${dataBlocks(vm)}
<script>${script}</script>
</body>
</html>
`;
}

/** The view model as non-executable data blocks: `pp-data` (everything but the test details) and
 *  `pp-details` (step trees and per-attempt data, most of the bytes; read after first paint). Each
 *  is escaped JSON, or gzip + base64 when big. */
function dataBlocks(vm: ViewModel): string {
  const { details, ...core } = vm;
  return dataBlock('pp-data', { ...core, details: null }) + '\n' + dataBlock('pp-details', details);
}

function dataBlock(id: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= COMPRESS_ABOVE_BYTES)
    return `<script id="${id}" type="application/json">${safeJsonText(json)}</script>`;
  const gz = gzipSync(Buffer.from(json, 'utf8'), { level: 6 }).toString('base64');
  return `<script id="${id}" type="application/json" data-encoding="gzip-base64">"${gz}"</script>`;
}
