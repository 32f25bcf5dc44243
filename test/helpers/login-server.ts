// A tiny app with a cookie login, for Lighthouse e2e tests: proves an audit sees the logged-in page.
//   GET  /login          form (title "Login")
//   POST /login user=X   sets an HttpOnly session cookie, 302 → /account
//   GET  /account        "Logged in as X" — only with a valid cookie, else 302 → /login. An inline
//                        script appends localStorage 'device' to the heading (proves localStorage too).
//                        Its "More" button blocks CLICK_BLOCK_MS, then adds MORE_ROWS rows.
//   GET  /heavy          logged-in page that blocks the main thread for HEAVY_BLOCK_MS after first paint
//   GET  /public-heavy   the same block on a page without login (standalone CLI tests)
// Listens on port 0. Every request is logged (path, user from the cookie, user agent) so tests can
// check from the server side which requests Lighthouse made and whether they were authenticated.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** Blocks the main thread once the first contentful paint has happened, seen by the page itself: a
 *  fixed delay after parsing (50 ms, as before) ran before the first paint on a loaded machine, and
 *  a block before FCP is no Total Blocking Time at all. */
const blockAfterFirstPaint = (ms: number) =>
  `<script>new PerformanceObserver(function(list,obs){if(!list.getEntriesByName('first-contentful-paint').length)return;` +
  `obs.disconnect();setTimeout(function(){var end=performance.now()+${ms};while(performance.now()<end){}},0)})` +
  `.observe({type:'paint',buffered:true})</script>`;

/** Main-thread block on /heavy (ms): one long task ⇒ TBT ≈ HEAVY_BLOCK_MS − 50 without throttling. */
export const HEAVY_BLOCK_MS = 800;
const BLOCK_AFTER_FIRST_PAINT = blockAfterFirstPaint(HEAVY_BLOCK_MS);
/** The "More" button's click handler busy-waits this long, then adds MORE_ROWS rows: INP ≥ this. */
export const CLICK_BLOCK_MS = 300;
export const MORE_ROWS = 200;

export interface Hit {
  method: string;
  path: string;
  user: string | null;
  ua: string;
  time: number;
}

export interface LoginServer {
  url: string;
  port: number;
  hits: Hit[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${esc(title)}">
<title>${esc(title)}</title></head><body style="font-family:sans-serif">${body}</body></html>`;

export async function startLoginServer(): Promise<LoginServer> {
  const sessions = new Map<string, string>();
  const hits: Hit[] = [];
  const userOf = (req: IncomingMessage): string | null => {
    const m = /(?:^|;\s*)sid=([a-f0-9]+)/.exec(req.headers.cookie ?? '');
    return m ? (sessions.get(m[1]) ?? null) : null;
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const user = userOf(req);
    hits.push({
      method: req.method ?? 'GET',
      path,
      user,
      ua: String(req.headers['user-agent'] ?? ''),
      time: Date.now(),
    });
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        const name = new URLSearchParams(body).get('user') || 'anonymous';
        const sid = randomBytes(16).toString('hex');
        sessions.set(sid, name);
        res.writeHead(302, { location: '/account', 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` });
        res.end();
      });
      return;
    }
    if (path === '/login') {
      return html(
        200,
        page(
          'Login',
          `<main><h1>Please log in</h1><form method="post" action="/login">
<label>User <input name="user" autocomplete="username"></label> <button type="submit">Log in</button></form></main>`,
        ),
      );
    }
    if (path === '/account' || path === '/heavy') {
      if (!user) {
        res.writeHead(302, { location: '/login' });
        return res.end();
      }
      const block = path === '/heavy' ? BLOCK_AFTER_FIRST_PAINT : '';
      return html(
        200,
        page(
          `Account of ${user}`,
          `<main><h1 id="who" style="font-size:48px">Logged in as ${esc(user)}</h1>
<script>document.getElementById('who').textContent += ' (device ' + (localStorage.getItem('device') || 'none') + ')';</script>
<p>Your account page.</p><button id="more" onclick="var end=performance.now()+${CLICK_BLOCK_MS};while(performance.now()<end){}for(var i=0;i<${MORE_ROWS};i++){var p=document.createElement('p');p.textContent='row '+i;document.querySelector('main').appendChild(p)}">More</button></main>${block}`,
        ),
      );
    }
    if (path === '/public-heavy') {
      return html(
        200,
        page(
          'Public heavy page',
          `<main><h1 style="font-size:48px">Public page</h1><p>Blocks the main thread once.</p></main>
${BLOCK_AFTER_FIRST_PAINT}`,
        ),
      );
    }
    if (path === '/') {
      res.writeHead(302, { location: user ? '/account' : '/login' });
      return res.end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
