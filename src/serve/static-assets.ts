// The dashboard's files: a fixed list (page, bundled script, stylesheet), built once per process —
// no path from the URL ever reaches the file system. Served with a strict CSP: script and style only
// from this origin, no inline script, no framing, data only through the same-origin API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserAssets } from '../report/browser-bundle';

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticAsset {
  body: Buffer;
  type: string;
}

/** src/ when running from source, dist/ when built: this file sits one level below either. */
const CODE_ROOT = join(__dirname, '..');

export class DashboardAssets {
  private files?: Map<string, StaticAsset>;
  error?: string;

  /** Builds the file table; false (with `error`) when the dashboard bundle is missing. */
  load(): boolean {
    try {
      const page = readFileSync(join(CODE_ROOT, 'serve', 'client', 'index.html'));
      const dash = browserAssets('serve-dashboard');
      // The components' styles come from the report page; the dashboard adds a few rules.
      const css = browserAssets('report-page').style + '\n' + dash.style;
      const html = { body: page, type: 'text/html; charset=utf-8' };
      this.files = new Map([
        ['/', html],
        ['/index.html', html],
        ['/dashboard.js', { body: Buffer.from(dash.script), type: 'text/javascript; charset=utf-8' }],
        ['/dashboard.css', { body: Buffer.from(css), type: 'text/css; charset=utf-8' }],
      ]);
      return true;
    } catch (e) {
      this.error = (e as Error).message;
      return false;
    }
  }

  get(pathname: string): StaticAsset | undefined {
    return this.files?.get(pathname);
  }
}
