// @ts-check
// Boot: navigation bar, theme toggle, and rendering the view named in location.hash.

const THEME_KEY = 'playwright-perf-theme';

function applyTheme(/** @type {string | null} */ t) {
  if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
  else document.documentElement.removeAttribute('data-theme');
}

function storedTheme() { try { return localStorage.getItem(THEME_KEY); } catch { return null; } }

function toggleTheme() {
  const cur = document.documentElement.getAttribute('data-theme') || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const next = cur === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  try { localStorage.setItem(THEME_KEY, next); } catch { /* file:// storage may be off: theme lasts for this page */ }
}

function shell() {
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const nav = h('nav', { class: 'tabs', 'aria-label': 'views' }, VIEWS.filter((v) => !v.hidden).map((v) => h('a', { href: v.id, 'data-view': v.id }, v.label)));
  const main = h('main', { id: 'main' });
  app.replaceChildren(h('header', { class: 'top' },
    h('div', { class: 'brand' }, 'playwright-perf', h('span', { class: 'sub' }, ' ' + new Date(VM.run.startedAt).toLocaleString() + ' · ' + fmtMs(VM.run.wallTimeMs) + ' · ' + fmtInt(VM.summary.tests) + ' tests')),
    nav, h('button', { type: 'button', class: 'theme-toggle', 'aria-label': 'toggle dark mode', on: { click: toggleTheme } }, '◐')), main);
  return { nav, main };
}

function boot() {
  applyTheme(storedTheme());
  const { nav, main } = shell();
  function render() {
    const r = currentRoute();
    const view = VIEWS.find((v) => v.id === r.id) || VIEWS[0];
    for (const a of nav.children) a.classList.toggle('active', a.getAttribute('data-view') === (view.id === 'test' ? 'tests' : view.id));
    let content;
    try { content = view.render(r.arg); } catch (e) {
      // A bug in one view must not blank the report: show it and keep the other views usable.
      content = section('This view failed to render', h('pre', { class: 'error' }, String(e && /** @type {any} */ (e).stack || e)));
    }
    main.replaceChildren(content);
    window.scrollTo(0, 0);
    if (view.id === 'test' && VM.details === null) return; // ready once the details are in (below)
    document.body.setAttribute('data-ready', view.id);
    if (!performance.getEntriesByName('playwright-perf:ready').length) performance.mark('playwright-perf:ready');
  }
  window.addEventListener('hashchange', render);
  render();
  // Test details are most of the data: read them after the first view has been painted.
  requestAnimationFrame(() => setTimeout(() => {
    readBlock('pp-details').then((d) => {
      VM.details = d || {};
      performance.mark('playwright-perf:details');
      if (currentRoute().id === 'test') render();
    }).catch(failed);
  }, 0));
}

boot();
