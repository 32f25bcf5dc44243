// Pure classification of a locator as Playwright prints it (`getByRole('button', { name: 'Sign' })`,
// `locator('#a').locator('xpath=//b')`, `locator('div > ul li:nth-child(2)')`): its kind and the
// fragility flags the locator report shows. Used in the worker (LocatorTiming.kind) and the analyzer.

/** A CSS selector with more compound parts than this is a "long chain" (structure-coupled). */
export const LONG_CSS_CHAIN_PARTS = 4;
/** More chained `.locator()`/`getBy…()` calls than this is a long chain too. */
export const LONG_LOCATOR_CHAIN = 3;

interface Segment {
  method: string;
  arg: string;
}

/** Splits `a(…).b(…)` at top-level dots, honouring quotes and brackets. */
export function splitLocatorChain(printed: string): Segment[] {
  const out: Segment[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  const push = (end: number) => {
    const part = printed.slice(start, end).trim();
    if (!part) return;
    const open = part.indexOf('(');
    out.push(
      open < 0
        ? { method: part, arg: '' }
        : { method: part.slice(0, open), arg: part.slice(open + 1, part.lastIndexOf(')')) },
    );
  };
  for (let i = 0; i < printed.length; i++) {
    const c = printed[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '.' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(printed.length);
  return out;
}

function firstStringArg(arg: string): string {
  const m = /^\s*(['"`])((?:\\.|(?!\1).)*)\1/.exec(arg);
  return m ? m[2] : arg.trim();
}

const GET_BY_KIND: Record<string, string> = {
  getByRole: 'role',
  getByTestId: 'testid',
  getByText: 'text',
  getByLabel: 'label',
  getByPlaceholder: 'placeholder',
  getByAltText: 'alt',
  getByTitle: 'title',
};

function rawSelectorKind(sel: string): string {
  const s = sel.trim();
  if (/^xpath=/.test(s) || s.startsWith('//') || s.startsWith('..') || s.startsWith('(//')) return 'xpath';
  if (/^text=/.test(s) || /^"/.test(s) || /:has-text\(|:text\(/.test(s)) return 'text';
  if (
    /^(data-testid|data-test-id|data-test)=/.test(s) ||
    /^internal:testid=/.test(s) ||
    /\[data-test(id|-id)?[=\]]/.test(s)
  )
    return 'testid';
  if (/^role=|^internal:role=/.test(s)) return 'role';
  if (/^id=|^#[\w-]+$/.test(s)) return 'id';
  return 'css';
}

/** Kind of the last locator segment: what finally picks the element. */
export function selectorKind(printed: string): string {
  const segs = splitLocatorChain(printed);
  for (let i = segs.length - 1; i >= 0; i--) {
    const { method, arg } = segs[i];
    if (GET_BY_KIND[method]) return GET_BY_KIND[method];
    if (method === 'locator' || method === 'frameLocator') return rawSelectorKind(firstStringArg(arg));
  }
  return segs.length ? 'other' : 'css';
}

function cssParts(css: string): number {
  // Compound selectors separated by descendant/child/sibling combinators, outside brackets/quotes.
  const flat = css.replace(/\([^)]*\)|\[[^\]]*\]|'[^']*'|"[^"]*"/g, 'x');
  return flat.split(/\s*[>+~]\s*|\s+/).filter(Boolean).length;
}

/** Text that reads as words (any script), not numbers/ids: it changes with the UI language. */
function isWordy(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

export function selectorFlags(printed: string): string[] {
  const flags = new Set<string>();
  const segs = splitLocatorChain(printed);
  let calls = 0;
  for (const { method, arg } of segs) {
    if (GET_BY_KIND[method] || method === 'locator') calls++;
    if (method === 'nth' || method === 'first' || method === 'last') flags.add('position-index');
    if (method === 'locator') {
      const raw = firstStringArg(arg);
      const kind = rawSelectorKind(raw);
      if (kind === 'xpath') flags.add('xpath');
      if (kind === 'css' && (cssParts(raw) > LONG_CSS_CHAIN_PARTS || /:nth-(child|of-type)/.test(raw)))
        flags.add('long-css-chain');
      if (kind === 'text' && isWordy(raw)) flags.add('language-dependent-text');
    }
    if (
      ['getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle'].includes(method) &&
      isWordy(firstStringArg(arg))
    )
      flags.add('language-dependent-text');
    if (method === 'getByRole') {
      const name = /name:\s*(['"`])((?:\\.|(?!\1).)*)\1/.exec(arg);
      if (name && isWordy(name[2])) flags.add('language-dependent-text');
    }
    if (method === 'filter' && /hasText:\s*['"`]/.test(arg)) flags.add('language-dependent-text');
  }
  if (calls > LONG_LOCATOR_CHAIN) flags.add('long-locator-chain');
  return [...flags].sort();
}
