// Our own version, read from package.json at run time (works from src/ via tsx and from dist/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;
export function perfVersion(): string {
  if (cached) return cached;
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, rel), 'utf8'));
      if (pkg.name === 'playwright-perf') return (cached = String(pkg.version));
    } catch {
      /* try next */
    }
  }
  return (cached = '0.0.0');
}
