// @ts-check
// Reads the embedded data blocks. Small blocks are plain JSON; big ones gzip + base64 (a
// 10,000-test model shrinks ~8×), inflated with the browser's DecompressionStream — no network,
// no eval, nothing CSP has to allow. The view model (`pp-data`) is read first and `start(vm)` runs
// every other client file; the test details (`pp-details`, most of the bytes) are read right after
// the first view is on screen, so a big report is usable before they are parsed.

/** @param {string} id @returns {Promise<any>} */
function readBlock(id) {
  const el = document.getElementById(id);
  if (!el) return Promise.resolve(null);
  if (el.getAttribute('data-encoding') !== 'gzip-base64') return Promise.resolve().then(() => JSON.parse(el.textContent || 'null'));
  const bin = atob(JSON.parse(el.textContent || '""'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then((text) => JSON.parse(text));
}

/** @param {any} e */
function failed(e) {
  const app = document.getElementById('app');
  if (app) app.textContent = 'The report data could not be read (' + String(e && e.message || e) + '). The same data is in report.json next to this file.';
}

/** @param {(vm: any) => void} start */
function loadViewModel(start) {
  try {
    readBlock('pp-data').then((vm) => { performance.mark('playwright-perf:data'); start(vm); }).catch(failed);
  } catch (e) { failed(e); }
}
