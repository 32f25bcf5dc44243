// Builds the ONE init script injected into every document of a measured context: the web-vitals
// IIFE followed by our in-page collector (page/perf-page.js). One script because Playwright wraps
// each init script in its own function, so a `var` from one is invisible to the next.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Binding the page reports snapshots through (see page/perf-page.js). */
export const PAGE_BINDING = '__playwrightPerfReport';
/** Non-enumerable window function the worker calls at the end of a page's life. */
export const PAGE_FLUSH = '__playwrightPerfFlush';
/** Cap on performance.measure entries kept per document (a React dev build emits thousands). */
export const MAX_PAGE_MEASURES = 200;

export interface PageScriptConfig {
  webVitals: boolean;
  navigation: boolean;
  longTasks: boolean;
  userTimings: boolean;
  /** Single-page-app route changes (page/perf-routes.js). */
  routes: boolean;
}

let webVitalsSource: string | null | undefined;

/** web-vitals' IIFE is not in the package's `exports`: resolve the package dir and read the file. */
export function readWebVitalsIife(): string | null {
  if (webVitalsSource !== undefined) return webVitalsSource;
  try {
    const dir = dirname(require.resolve('web-vitals'));
    webVitalsSource = readFileSync(join(dir, 'web-vitals.iife.js'), 'utf8');
  } catch {
    webVitalsSource = null;
  }
  return webVitalsSource;
}

let pageSource: string | undefined;
let routesSource: string | undefined;
function readPageCollector(): string {
  pageSource ??= readFileSync(join(__dirname, 'page', 'perf-page.js'), 'utf8');
  return pageSource;
}
function readRoutesCollector(): string {
  routesSource ??= readFileSync(join(__dirname, 'page', 'perf-routes.js'), 'utf8');
  return routesSource;
}

/**
 * The init script. web-vitals routes INP (and LCP finalisation) through requestIdleCallback, which
 * headless Chromium only fires at its 1 s timeout; instead of shimming it for the whole page (that
 * would change the app's behaviour) web-vitals alone sees a `globalThis` without it, so it falls
 * back to setTimeout.
 */
export function buildPageScript(config: PageScriptConfig): string {
  const vitals = config.webVitals ? readWebVitalsIife() : null;
  const cfg = { ...config, binding: PAGE_BINDING, flush: PAGE_FLUSH, maxMeasures: MAX_PAGE_MEASURES };
  const vitalsPart = vitals
    ? `var __pwPerfWebVitals = (function (globalThis) {\n${vitals}\n;return typeof webVitals !== 'undefined' ? webVitals : null; })(
  new Proxy(window, {
    get: function (t, k) { return k === 'requestIdleCallback' || k === 'cancelIdleCallback' ? undefined : Reflect.get(t, k); },
    has: function (t, k) { return k === 'requestIdleCallback' || k === 'cancelIdleCallback' ? false : k in t; }
  }));`
    : 'var __pwPerfWebVitals = null;';
  const routesPart = config.routes ? readRoutesCollector() : 'var __pwPerfRoutes = null;';
  return `(function () {\nvar __pwPerfT0 = performance.now();\ntry {\n${vitalsPart}\nvar __pwPerfConfig = ${JSON.stringify(cfg)};\n${routesPart}\n${readPageCollector()}\n} catch (e) {}\n})();`;
}
