// Server-rendered HTML of the demo app. Every text node comes from i18n.mjs and carries a
// data-i18n key, so the in-page language switch can replace it without a reload.
import { LANGS, TEXTS } from './i18n.mjs';

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function layout({ lang, page, title, user, main }) {
  const t = TEXTS[lang];
  const boot = JSON.stringify({ lang, texts: t, page }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang}" dir="${LANGS[lang].dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="WeSign-style bilingual e-signature demo app for playwright-perf">
<title>${esc(t[title])} · ${esc(t.appName)}</title>
<link rel="stylesheet" href="/static/styles.css">
<script>window.__WESIGN__ = ${boot};</script>
<script type="module" src="/static/app.js"></script>
</head>
<body data-page="${page}">
<header class="top">
  <a class="brand" href="/documents" data-i18n="appName">${esc(t.appName)}</a>
  <nav>
    ${user ? `<span class="user" dir="ltr">${esc(user)}</span>` : ''}
    <button id="lang-toggle" type="button" dir="auto" data-i18n="switchTo">${esc(t.switchTo)}</button>
    ${user ? `<a id="logout" href="/logout" data-i18n="logout">${esc(t.logout)}</a>` : ''}
  </nav>
</header>
<main>
${main(t)}
</main>
</body>
</html>`;
}

export const loginPage = (lang) =>
  layout({
    lang,
    page: 'login',
    title: 'loginTitle',
    main: (t) => `
  <p id="welcome" class="welcome" data-i18n="welcome">${esc(t.welcome)}</p>
  <form id="login-form" class="card" novalidate>
    <h1 data-i18n="loginTitle">${esc(t.loginTitle)}</h1>
    <label><span data-i18n="email">${esc(t.email)}</span><input id="email" name="email" type="email" dir="ltr" autocomplete="username" required></label>
    <label><span data-i18n="password">${esc(t.password)}</span><input id="password" name="password" type="password" dir="ltr" autocomplete="current-password" required></label>
    <button id="login-submit" type="submit" data-i18n="loginButton">${esc(t.loginButton)}</button>
    <p id="login-error" class="error" role="alert" hidden data-i18n="loginError">${esc(t.loginError)}</p>
  </form>`,
  });

export const documentsPage = (lang, user) =>
  layout({
    lang,
    page: 'documents',
    title: 'documentsTitle',
    user,
    main: (t) => `
  <h1 id="documents-title" data-i18n="documentsTitle">${esc(t.documentsTitle)}</h1>
  <ul id="document-list" class="documents" aria-busy="true"><li class="loading" data-i18n="documentsLoading">${esc(t.documentsLoading)}</li></ul>
  <form id="upload-form" class="card">
    <label><span data-i18n="uploadLabel">${esc(t.uploadLabel)}</span><input id="upload-input" type="file" accept="application/pdf"></label>
    <button id="upload-submit" type="submit" data-i18n="uploadButton">${esc(t.uploadButton)}</button>
    <p id="upload-error" class="error" role="alert" hidden></p>
  </form>`,
  });

export const documentPage = (lang, user, doc) =>
  layout({
    lang,
    page: 'document',
    title: 'viewerTitle',
    user,
    main: (t) => `
  <h1 data-i18n="viewerTitle">${esc(t.viewerTitle)}</h1>
  <p class="doc-name" dir="auto">${esc(doc.name)}</p>
  <p id="pages-status" aria-live="polite" hidden><span id="pages-count" dir="ltr"></span> <span data-i18n="pagesRendered">${esc(t.pagesRendered)}</span></p>
  <div id="viewer" class="viewer" data-doc-id="${esc(doc.id)}"></div>
  <section class="card sign">
    <h2 data-i18n="signHere">${esc(t.signHere)}</h2>
    <canvas id="signature-pad" width="400" height="150"></canvas>
    <div class="row">
      <button id="signature-clear" type="button" data-i18n="clear">${esc(t.clear)}</button>
      <button id="signature-submit" type="button" data-i18n="signButton">${esc(t.signButton)}</button>
    </div>
    <p id="signature-status" role="status"></p>
    <button id="complete" type="button" disabled data-i18n="completeButton">${esc(t.completeButton)}</button>
    <p id="complete-status" role="status"></p>
    <a id="to-payment" href="/pay?doc=${encodeURIComponent(doc.id)}" hidden data-i18n="goToPayment">${esc(t.goToPayment)}</a>
  </section>`,
  });

export const paymentPage = (lang, user, amount) =>
  layout({
    lang,
    page: 'payment',
    title: 'paymentTitle',
    user,
    main: (t) => `
  <form id="payment-form" class="card" novalidate>
    <h1 data-i18n="paymentTitle">${esc(t.paymentTitle)}</h1>
    <p class="amount" dir="ltr">₪${esc(amount)}</p>
    <label><span data-i18n="cardNumber">${esc(t.cardNumber)}</span><input id="card-number" inputmode="numeric" dir="ltr" autocomplete="cc-number"></label>
    <label><span data-i18n="expiry">${esc(t.expiry)}</span><input id="expiry" dir="ltr" autocomplete="cc-exp" placeholder="MM/YY"></label>
    <label><span data-i18n="cvc">${esc(t.cvc)}</span><input id="cvc" inputmode="numeric" dir="ltr" autocomplete="cc-csc"></label>
    <button id="pay-submit" type="submit" data-i18n="payButton">${esc(t.payButton)}</button>
    <p id="payment-status" role="status"></p>
  </form>`,
  });
