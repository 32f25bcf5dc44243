// A small single-page test app with known delays per route, for the route-change collector's
// accuracy tests. Every route view fetches its data from /api/data?delay=D; the server holds that
// response D ms and records how long it really held it (timers fire late on a loaded machine), so a
// test compares the reported route duration with what really happened.
//
//   GET /        history-routed app: links #to-doc (/documents/42, data 600 ms) and #to-tpl
//                (/templates/7, data 900 ms; 300 ms after its data a banner pushes the content down:
//                a layout shift; its #busy button blocks the main thread 200 ms: a long task and an
//                interaction ≥ 200 ms); window.app.go(path) routes without input (programmatic);
//                back/forward re-render the route (popstate).
//   GET /hash    hash-routed app: #to-report sets location.hash = '#/reports/9' (data 800 ms).
//   Deep links (/documents/42 …) serve the same shell.
//   window.__spaTruth lists each rendered route view: { route, startAt, renderedAt } (epoch ms).
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Data delay per route pattern (ms). */
export const SPA_DELAYS: Record<string, number> = {
  '/documents/:id': 600,
  '/templates/:id': 900,
  '/settings/:id': 700,
  '#/reports/:id': 800,
};
export const SPA_SHIFT_PX = 100;
export const SPA_BUSY_MS = 200;

export interface SpaLogEntry {
  route: string;
  receivedAt: number;
  heldMs: number;
}

export interface SpaServer {
  url: string;
  log: SpaLogEntry[];
  close(): Promise<void>;
}

const APP = `
const view = document.getElementById('view');
const hashMode = location.pathname === '/hash';
const DELAYS = ${JSON.stringify(SPA_DELAYS)};
function patternOf(path) { return path.replace(/\\/\\d+/g, '/:id'); }
// Truth for the tests, in epoch ms: when each route change started (the causing pointerdown, or
// the call) and when its view was rendered (its last DOM change).
window.__spaTruth = [];
const epochNow = () => performance.timeOrigin + performance.now();
let inputAt = 0;
let pendingStart = 0;
addEventListener('pointerdown', (e) => { inputAt = performance.timeOrigin + e.timeStamp; }, true);
let token = 0;
async function render(startAt) {
  const path = hashMode ? location.hash.slice(1) : location.pathname;
  const key = (hashMode ? '#' : '') + patternOf(path);
  const mine = ++token;
  if (!(key in DELAYS)) { view.innerHTML = '<h1>home</h1>'; return; }
  view.innerHTML = '<p class="loading">loading…</p>';
  const res = await fetch('/api/data?route=' + encodeURIComponent(key) + '&delay=' + DELAYS[key]);
  const data = await res.json();
  if (mine !== token) return;
  const id = path.split('/').pop();
  view.innerHTML = '<div id="content"><h1>' + data.title + ' ' + id + '</h1><p>' + 'Lorem ipsum dolor sit amet. '.repeat(20) + '</p></div>';
  if (key === '/templates/:id') {
    view.insertAdjacentHTML('beforeend', '<button id="busy">busy</button>');
    document.getElementById('busy').addEventListener('click', () => { const s = performance.now(); while (performance.now() - s < ${SPA_BUSY_MS}) {} });
    setTimeout(() => { if (mine === token) view.insertAdjacentHTML('afterbegin', '<div id="banner" style="height:${SPA_SHIFT_PX}px;background:#fc0">banner</div>'); }, 300);
  }
  window.__spaTruth.push({ route: key, startAt, renderedAt: epochNow() });
}
window.app = { go(path, startAt) { history.pushState({}, '', path); render(startAt || epochNow()); } };
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (!a) return;
  e.preventDefault();
  if (hashMode) { pendingStart = inputAt; location.hash = a.getAttribute('href'); }
  else window.app.go(a.getAttribute('href'), inputAt);
});
addEventListener(hashMode ? 'hashchange' : 'popstate', (e) => {
  const startAt = pendingStart || performance.timeOrigin + e.timeStamp;
  pendingStart = 0;
  render(startAt);
});
render(epochNow());
`;

function shell(hash: boolean): string {
  const links = hash
    ? '<a id="to-report" data-route href="#/reports/9">report</a>'
    : '<a id="to-doc" data-route href="/documents/42">document</a> <a id="to-tpl" data-route href="/templates/7">template</a>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>spa</title>
<style>body{margin:0;font:16px sans-serif} nav{height:40px} #view{min-height:400px}</style></head>
<body><nav>${links}</nav><main id="view"></main><script>${APP}</script></body></html>`;
}

export async function startSpaServer(): Promise<SpaServer> {
  const log: SpaLogEntry[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (u.pathname === '/api/data') {
      const receivedAt = Date.now();
      const t0 = performance.now();
      const route = u.searchParams.get('route') ?? '';
      setTimeout(
        () => {
          log.push({ route, receivedAt, heldMs: performance.now() - t0 });
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ title: route.split('/')[1] ?? route }));
        },
        Number(u.searchParams.get('delay') ?? 0),
      );
      return;
    }
    if (u.pathname === '/favicon.ico') {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(shell(u.pathname === '/hash'));
  };
  const server: Server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
