// A small router: `/api/v1/runs/:runId` style patterns, exact segment matching, path parameters
// percent-decoded. Answers "which route", "no such path" (404) or "path exists, wrong method" (405).
import { badRequest } from './api-error';

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

export type MatchResult<R> =
  | { kind: 'match'; match: RouteMatch<R> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

interface Compiled<R> {
  method: string;
  segments: string[];
  route: R;
}

export class Router<R> {
  private readonly routes: Array<Compiled<R>> = [];

  add(method: string, pattern: string, route: R): void {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), route });
  }

  match(method: string, pathname: string): MatchResult<R> {
    const parts = pathname.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.method === method || (method === 'HEAD' && r.method === 'GET'))
        return { kind: 'match', match: { route: r.route, params } };
      allowed.push(r.method);
    }
    return allowed.length ? { kind: 'method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(':')) {
      const name = p.slice(1);
      try {
        params[name] = decodeURIComponent(parts[i]);
      } catch {
        throw badRequest(name, `path segment "${name}" is not valid percent-encoding`);
      }
    } else if (p !== parts[i]) {
      return undefined;
    }
  }
  return params;
}
