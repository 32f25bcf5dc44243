// The user's own Playwright install. playwright-perf has no playwright-core dependency of its own:
// a second copy (of another version) would mean a second `debug` instance, another browser
// registry and another version in the run record than the test runner really uses. Everything we
// need from playwright-core is taken from the copy that the user's @playwright/test brings
// (@playwright/test → playwright → playwright-core), falling back to whatever `playwright-core`
// resolves from here (a project that installs playwright-core alone).
import { dirname } from 'node:path';

export interface PlaywrightInstall {
  /** Folder of the playwright-core that @playwright/test loads. */
  coreDir: string;
  /** playwright-core's version (same as @playwright/test's in every npm layout). */
  version: string;
  /** `require` for modules of that playwright-core, e.g. `lib/utilsBundle`. */
  requireCore<T>(subpath?: string): T;
}

let cached: PlaywrightInstall | null | undefined;

function fromDir(coreDir: string): PlaywrightInstall {
  const pkg = require(`${coreDir}/package.json`) as { version?: unknown };
  return {
    coreDir,
    version: typeof pkg.version === 'string' ? pkg.version : 'unknown',
    requireCore: <T>(subpath?: string) => require(subpath ? `${coreDir}/${subpath}` : coreDir) as T,
  };
}

function locate(): PlaywrightInstall | null {
  try {
    const pwTest = dirname(require.resolve('@playwright/test/package.json'));
    const pw = dirname(require.resolve('playwright/package.json', { paths: [pwTest] }));
    return fromDir(dirname(require.resolve('playwright-core/package.json', { paths: [pw] })));
  } catch {
    /* no @playwright/test next to us: try playwright-core alone */
  }
  try {
    return fromDir(dirname(require.resolve('playwright-core/package.json')));
  } catch {
    return null;
  }
}

/** The Playwright install the user's tests run on, or null when none can be found. */
export function playwrightInstall(): PlaywrightInstall | null {
  if (cached === undefined) cached = locate();
  return cached;
}

/** "1.55.1", or 'n/a' without a Playwright install. */
export function playwrightVersion(): string {
  return playwrightInstall()?.version ?? 'n/a';
}
