// Entry of the `playwright-perf serve` dashboard (bundled to one file by esbuild, served by the
// same process as the API). Hash routes give every view a URL; all data comes from /api/v1.
import { h } from '../../report/client/components/dom';
import { startRouter } from '../../report/client/components/router';
import { pageShell } from '../../report/client/components/shell';
import { createContext } from './data';
import { runsView } from './views/runs';
import { runView } from './views/run';
import { testView } from './views/test';
import { trendsView } from './views/trends';
import { testsView } from './views/tests';
import { compareView } from './views/compare';
import { alertsView } from './views/alerts';

const THEME_KEY = 'playwright-perf-theme';
const VIEWS = [runsView, trendsView, testsView, compareView, alertsView, runView, testView];

function boot(): void {
  const app = document.getElementById('app');
  if (!app) throw new Error('the page has no #app element');
  const ctx = createContext();
  const { nav, main } = pageShell({ app, brand: 'playwright-perf', sub: 'history', views: VIEWS, themeKey: THEME_KEY });
  // Data is kept for the page's life; this drops it so every view asks the server again.
  const refresh = h(
    'button',
    { class: 'theme-toggle', type: 'button', 'data-role': 'refresh', title: 'reload data' },
    '↻',
  );
  nav.after(refresh);
  const router = startRouter({
    views: VIEWS,
    ctx,
    main,
    nav,
    fallback: 'runs',
    markPrefix: 'playwright-perf-dashboard',
  });
  ctx.rerender = () => router.render();
  refresh.addEventListener('click', () => {
    ctx.cache.clear();
    router.render();
  });
}

boot();
