// The HTML load view (load-report/index.html): one self-contained file built like the HTML report —
// the page script (src/load/client, bundled by esbuild from the report's reusable components) and
// the stylesheet inline and pinned by hash in the CSP, the data as escaped JSON in a
// non-executable block. Nothing from the run can become markup, and the page loads nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadReport } from '../types/load';
import { browserAssets } from '../report/browser-bundle';
import { contentSecurityPolicy } from '../report/html/render-html';
import { escapeHtml, safeJsonForScript } from '../report/html/escape';
import { buildLoadViewModel } from './view-model';

export function renderLoadHtml(r: LoadReport): string {
  const { script, style: base } = browserAssets('load-page');
  const style = base + readFileSync(join(__dirname, 'client', 'load.css'), 'utf8');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script, style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Load report — ${escapeHtml(r.file)}</title>
<style>${style}</style>
</head>
<body>
<noscript>This view needs JavaScript. The same data is in load.json next to this file.</noscript>
<div id="app" aria-live="polite"></div>
<script id="pp-load" type="application/json">${safeJsonForScript(buildLoadViewModel(r))}</script>
<script>${script}</script>
</body>
</html>
`;
}
