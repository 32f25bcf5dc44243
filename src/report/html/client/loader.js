// @ts-check
// Reads the embedded view model. Small reports embed plain JSON; big ones embed gzip + base64 (a
// 10,000-test model shrinks ~8×), inflated with the browser's DecompressionStream — no network,
// no eval, nothing CSP has to allow. Then calls `start(vm)`, which holds every other client file.

/** @param {(vm: any) => void} start */
function loadViewModel(start) {
  const el = /** @type {HTMLElement} */ (document.getElementById('pp-data'));
  const fail = (/** @type {any} */ e) => {
    const app = document.getElementById('app');
    if (app) app.textContent = 'The report data could not be read (' + String(e && e.message || e) + '). The same data is in report.json next to this file.';
  };
  try {
    if (el.getAttribute('data-encoding') !== 'gzip-base64') { start(JSON.parse(el.textContent || '{}')); return; }
    const bin = atob(JSON.parse(el.textContent || '""'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    new Response(stream).text().then((text) => start(JSON.parse(text))).catch(fail);
  } catch (e) { fail(e); }
}
