#!/usr/bin/env node
// WeSign-style demo app: a bilingual (Hebrew RTL / English LTR) e-signature app on plain node:http.
// No framework, no external service, no CDN: pdf.js and the Hebrew web font are served locally.
//   node examples/app/server.mjs [--port N]      (default: $WESIGN_PORT, else a free port)
// Prints `WeSign demo listening on http://127.0.0.1:<port>` once ready. See docs/demo-app.md.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, dirname, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { TEXTS, pickLang } from './i18n.mjs';
import { fromEnv, delaysFor, checkDelayObject, parseDelays, sleep } from './delays.mjs';
import { pdfProblem, signatureProblem, paymentProblem, MAX_UPLOAD_BYTES } from './validate.mjs';
import { loginPage, documentsPage, documentPage, paymentPage } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PUBLIC = join(here, 'public');
const PDFS = join(here, 'pdfs');
const PDFJS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));
export const DEMO_USER = { email: 'demo@wesign.test', password: 'demo1234' };
const SAMPLES = [
  { file: 'lease-he.pdf', name: 'הסכם שכירות.pdf' },
  { file: 'nda-en.pdf', name: 'Mutual NDA.pdf' },
  { file: 'invoice-3p.pdf', name: 'Service order.pdf' },
];
const PAYMENT_AMOUNT = '49.90';
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.pfb': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

let serverDelays = fromEnv();
/** token → { email, docs: Map<id, doc> } */
const sessions = new Map();

function newSession(email) {
  const docs = new Map();
  for (const s of SAMPLES) {
    const id = randomUUID().slice(0, 8);
    docs.set(id, { id, name: s.name, bytes: readFileSync(join(PDFS, s.file)), status: 'pending', signature: null });
  }
  const token = randomUUID();
  sessions.set(token, { email, docs });
  return token;
}

function parseCookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function send(res, status, body, type = 'application/json', headers = {}) {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(data);
}
const json = (res, status, body, headers) => send(res, status, body, 'application/json', headers);

async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function readJson(req) {
  try {
    return JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8') || '{}');
  } catch (e) {
    throw Object.assign(new Error(e.status ? e.message : 'invalid JSON'), { status: e.status ?? 400 });
  }
}

/** Serves a file from `root` without letting `rel` escape it. */
async function serveFile(res, root, rel) {
  const file = normalize(join(root, rel));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
    return send(res, 404, 'not found', 'text/plain');
  send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream', {
    'cache-control': rel.endsWith('.ttf') ? 'no-store' : 'max-age=300',
  });
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  const cookies = parseCookies(req);
  const setCookies = [];
  let delays;
  try {
    delays = delaysFor(req, cookies, serverDelays);
  } catch (e) {
    return json(res, 400, { error: String(e.message) });
  }
  // ?delays=… and ?lang=… on any page are remembered in cookies (handy from a browser address bar).
  if (url.searchParams.has('delays')) {
    try {
      Object.assign(delays, parseDelays(url.searchParams.get('delays')));
    } catch (e) {
      return json(res, 400, { error: String(e.message) });
    }
    setCookies.push(`wesign-delays=${encodeURIComponent(url.searchParams.get('delays'))}; Path=/; SameSite=Lax`);
  }
  let lang = pickLang(cookies['wesign-lang']);
  if (url.searchParams.has('lang')) {
    lang = pickLang(url.searchParams.get('lang'));
    setCookies.push(`wesign-lang=${lang}; Path=/; SameSite=Lax`);
  }
  const session = sessions.get(cookies['wesign-session']);
  const headers = setCookies.length ? { 'set-cookie': setCookies } : {};
  const page = async (html) => {
    await sleep(delays.page ?? 0);
    send(res, 200, html, MIME['.html'], headers);
  };
  const needSession = () => {
    if (session) return false;
    if (path.startsWith('/api/')) json(res, 401, { error: 'not signed in' });
    else send(res, 302, '', 'text/plain', { location: '/login', ...headers });
    return true;
  };

  // Admin: server-wide delays (for the demo; tests prefer the per-context header).
  if (path === '/__admin/delays') {
    if (req.method === 'GET') return json(res, 200, serverDelays);
    if (req.method === 'DELETE') {
      serverDelays = fromEnv();
      return json(res, 200, serverDelays);
    }
    if (req.method === 'POST') {
      try {
        serverDelays = { ...serverDelays, ...checkDelayObject(await readJson(req)) };
      } catch (e) {
        return json(res, 400, { error: String(e.message) });
      }
      return json(res, 200, serverDelays);
    }
    return json(res, 405, { error: 'GET, POST or DELETE' });
  }
  if (path === '/__health') return json(res, 200, { ok: true });
  if (path.startsWith('/static/')) return serveFile(res, PUBLIC, path.slice('/static/'.length));
  if (path.startsWith('/vendor/pdfjs/')) return serveFile(res, PDFJS, path.slice('/vendor/pdfjs/'.length));
  if (path.startsWith('/fonts/')) {
    await sleep(delays.font ?? 0);
    if (delays.fontMissing) return send(res, 404, 'font withheld (font=missing)', 'text/plain');
    return serveFile(res, join(PUBLIC, 'fonts'), path.slice('/fonts/'.length));
  }
  if (path.startsWith('/api/i18n/')) {
    await sleep(delays.i18n ?? 0);
    const l = path.slice('/api/i18n/'.length);
    if (!Object.hasOwn(TEXTS, l)) return json(res, 404, { error: 'unknown language' });
    return json(res, 200, { lang: l, texts: TEXTS[l] }, { 'set-cookie': `wesign-lang=${l}; Path=/; SameSite=Lax` });
  }

  if (path === '/')
    return send(res, 302, '', 'text/plain', { location: session ? '/documents' : '/login', ...headers });
  if (path === '/login' && req.method === 'GET') return page(loginPage(lang));
  if (path === '/logout') {
    sessions.delete(cookies['wesign-session']);
    return send(res, 302, '', 'text/plain', { location: '/login', 'set-cookie': 'wesign-session=; Path=/; Max-Age=0' });
  }
  if (path === '/api/login' && req.method === 'POST') {
    const body = await readJson(req);
    await sleep(delays.login ?? 0);
    if (body.email !== DEMO_USER.email || body.password !== DEMO_USER.password)
      return json(res, 401, { error: 'wrong email or password' });
    const token = newSession(body.email);
    return json(res, 200, { ok: true }, { 'set-cookie': `wesign-session=${token}; Path=/; HttpOnly; SameSite=Lax` });
  }

  if (needSession()) return;
  if (path === '/documents' && req.method === 'GET') return page(documentsPage(lang, session.email));
  const docPage = /^\/documents\/([\w-]+)$/.exec(path);
  if (docPage && req.method === 'GET') {
    const doc = session.docs.get(docPage[1]);
    return doc ? page(documentPage(lang, session.email, doc)) : send(res, 404, 'no such document', 'text/plain');
  }
  if (path === '/pay' && req.method === 'GET') return page(paymentPage(lang, session.email, PAYMENT_AMOUNT));

  if (path === '/api/documents' && req.method === 'GET') {
    await sleep(delays.documents ?? 0);
    return json(
      res,
      200,
      [...session.docs.values()].map(({ id, name, status, bytes }) => ({ id, name, status, bytes: bytes.length })),
    );
  }
  if (path === '/api/documents' && req.method === 'POST') {
    const bytes = await readBody(req, MAX_UPLOAD_BYTES + 1);
    await sleep(delays.upload ?? 0);
    const problem = pdfProblem(bytes);
    if (problem) return json(res, 422, { error: problem });
    const id = randomUUID().slice(0, 8);
    const name = decodeURIComponent(String(req.headers['x-filename'] ?? 'document.pdf')).slice(0, 200);
    session.docs.set(id, { id, name, bytes, status: 'pending', signature: null });
    return json(res, 201, { id });
  }
  const api = /^\/api\/documents\/([\w-]+)\/(file|sign|complete)$/.exec(path);
  if (api) {
    const doc = session.docs.get(api[1]);
    if (!doc) return json(res, 404, { error: 'no such document' });
    if (api[2] === 'file' && req.method === 'GET') {
      await sleep(delays.file ?? 0);
      return send(res, 200, doc.bytes, MIME['.pdf']);
    }
    if (api[2] === 'sign' && req.method === 'POST') {
      const body = await readJson(req);
      await sleep(delays.sign ?? 0);
      const problem = signatureProblem(body);
      if (problem) return json(res, 422, { error: problem });
      doc.signature = { points: body.strokes.flat().length, at: Date.now() };
      doc.status = 'signed';
      return json(res, 200, { ok: true, status: doc.status });
    }
    if (api[2] === 'complete' && req.method === 'POST') {
      await sleep(delays.complete ?? 0);
      if (!doc.signature) return json(res, 409, { error: 'document is not signed' });
      doc.status = 'completed';
      return json(res, 200, { ok: true, status: doc.status });
    }
  }
  if (path === '/api/payments' && req.method === 'POST') {
    const body = await readJson(req);
    await sleep(delays.payment ?? 0);
    const problem = paymentProblem(body);
    if (problem) return json(res, 402, { error: problem });
    return json(res, 200, { ok: true, receipt: `R-${randomUUID().slice(0, 6).toUpperCase()}`, amount: PAYMENT_AMOUNT });
  }
  return send(res, 404, 'not found', 'text/plain');
}

export function startServer(port = 0, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) json(res, e.status ?? 500, { error: e.status ? e.message : 'internal error' });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : (process.env.WESIGN_PORT ?? 0));
  const server = await startServer(port);
  console.log(`WeSign demo listening on http://127.0.0.1:${server.address().port}`);
}
