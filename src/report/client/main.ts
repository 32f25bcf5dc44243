// Entry of the HTML report page (bundled to one IIFE by esbuild, inlined by render-html.ts). Reads
// the embedded view model, draws the shell and the view named in location.hash; the test details,
// most of the bytes, are read after the first view is on screen so a big report is usable first.
import { readDataBlock } from './components/data-block';
import { fmtInt, fmtMs } from './components/format';
import { startRouter } from './components/router';
import { pageShell } from './components/shell';
import { checkColumns, createContext, type Details, type PageModel } from './model';
import { REPORT_VIEWS } from './views';

const THEME_KEY = 'playwright-perf-theme';
const MARK = 'playwright-perf';

function failed(e: unknown): void {
  const app = document.getElementById('app');
  const why = e instanceof Error ? e.message : String(e);
  if (app)
    app.textContent =
      'The report data could not be read (' + why + '). The same data is in report.json next to this file.';
}

async function boot(): Promise<void> {
  const vm = (await readDataBlock('pp-data')) as PageModel | null;
  if (!vm) throw new Error('no report data in this page');
  performance.mark(MARK + ':data');
  checkColumns(vm);
  const ctx = createContext(vm);
  const app = document.getElementById('app');
  if (!app) throw new Error('the page has no #app element');
  const run = vm.run;
  const sub = [
    new Date(run.startedAt).toLocaleString(),
    fmtMs(run.wallTimeMs),
    fmtInt(vm.summary.tests) + ' tests',
  ].join(' · ');
  const { nav, main } = pageShell({ app, brand: 'playwright-perf', sub, views: REPORT_VIEWS, themeKey: THEME_KEY });
  const router = startRouter({ views: REPORT_VIEWS, ctx, main, nav, fallback: 'overview', markPrefix: MARK });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  ctx.details = ((await readDataBlock('pp-details')) as Details | null) ?? {};
  performance.mark(MARK + ':details');
  if (router.current().id === 'test') router.render();
}

boot().catch(failed);
