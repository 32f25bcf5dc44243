// Pure: gives steps of Playwright < 1.63 the shape 1.63+ reports, so one run record shape serves
// every supported version and action kinds stay comparable across a Playwright upgrade.
// Before 1.63 a step had no `params`; what 1.63+ puts there was spliced into the title:
//   'Navigate to "/login?next=1"'       → 'Navigate'  { url: '/login?next=1' }  (path + query only)
//   'GET "/api/items"'                   → 'GET'       { url: '/api/items' }
//   "Click getByRole('button')"          → 'Click'     { locator: "getByRole('button')" }
//   'Fill "x" locator(\'#i\')'           → 'Fill "x"'  { locator: "locator('#i')" }
//   'Expect "toHaveText" locator(\'h1\')' (1.57–1.62) → 'Expect "toHaveText"' { locator: … }
// Titles that match none of these (custom `test.step` titles, other categories) are left alone.

export interface NormalizedStep {
  title: string;
  params?: Record<string, string>;
}

const CATEGORIES = new Set(['pw:api', 'expect']);
const NAVIGATE = /^Navigate to "(.*)"$/s;
/** APIRequestContext calls: '{method} "{url}"' before 1.63, '{method}' since. */
const REQUEST = /^([A-Z]+) "(.*)"$/s;
/** How Playwright starts a locator description (`asLocator` in JavaScript syntax). */
const LOCATOR_START = / (?:locator|getBy[A-Z][A-Za-z]*|frameLocator|internal:[a-z-]+)\(/g;

/** Where the locator description starts: the first candidate outside the quoted value. */
function locatorStart(title: string): number {
  for (const m of title.matchAll(LOCATOR_START)) {
    const quotes = title.slice(0, m.index).split('"').length - 1;
    if (m.index > 0 && quotes % 2 === 0) return m.index;
  }
  return -1;
}

/** 1.63+ shape for a step that came without params; null when there is nothing to convert. */
export function normalizeLegacyStep(category: string, title: string): NormalizedStep | null {
  if (!CATEGORIES.has(category)) return null;
  if (category === 'pw:api') {
    const nav = NAVIGATE.exec(title);
    if (nav) return { title: 'Navigate', params: { url: nav[1] } };
    const req = REQUEST.exec(title);
    if (req) return { title: req[1], params: { url: req[2] } };
  }
  const at = locatorStart(title);
  if (at > 0) return { title: title.slice(0, at), params: { locator: title.slice(at + 1) } };
  return null;
}
