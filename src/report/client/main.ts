// Entry of the HTML report page (bundled to one IIFE by esbuild, inlined by render-html.ts). Reads
// the embedded view model, draws the shell and the view named in location.hash; the test details,
// most of the bytes, are read after the first view is on screen so a big report is usable first.
import { h } from './components/dom';
import { readDataBlock } from './components/data-block';
import { fmtInt, fmtMs } from './components/format';
import { startRouter, tabBar } from './components/router';
import { themeToggle } from './components/theme';
import { checkColumns, createContext, type Details, type PageModel, type ReportContext } from './model';
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

function shell(ctx: ReportContext, app: HTMLElement): { nav: HTMLElement; main: HTMLElement } {
  const vm = ctx.vm;
  const nav = tabBar(REPORT_VIEWS);
  const main = h('main', { id: 'main' });
  const sub =
    ' ' +
    new Date(vm.run.startedAt).toLocaleString() +
    ' · ' +
    fmtMs(vm.run.wallTimeMs) +
    ' · ' +
    fmtInt(vm.summary.tests) +
    ' tests';
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('div', { class: 'brand' }, 'playwright-perf', h('span', { class: 'sub' }, sub)),
      nav,
      themeToggle(THEME_KEY),
    ),
    main,
  );
  return { nav, main };
}

async function boot(): Promise<void> {
  const vm = (await readDataBlock('pp-data')) as PageModel | null;
  if (!vm) throw new Error('no report data in this page');
  performance.mark(MARK + ':data');
  checkColumns(vm);
  const ctx = createContext(vm);
  const app = document.getElementById('app');
  if (!app) throw new Error('the page has no #app element');
  const { nav, main } = shell(ctx, app);
  const router = startRouter({ views: REPORT_VIEWS, ctx, main, nav, fallback: 'overview', markPrefix: MARK });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  ctx.details = ((await readDataBlock('pp-details')) as Details | null) ?? {};
  performance.mark(MARK + ':details');
  if (router.current().id === 'test') router.render();
}

boot().catch(failed);
