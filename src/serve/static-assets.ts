// The dashboard's files: a fixed list read once from the build output — no path from the URL ever
// reaches the file system. Served with a strict CSP: scripts and styles only from this origin, no
// inline script, no framing, data only through the same-origin API.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const DASHBOARD_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** URL path → file name in the dashboard build folder. */
const FILES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/dashboard.js': 'dashboard.js',
  '/dashboard.css': 'dashboard.css',
  '/favicon.svg': 'favicon.svg',
};

export interface StaticAsset {
  body: Buffer;
  type: string;
}

export class DashboardAssets {
  private readonly cache = new Map<string, StaticAsset>();
  constructor(private readonly dir: string) {}

  available(): boolean {
    return existsSync(join(this.dir, 'index.html'));
  }

  get(pathname: string): StaticAsset | undefined {
    const name = FILES[pathname];
    if (!name) return undefined;
    let hit = this.cache.get(name);
    if (!hit) {
      const file = join(this.dir, name);
      if (!existsSync(file)) return undefined;
      hit = { body: readFileSync(file), type: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' };
      this.cache.set(name, hit);
    }
    return hit;
  }
}
