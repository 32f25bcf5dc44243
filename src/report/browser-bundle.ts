// Browser pages shipped inside generated files (the HTML report, later the serve dashboard) are
// TypeScript modules under a `client/` folder, bundled by esbuild into one IIFE string at build
// time (scripts/build.mjs → dist/bundles/<name>.js). Renderers inline that string and pin it in the
// page's CSP by hash. Run from source (tests through tsx) there is no dist, so the same bundle is
// made on first use with the same options: what the tests load is what ships.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';

export interface BrowserBundleSpec {
  /** Output name: dist/bundles/<name>.js */
  name: string;
  /** Entry module, relative to src/. */
  entry: string;
  /** Strict browser tsconfig that type-checks the entry's folder, relative to src/. */
  tsconfig: string;
  /** Stylesheet inlined next to the script, relative to src/ (copied to dist as an asset). */
  style: string;
}

/** Every browser bundle the package ships. A new page adds its line here. */
export const BROWSER_BUNDLES: readonly BrowserBundleSpec[] = [
  {
    name: 'report-page',
    entry: 'report/client/main.ts',
    tsconfig: 'report/client/tsconfig.json',
    style: 'report/client/styles.css',
  },
];

/** src/ when running from source, dist/ when built: this file sits one level below either. */
const PACKAGE_CODE_ROOT = join(__dirname, '..');

export function bundlePath(codeRoot: string, name: string): string {
  return join(codeRoot, 'bundles', `${name}.js`);
}

function spec(name: string): BrowserBundleSpec {
  const found = BROWSER_BUNDLES.find((b) => b.name === name);
  if (!found)
    throw new Error(`unknown browser bundle "${name}" (known: ${BROWSER_BUNDLES.map((b) => b.name).join(', ')})`);
  return found;
}

/** Bundles one entry to an IIFE with no imports left: nothing for the page to fetch. */
export function bundleEntry(entryFile: string): string {
  let esbuild: typeof Esbuild;
  try {
    esbuild = require('esbuild') as typeof Esbuild; // devDependency: only needed when not built
  } catch {
    throw new Error(`browser bundle for ${entryFile} is not built and esbuild is not installed: run "npm run build"`);
  }
  const out = esbuild.buildSync({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Non-ASCII stays escaped (\uXXXX) so the inlined text and its CSP hash never depend on a charset.
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced no output for ${entryFile}`);
  // The script is inlined in a <script> element: it must not be able to end it.
  if (/<\/script/i.test(text)) throw new Error(`browser bundle ${entryFile} must not contain "</script"`);
  return text;
}

const cache = new Map<string, { script: string; style: string }>();

/** The script and stylesheet of a bundle, read once per process. */
export function browserAssets(name: string): { script: string; style: string } {
  let assets = cache.get(name);
  if (!assets) {
    const s = spec(name);
    const built = bundlePath(PACKAGE_CODE_ROOT, name);
    const script = existsSync(built) ? readFileSync(built, 'utf8') : bundleEntry(join(PACKAGE_CODE_ROOT, s.entry));
    assets = { script, style: readFileSync(join(PACKAGE_CODE_ROOT, s.style), 'utf8') };
    cache.set(name, assets);
  }
  return assets;
}

/** Build step: writes every bundle from `srcRoot` into `<outRoot>/bundles/`. Returns the files. */
export function writeBrowserBundles(srcRoot: string, outRoot: string): string[] {
  mkdirSync(join(outRoot, 'bundles'), { recursive: true });
  return BROWSER_BUNDLES.map((b) => {
    const file = bundlePath(outRoot, b.name);
    writeFileSync(file, bundleEntry(join(srcRoot, b.entry)));
    return file;
  });
}
