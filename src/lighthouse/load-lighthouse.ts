// Lazy loading of the ESM-only, heavy dependencies (lighthouse, chrome-launcher, Lighthouse's own
// puppeteer-core). `import()` of lighthouse costs 1.3–3.1 s (measured, Node 20, 2 cores), so it happens on
// the first audit only — never when our package loads. Our build is CommonJS with module Node16,
// which keeps `import()` as a real dynamic import (a `require()` would fail with ERR_REQUIRE_ESM on
// Node < 20.19 / 22.12).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LighthouseModule, PuppeteerModule } from './lighthouse-types';
import { errorMessage } from '../util/errors';

const importEsm = (specifier: string): Promise<unknown> => import(specifier);

let lighthousePromise: Promise<LighthouseModule> | undefined;
let puppeteerPromise: Promise<PuppeteerModule> | undefined;
let flagsPromise: Promise<string[]> | undefined;

export function loadLighthouse(): Promise<LighthouseModule> {
  lighthousePromise ??= importEsm('lighthouse')
    .then((m) => m as LighthouseModule)
    .catch((e) => {
      lighthousePromise = undefined;
      throw new Error(`could not load lighthouse (npm install lighthouse@^12.8): ${errorMessage(e)}`);
    });
  return lighthousePromise;
}

/** The puppeteer-core copy Lighthouse itself uses (resolved from Lighthouse's folder), so the Page we
 *  hand to Lighthouse's user-flow API is exactly the kind it expects. */
export function loadPuppeteer(): Promise<PuppeteerModule> {
  puppeteerPromise ??= (async () => {
    const m = (await importEsm(pathToFileURL(puppeteerEsmEntry()).href)) as {
      default?: PuppeteerModule;
    } & PuppeteerModule;
    return m.default ?? m;
  })().catch((e) => {
    puppeteerPromise = undefined;
    throw new Error(`could not load puppeteer-core (a dependency of lighthouse): ${errorMessage(e)}`);
  });
  return puppeteerPromise;
}

/** The ESM entry of Lighthouse's puppeteer-core: the very module instance Lighthouse imported, so
 *  nothing is loaded twice (require.resolve would give the separate CJS build). */
function puppeteerEsmEntry(): string {
  const cjsEntry = createRequire(require.resolve('lighthouse')).resolve('puppeteer-core');
  let dir = dirname(cjsEntry);
  while (dir !== dirname(dir)) {
    const pkgFile = join(dir, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
        name?: string;
        exports?: { '.'?: { import?: string } };
      };
      if (pkg.name === 'puppeteer-core') {
        const esm = pkg.exports?.['.']?.import;
        return esm ? join(dir, esm) : cjsEntry;
      }
    }
    dir = dirname(dir);
  }
  return cjsEntry;
}

/** chrome-launcher's default flags (background networking, component updates, first-run UI… off),
 *  the same set Lighthouse's CLI uses. An empty list if chrome-launcher cannot be loaded. */
export function loadChromeLauncherFlags(): Promise<string[]> {
  flagsPromise ??= importEsm('chrome-launcher')
    .then((m) => (m as { Launcher: { defaultFlags(): string[] } }).Launcher.defaultFlags())
    .catch(() => []);
  return flagsPromise;
}
