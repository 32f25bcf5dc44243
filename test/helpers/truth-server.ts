// Ground-truth HTTP server for accuracy tests of the perf collectors. Every delay it injects is
// also *recorded as it actually happened* (timers fire late on a loaded machine), so tests compare
// a reported metric with what really occurred, not with what was asked for.
//
// GET /page?…   an HTML page whose behaviour is set by query parameters (combinable):
//   ttfb=D        hold the response head for D ms (recorded in `log` as headDelayMs)
//   res=D         include a sub-resource script /asset.js?delay=D (its response is held D ms)
//   late=D        insert <button id="late"> D ms after window.__armTruth() is called
//   hidden=D      <button id="hidden"> is visibility:hidden until D ms after window.__armTruth()
//   disabled=D    <button id="disabled"> is disabled until D ms after window.__armTruth()
//                 (armed by the test right before its action, so the truth does not depend on how
//                 long navigation and warm-up took on a loaded machine)
//   shift=PX      600 ms after load, insert a PX-px-high block above a full-width, 360 px high box
//                 (expected CLS in a 1280×720 viewport: see expectedShiftCls)
//   block=D       clicking <button id="block"> busy-loops the main thread for D ms
//   throws=1      the page script throws an uncaught error (and an unhandled rejection)
//   measure=NAME  the page calls performance.measure(NAME) over a 50 ms busy span
//   link=URL      adds <a id="link" href=URL>
// Page-side truths (Date.now() when an element was inserted/revealed…) are kept in window.__truth.
// GET /asset.js?delay=D  JavaScript, held D ms.   GET /img?bytes=N  N bytes of image/png-typed data.
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TruthLogEntry {
  path: string;
  query: Record<string, string>;
  /** Epoch ms when the request arrived. */
  receivedAt: number;
  /** How long the head was really held (ms, sub-ms precision). */
  headDelayMs: number;
}

export interface TruthServer {
  url: string;
  port: number;
  log: TruthLogEntry[];
  close(): Promise<void>;
}

/** Viewport the CLS truth is computed for (Playwright's default). */
export const TRUTH_VIEWPORT = { width: 1280, height: 720 };
/** Height of the box that gets shifted by `shift=PX`. */
export const SHIFT_BOX_HEIGHT = 360;

/** Layout shift score of one shift: impact fraction × distance fraction (Layout Instability spec). */
export function expectedShiftCls(shiftPx: number, vw = TRUTH_VIEWPORT.width, vh = TRUTH_VIEWPORT.height): number {
  const impactArea = vw * Math.min(vh, SHIFT_BOX_HEIGHT + shiftPx);
  const impactFraction = impactArea / (vw * vh);
  const distanceFraction = shiftPx / Math.max(vw, vh);
  return impactFraction * distanceFraction;
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

export function truthPage(q: Record<string, string>): string {
  const num = (k: string) => (q[k] !== undefined ? Number(q[k]) : undefined);
  const parts: string[] = [];
  const script: string[] = [
    'window.__truth = { scriptAt: Date.now() }; const armed = [];',
    'window.__armTruth = () => { window.__truth.armedAt = Date.now(); armed.forEach((f) => f()); };',
  ];
  if (num('res') !== undefined) parts.push(`<script src="/asset.js?delay=${num('res')}"></script>`);
  parts.push('<h1 id="title">truth page</h1>');
  if (num('late') !== undefined) {
    script.push(
      `armed.push(() => setTimeout(() => { const b = document.createElement('button'); b.id = 'late'; b.textContent = 'late'; document.body.appendChild(b); window.__truth.lateInsertedAt = Date.now(); }, ${num('late')}));`,
    );
  }
  if (num('hidden') !== undefined) {
    parts.push('<button id="hidden" style="visibility:hidden">hidden</button>');
    script.push(
      `armed.push(() => setTimeout(() => { document.getElementById('hidden').style.visibility = 'visible'; window.__truth.hiddenRevealedAt = Date.now(); }, ${num('hidden')}));`,
    );
  }
  if (num('disabled') !== undefined) {
    parts.push('<button id="disabled" disabled>disabled</button>');
    script.push(
      `armed.push(() => setTimeout(() => { document.getElementById('disabled').disabled = false; window.__truth.enabledAt = Date.now(); }, ${num('disabled')}));`,
    );
  }
  if (num('block') !== undefined) {
    parts.push('<button id="block">block</button>');
    script.push(
      `document.getElementById('block').addEventListener('click', () => { const s = performance.now(); while (performance.now() - s < ${num('block')}) {} window.__truth.blockedMs = performance.now() - s; });`,
    );
  }
  if (num('shift') !== undefined) {
    parts.push(
      `<div id="shift-slot"></div><div id="shift-box" style="width:100%;height:${SHIFT_BOX_HEIGHT}px;background:#8ac"></div>`,
    );
    script.push(
      `addEventListener('load', () => setTimeout(() => { const d = document.createElement('div'); d.style.height = '${num('shift')}px'; document.getElementById('shift-slot').appendChild(d); window.__truth.shiftedAt = Date.now(); }, 600));`,
    );
  }
  if (q.measure) {
    script.push(
      `performance.mark('m-start'); { const s = performance.now(); while (performance.now() - s < 50) {} } performance.measure(${JSON.stringify(q.measure)}, 'm-start');`,
    );
  }
  if (num('reveal') !== undefined) {
    // Content present but hidden until REVEAL ms after the load event: the first contentful paint
    // comes after the test's page.goto() has returned.
    script.push(
      `document.body.style.visibility = 'hidden'; addEventListener('load', () => setTimeout(() => { document.body.style.visibility = 'visible'; }, ${num('reveal')}));`,
    );
  }
  if (q.link) parts.push(`<a id="link" href="${escapeAttr(q.link)}">next</a>`);
  if (q.throws)
    script.push(
      `setTimeout(() => { Promise.reject(new Error('truth rejection')); throw new Error('truth page throws'); }, 0);`,
    );
  // Body margin 0 and content < viewport height: no scrollbar, so the only shift is the injected one.
  return `<!doctype html><html><head><meta charset="utf-8"><title>truth</title>
<style>html,body{margin:0;padding:0}h1{margin:0;height:40px;font-size:20px}</style></head>
<body>${parts.join('\n')}<script>${script.join('\n')}</script></body></html>`;
}

export async function startTruthServer(): Promise<TruthServer> {
  const log: TruthLogEntry[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now();
    const t0 = performance.now();
    const u = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(u.searchParams.entries());
    const send = (delay: number, type: string, body: string | Buffer) => {
      const go = () => {
        const entry: TruthLogEntry = { path: u.pathname, query, receivedAt, headDelayMs: performance.now() - t0 };
        log.push(entry);
        res.writeHead(200, {
          'content-type': type,
          'cache-control': 'no-store',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      };
      if (delay > 0) setTimeout(go, delay);
      else go();
    };
    if (u.pathname === '/page') return send(Number(query.ttfb ?? 0), 'text/html; charset=utf-8', truthPage(query));
    if (u.pathname === '/asset.js')
      return send(Number(query.delay ?? 0), 'application/javascript', 'window.__assetLoaded = Date.now();');
    if (u.pathname === '/img') return send(0, 'image/png', Buffer.alloc(Number(query.bytes ?? 100)));
    res.writeHead(404).end();
  };
  const server: Server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
