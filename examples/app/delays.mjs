// Server-side delays, so tests and the demo can make flows slower on purpose (known truths for
// accuracy tests). Sources, strongest first:
//   1. request header  `x-wesign-delays: font=300,i18n=200`   (per browser context: extraHTTPHeaders)
//   2. cookie          `wesign-delays=font=300,i18n=200`      (set by visiting any page with ?delays=…)
//   3. admin endpoint  `POST /__admin/delays {"font":300}`     (whole server; GET shows, DELETE resets)
//   4. environment     `WESIGN_DELAY_FONT=300`                 (whole server, at start)
// The same syntax carries `font=missing`, which makes the web font answer 404 (fallback-font demo).
export const DELAY_NAMES = [
  'page',
  'login',
  'documents',
  'upload',
  'file',
  'sign',
  'complete',
  'payment',
  'i18n',
  'font',
];
const MAX_DELAY_MS = 30_000;

export function fromEnv(env = process.env) {
  const out = {};
  for (const name of DELAY_NAMES) {
    const v = env[`WESIGN_DELAY_${name.toUpperCase()}`];
    if (v !== undefined && v !== '') out[name] = checkedMs(name, v);
  }
  if (env.WESIGN_FONT === 'missing') out.fontMissing = true;
  return out;
}

/** Parses `font=300,i18n=200,font=missing`. Throws on unknown names or bad numbers. */
export function parseDelays(text) {
  const out = {};
  for (const part of String(text)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name === 'font' && value === 'missing') {
      out.fontMissing = true;
      continue;
    }
    if (!DELAY_NAMES.includes(name)) throw new Error(`unknown delay "${name}" (known: ${DELAY_NAMES.join(', ')})`);
    out[name] = checkedMs(name, value);
  }
  return out;
}

/** Validates an admin JSON body ({ font: 300, fontMissing: true }). */
export function checkDelayObject(obj) {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('expected a JSON object of delays');
  const out = {};
  for (const [name, value] of Object.entries(obj)) {
    if (name === 'fontMissing') {
      out.fontMissing = value === true;
      continue;
    }
    if (!DELAY_NAMES.includes(name))
      throw new Error(`unknown delay "${name}" (known: ${DELAY_NAMES.join(', ')}, fontMissing)`);
    out[name] = checkedMs(name, value);
  }
  return out;
}

function checkedMs(name, value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > MAX_DELAY_MS)
    throw new Error(`delay "${name}" must be 0…${MAX_DELAY_MS} ms, got "${value}"`);
  return n;
}

/** The delays in force for one request. */
export function delaysFor(req, cookies, serverDelays) {
  const merged = { ...serverDelays };
  try {
    if (cookies['wesign-delays']) Object.assign(merged, parseDelays(decodeURIComponent(cookies['wesign-delays'])));
  } catch {
    /* bad cookie: ignore */
  }
  const header = req.headers['x-wesign-delays'];
  if (typeof header === 'string') Object.assign(merged, parseDelays(header));
  return merged;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
