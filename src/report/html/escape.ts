// Everything from tests is untrusted. Text goes through escapeHtml; data embedded in a <script>
// goes through safeJsonForScript (no `<`, U+2028 or U+2029 can end the script or break parsing).

export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function safeJsonForScript(value: unknown): string {
  return safeJsonText(JSON.stringify(value));
}

/** The same escaping for JSON text already serialised (so a big value is stringified once). */
export function safeJsonText(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
