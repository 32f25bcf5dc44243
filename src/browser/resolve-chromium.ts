// Which Chromium to drive. Playwright-managed browsers win when installed (that is what most users
// have); otherwise a system Chromium: $PLAYWRIGHT_PERF_CHROMIUM, then well-known paths, then PATH.
// Used by users' configs (`chromiumLaunchOptions()`), by the Lighthouse runner and by our tests.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { playwrightInstall } from '../util/playwright-install';

export const CHROMIUM_ENV_VAR = 'PLAYWRIGHT_PERF_CHROMIUM';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export interface ResolvedChromium {
  /** undefined = let Playwright use its own managed build. */
  executablePath: string | undefined;
  source: 'playwright' | 'env' | 'system' | 'path';
}

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      'playwright-perf: no Chromium found. Tried: ' +
        tried.join(', ') +
        '. ' +
        'Install one with `npx playwright install chromium`, or (Debian/Ubuntu) `apt-get install chromium`, ' +
        `or set ${CHROMIUM_ENV_VAR}=/path/to/chrome.`,
    );
    this.name = 'ChromiumNotFoundError';
  }
}

function playwrightManagedPath(): string | undefined {
  try {
    // The user's playwright-core knows where its managed build would be; it may not be downloaded.
    const chromium = playwrightInstall()?.requireCore<typeof import('playwright-core')>().chromium;
    if (!chromium) return undefined;
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function findOnPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Finds a Chromium. Throws ChromiumNotFoundError (listing what was tried) when there is none. */
export function resolveChromium(options: { preferSystem?: boolean } = {}): ResolvedChromium {
  const tried: string[] = [];
  const managed = options.preferSystem ? undefined : playwrightManagedPath();
  if (managed) return { executablePath: undefined, source: 'playwright' };
  tried.push('Playwright-managed chromium');

  const fromEnv = process.env[CHROMIUM_ENV_VAR];
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, source: 'env' };
    tried.push(`$${CHROMIUM_ENV_VAR}=${fromEnv} (does not exist)`);
  } else {
    tried.push(`$${CHROMIUM_ENV_VAR} (unset)`);
  }
  for (const p of SYSTEM_PATHS) {
    if (existsSync(p)) return { executablePath: p, source: 'system' };
  }
  tried.push(...SYSTEM_PATHS);
  const onPath = findOnPath(PATH_NAMES);
  if (onPath) return { executablePath: onPath, source: 'path' };
  tried.push(`PATH (${PATH_NAMES.join(', ')})`);
  if (options.preferSystem) {
    const m = playwrightManagedPath();
    if (m) return { executablePath: m, source: 'playwright' };
  }
  throw new ChromiumNotFoundError(tried);
}

/** The path of a Chromium binary, whichever source it comes from (for chrome-launcher/Lighthouse). */
export function chromiumExecutablePath(): string {
  const r = resolveChromium({ preferSystem: false });
  if (r.executablePath) return r.executablePath;
  const managed = playwrightManagedPath();
  if (managed) return managed;
  throw new ChromiumNotFoundError(['Playwright-managed chromium']);
}

/** Flags a system Chromium needs in containers/CI (GPU off; Playwright already adds --no-sandbox etc.). */
export const SYSTEM_CHROMIUM_ARGS = ['--disable-gpu'];

/**
 * Launch options for `use.launchOptions` in playwright.config.ts:
 *   use: { launchOptions: chromiumLaunchOptions() }
 * Returns {} when Playwright's own Chromium is installed.
 */
export function chromiumLaunchOptions(extra: { args?: string[] } = {}): { executablePath?: string; args?: string[] } {
  const r = resolveChromium();
  if (!r.executablePath) return extra.args ? { args: extra.args } : {};
  return { executablePath: r.executablePath, args: [...SYSTEM_CHROMIUM_ARGS, ...(extra.args ?? [])] };
}
