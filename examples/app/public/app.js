// Demo app client (no framework). One module for every page; `data-page` on <body> picks the part
// that runs. Texts come from window.__WESIGN__ (first paint) and /api/i18n/<lang> (switch).
const boot = window.__WESIGN__;
let lang = boot.lang;
let texts = boot.texts;
const t = (key) => texts[key] ?? key;
const $ = (sel) => document.querySelector(sel);

async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const isJson = body !== undefined && !(body instanceof ArrayBuffer);
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: isJson ? { 'content-type': 'application/json', ...headers } : headers,
    body: isJson ? JSON.stringify(body) : body,
  });
  let data = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  return { ok: res.ok, status: res.status, data };
}

/** Shows a translatable status text; the key stays on the element so a language switch updates it. */
function setText(el, key, cls, extra = '') {
  el.dataset.i18n = key;
  el.dataset.extra = extra;
  el.textContent = t(key) + extra;
  el.className = cls ?? '';
  el.hidden = false;
}

// ---- language switch (in place, no reload) --------------------------------------------------
async function switchLanguage() {
  const next = lang === 'he' ? 'en' : 'he';
  const res = await api(`/api/i18n/${next}`);
  if (!res.ok) return;
  lang = next;
  texts = res.data.texts;
  const html = document.documentElement;
  html.lang = next;
  html.dir = next === 'he' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]'))
    el.textContent = t(el.dataset.i18n) + (el.dataset.extra ?? '');
  document.title = `${t(document.body.dataset.page === 'login' ? 'loginTitle' : 'appName')} · ${t('appName')}`;
}
$('#lang-toggle').addEventListener('click', () => {
  switchLanguage();
});

// ---- login ----------------------------------------------------------------------------------
function loginPage() {
  $('#login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('#login-submit').disabled = true;
    const res = await api('/api/login', {
      method: 'POST',
      body: { email: $('#email').value, password: $('#password').value },
    });
    if (res.ok) {
      location.assign('/documents');
      return;
    }
    $('#login-submit').disabled = false;
    setText($('#login-error'), 'loginError', 'error');
  });
}

// ---- documents ------------------------------------------------------------------------------
const STATUS_KEY = { pending: 'statusPending', signed: 'statusSigned', completed: 'statusCompleted' };

async function documentsPage() {
  const list = $('#document-list');
  const res = await api('/api/documents');
  list.replaceChildren();
  for (const doc of res.data ?? []) {
    const li = document.createElement('li');
    li.className = 'document';
    const a = document.createElement('a');
    a.href = `/documents/${encodeURIComponent(doc.id)}`;
    a.dir = 'auto';
    a.textContent = doc.name;
    const status = document.createElement('span');
    setText(status, STATUS_KEY[doc.status] ?? 'statusPending', 'status');
    li.append(a, status);
    list.append(li);
  }
  list.setAttribute('aria-busy', 'false');

  $('#upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('#upload-input').files[0];
    if (!file) return;
    $('#upload-submit').disabled = true;
    const up = await api('/api/documents', {
      method: 'POST',
      body: await file.arrayBuffer(),
      headers: { 'content-type': 'application/pdf', 'x-filename': encodeURIComponent(file.name) },
    });
    if (up.ok) {
      location.assign(`/documents/${encodeURIComponent(up.data.id)}`);
      return;
    }
    $('#upload-submit').disabled = false;
    setText($('#upload-error'), 'uploadError', 'error', ` (${up.data?.error ?? up.status})`);
  });
}

// ---- document viewer + signature --------------------------------------------------------------
const PDF_SCALE = 0.8;

async function renderPdf(viewer) {
  const pdfjs = await import('/vendor/pdfjs/build/pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.min.mjs';
  const pdf = await pdfjs.getDocument({
    url: `/api/documents/${encodeURIComponent(viewer.dataset.docId)}/file`,
    standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
  }).promise;
  viewer.dataset.pages = String(pdf.numPages);
  const status = $('#pages-status');
  let done = 0;
  // Page by page, in order: each canvas is marked once its pixels are drawn.
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: PDF_SCALE });
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-page';
    canvas.dataset.page = String(n);
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    viewer.append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    canvas.dataset.rendered = 'true';
    done++;
    $('#pages-count').textContent = `${done}/${pdf.numPages}`;
    status.hidden = false;
  }
  viewer.dataset.rendered = String(done);
}

function signaturePad(canvas) {
  const ctx = canvas.getContext('2d');
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#1a237e';
  let strokes = [];
  let current = null;
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return [
      Math.round((e.clientX - r.left) * (canvas.width / r.width)),
      Math.round((e.clientY - r.top) * (canvas.height / r.height)),
    ];
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture?.(e.pointerId);
    current = [point(e)];
    strokes.push(current);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!current) return;
    const p = point(e);
    const last = current[current.length - 1];
    ctx.beginPath();
    ctx.moveTo(last[0], last[1]);
    ctx.lineTo(p[0], p[1]);
    ctx.stroke();
    current.push(p);
  });
  const end = () => {
    current = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  return {
    get strokes() {
      return strokes;
    },
    clear() {
      strokes = [];
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}

function documentPage() {
  const viewer = $('#viewer');
  const id = viewer.dataset.docId;
  renderPdf(viewer).catch((e) => {
    viewer.dataset.error = String(e?.message ?? e);
  });
  const canvas = $('#signature-pad');
  const pad = signaturePad(canvas);
  $('#signature-clear').addEventListener('click', () => pad.clear());
  $('#signature-submit').addEventListener('click', async () => {
    const res = await api(`/api/documents/${encodeURIComponent(id)}/sign`, {
      method: 'POST',
      body: { strokes: pad.strokes, width: canvas.width, height: canvas.height, image: canvas.toDataURL('image/png') },
    });
    if (res.ok) {
      setText($('#signature-status'), 'signatureValidated', 'ok');
      $('#complete').disabled = false;
    } else {
      setText($('#signature-status'), 'signatureRejected', 'error', ` (${res.data?.error ?? res.status})`);
    }
  });
  $('#complete').addEventListener('click', async () => {
    const res = await api(`/api/documents/${encodeURIComponent(id)}/complete`, { method: 'POST', body: {} });
    if (res.ok) {
      setText($('#complete-status'), 'completed', 'ok');
      $('#to-payment').hidden = false;
    } else {
      $('#complete-status').textContent = res.data?.error ?? String(res.status);
    }
  });
}

// ---- payment --------------------------------------------------------------------------------
function paymentPage() {
  $('#payment-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('#pay-submit').disabled = true;
    const res = await api('/api/payments', {
      method: 'POST',
      body: { cardNumber: $('#card-number').value, expiry: $('#expiry').value, cvc: $('#cvc').value },
    });
    $('#pay-submit').disabled = false;
    if (res.ok) setText($('#payment-status'), 'paymentApproved', 'ok', ` · ${res.data.receipt}`);
    else setText($('#payment-status'), 'paymentDeclined', 'error', ` (${res.data?.error ?? res.status})`);
  });
}

({ login: loginPage, documents: documentsPage, document: documentPage, payment: paymentPage })[
  document.body.dataset.page
]?.();
