// Reads data embedded in the page as <script type="application/json" id=…> blocks. Small blocks
// are plain JSON; big ones gzip + base64 (a 10,000-test model shrinks ~8×), inflated with the
// browser's DecompressionStream: no network, no eval, nothing a CSP has to allow.

/** The parsed block, or null when the page has no such block. */
export async function readDataBlock(id: string): Promise<unknown> {
  const el = document.getElementById(id);
  if (!el) return null;
  if (el.getAttribute('data-encoding') !== 'gzip-base64') return JSON.parse(el.textContent || 'null') as unknown;
  const bin = atob(JSON.parse(el.textContent || '""') as string);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as unknown;
}
