// Hash routes (`#/view/arg…`): deep links that work from file:// and from a server alike. Every
// part is URI-encoded, so a test title in a route can never change the link's scheme.

/** A route as its parts (`['test', 12]` → `#/test/12`), or one part (`'tests'`). */
export type RouteParts = string | ReadonlyArray<string | number>;

export interface Route {
  /** First part: the view. */
  id: string;
  /** The rest, decoded. */
  arg: string[];
}

export function routeHref(parts: RouteParts): string {
  const list = typeof parts === 'string' ? [parts] : parts;
  return '#/' + list.map((p) => encodeURIComponent(String(p))).join('/');
}

/** Parses `#/a/b`; a part that does not decode becomes '' (a broken link shows the fallback). */
export function parseRoute(hash: string, fallback: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return '';
      }
    });
  return { id: parts[0] || fallback, arg: parts.slice(1) };
}

export function navigate(parts: RouteParts): void {
  location.hash = routeHref(parts);
}
