// Pure conversion of in-page snapshots (sent by page/perf-page.js) into the attachment's metric
// shapes, plus the `Missing` entries that explain what a document did not report and why.
import type {
  LongTaskSummary,
  Missing,
  NavigationMetric,
  Rating,
  RouteChangeMetric,
  UserTiming,
  VitalName,
  WebVitalMetric,
} from '../types';
import { round } from '../util/round';
import { routesFromSnapshot, type PageRouteSnapshot } from './route-snapshot';

export interface PageSnapshot {
  v: number;
  id: string;
  url: string;
  timeOrigin: number;
  /** True once the page was finalised (flush or pagehide). */
  final: boolean;
  nav: null | Omit<NavigationMetric, 'url' | 'startTime' | 'step' | 'resources'>;
  vitals: Partial<
    Record<VitalName, { name: VitalName; value: number; rating: Rating; time: number; attribution?: string }>
  >;
  longTasks: { count: number; totalMs: number; maxMs: number; tbtMs: number };
  measures: Array<{ name: string; startTime: number; durationMs: number }>;
  resources: NavigationMetric['resources'];
  errors: string[];
  /** Main-thread ms our in-page code used in this document. */
  selfMs?: number;
  /** Route changes in this document (only when the `routes` collector is on). */
  routes?: PageRouteSnapshot[];
}

/** A main-frame document the worker saw reach DOMContentLoaded, with or without a snapshot. */
export interface CommittedNavigation {
  url: string;
  time: number;
}

export interface PageFindings {
  navigations: NavigationMetric[];
  vitals: WebVitalMetric[];
  longTasks: LongTaskSummary[];
  userTimings: UserTiming[];
  routes: RouteChangeMetric[];
  missing: Missing[];
  errors: Array<{ where: string; message: string }>;
  /** Σ in-page self time over documents (ms). */
  pageSelfMs: number;
}

/** Vitals every real, painted document should report once finalised. INP needs an interaction,
 *  so its absence is not a gap. */
const EXPECTED_VITALS: VitalName[] = ['TTFB', 'FCP', 'LCP', 'CLS'];

export function parseSnapshot(json: string): PageSnapshot | null {
  try {
    const s = JSON.parse(json) as PageSnapshot;
    if (!s || typeof s !== 'object' || typeof s.id !== 'string' || typeof s.url !== 'string') return null;
    return s;
  } catch {
    return null;
  }
}

export interface SnapshotOptions {
  navigation: boolean;
  webVitals: boolean;
  longTasks: boolean;
  userTimings: boolean;
  routes?: boolean;
}

/** data: URLs carry whole documents; the head is enough to tell them apart in a report. */
const MAX_OPAQUE_URL = 60;

/** Strip query and fragment: they often carry tokens, and grouping wants the path. */
export function urlForReport(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.protocol === 'file:') return `file://${u.pathname}`;
    // Opaque origins (data:, blob:, about:) print as "null": keep the scheme and a short head.
    if (u.origin === 'null') return `${u.protocol}${u.pathname.slice(0, MAX_OPAQUE_URL)}`;
    return `${u.origin}${u.pathname}`;
  } catch {
    return raw.split(/[?#]/)[0];
  }
}

export function isMeasurableUrl(raw: string): boolean {
  return /^(https?|file):/i.test(raw);
}

/**
 * @param snapshots latest snapshot per document id, in first-seen order
 * @param committed main-frame documents that reached DOMContentLoaded, seen from the worker (to spot documents where the
 *        in-page collector never ran: JavaScript disabled, script blocked, crashed early)
 * @param closedByTest ids of documents whose page the test closed itself (before our flush)
 */
export function snapshotsToFindings(
  snapshots: PageSnapshot[],
  committed: CommittedNavigation[],
  options: SnapshotOptions,
  closedByTest: ReadonlySet<string> = new Set(),
): PageFindings {
  const closedEarly = 'page closed or navigated away before the final flush';
  const out: PageFindings = {
    navigations: [],
    vitals: [],
    longTasks: [],
    userTimings: [],
    routes: [],
    missing: [],
    errors: [],
    pageSelfMs: 0,
  };
  for (const s of snapshots) {
    const url = s.url;
    out.pageSelfMs += typeof s.selfMs === 'number' ? s.selfMs : 0;
    const gone = closedByTest.has(s.id) ? 'page was closed by the test before it was reported' : null;
    for (const e of s.errors ?? []) out.errors.push({ where: 'collector.page', message: `${url}: ${e}` });
    if (options.navigation) {
      if (s.nav) {
        out.navigations.push({
          url,
          type: s.nav.type,
          startTime: round(s.timeOrigin, 2),
          redirectMs: round(s.nav.redirectMs, 2),
          dnsMs: round(s.nav.dnsMs, 2),
          connectMs: round(s.nav.connectMs, 2),
          tlsMs: round(s.nav.tlsMs, 2),
          ttfbMs: round(s.nav.ttfbMs, 2),
          responseMs: round(s.nav.responseMs, 2),
          domInteractiveMs: round(s.nav.domInteractiveMs, 2),
          domContentLoadedMs: round(s.nav.domContentLoadedMs, 2),
          loadMs: round(s.nav.loadMs, 2),
          durationMs: round(s.nav.durationMs, 2),
          transferBytes: s.nav.transferBytes,
          encodedBodyBytes: s.nav.encodedBodyBytes,
          decodedBodyBytes: s.nav.decodedBodyBytes,
          resources: {
            count: s.resources.count,
            transferBytes: s.resources.transferBytes,
            byType: Object.fromEntries(
              Object.entries(s.resources.byType).map(([k, v]) => [
                k,
                { count: v.count, transferBytes: v.transferBytes, durationMs: round(v.durationMs, 2) },
              ]),
            ),
          },
          ...(s.nav.httpStatus ? { httpStatus: s.nav.httpStatus } : {}),
        });
      } else {
        out.missing.push({
          metric: 'navigation',
          reason:
            gone ??
            (s.final
              ? 'no navigation entry (document not loaded over HTTP?)'
              : `${closedEarly} (load event not reached)`),
          url,
        });
      }
    }
    if (options.webVitals) {
      for (const v of Object.values(s.vitals)) {
        if (!v) continue;
        out.vitals.push({
          name: v.name,
          value: v.name === 'CLS' ? round(v.value, 5) : round(v.value, 2),
          rating: v.rating,
          url,
          time: round(v.time, 2),
          ...(v.attribution ? { attribution: v.attribution } : {}),
        });
      }
      for (const name of EXPECTED_VITALS) {
        if (s.vitals[name]) continue;
        out.missing.push({
          metric: name,
          reason:
            gone ??
            (s.final
              ? 'not reported by web-vitals (nothing painted, page scripts disabled or blocked, or the page hid first)'
              : closedEarly),
          url,
        });
      }
    }
    if (options.longTasks) {
      out.longTasks.push({
        url,
        count: s.longTasks.count,
        totalMs: round(s.longTasks.totalMs, 2),
        maxMs: round(s.longTasks.maxMs, 2),
        totalBlockingTimeMs: round(s.longTasks.tbtMs, 2),
      });
    }
    if (options.routes) out.routes.push(...routesFromSnapshot(s.routes));
    if (options.userTimings) {
      for (const m of s.measures) {
        out.userTimings.push({
          name: m.name,
          type: 'measure',
          source: 'page',
          startTime: round(m.startTime, 2),
          durationMs: round(m.durationMs, 2),
          url,
        });
      }
    }
  }
  // Committed navigations without any snapshot: the in-page collector never ran.
  const wanted = options.navigation || options.webVitals || options.longTasks || options.userTimings || options.routes;
  if (wanted) {
    const seen = snapshots.map((s) => ({ url: s.url, t: s.timeOrigin }));
    for (const c of committed) {
      if (!isMeasurableUrl(c.url)) continue;
      const url = urlForReport(c.url);
      // A snapshot of the same URL whose document started before this commit (+ slack) covers it.
      const i = seen.findIndex((s) => s.url === url && s.t <= c.time + 50);
      if (i >= 0) {
        seen.splice(i, 1);
        continue;
      }
      out.missing.push({
        metric: 'page',
        reason:
          'in-page collector did not run (JavaScript disabled, script blocked, or the document died before it started)',
        url,
      });
    }
  }
  out.pageSelfMs = round(out.pageSelfMs, 2);
  return out;
}
