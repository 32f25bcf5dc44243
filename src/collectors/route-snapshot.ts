// Pure conversion of the in-page route records (page/perf-routes.js) into RouteChangeMetric: values
// rounded, the in-page long-task field names mapped, anything malformed dropped (the page may have
// replaced JSON or Array; a bad record must not cost the test its other metrics).
import type { RouteChangeMetric } from '../types';

/** A route record as the page sends it (perf-routes.js `pub` objects). */
export interface PageRouteSnapshot extends Omit<RouteChangeMetric, 'longTasks' | 'endReason' | 'step'> {
  endReason: RouteChangeMetric['endReason'] | null;
  longTasks: { count: number; totalMs: number; maxMs: number; tbtMs: number };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const TRIGGERS = new Set(['push', 'replace', 'traverse', 'hash']);

export function routesFromSnapshot(list: unknown): RouteChangeMetric[] {
  if (!Array.isArray(list)) return [];
  const out: RouteChangeMetric[] = [];
  for (const r of list as PageRouteSnapshot[]) {
    if (!r || typeof r.route !== 'string' || !Number.isFinite(r.startTime) || !TRIGGERS.has(r.trigger)) continue;
    // Still settling when the snapshot was taken (only the final snapshot closes every route).
    if (!r.endReason) continue;
    const lt = r.longTasks ?? { count: 0, totalMs: 0, maxMs: 0, tbtMs: 0 };
    out.push({
      route: r.route,
      from: String(r.from ?? ''),
      url: r.url,
      trigger: r.trigger,
      cause: r.cause === 'input' ? 'input' : 'call',
      ...(r.inputType ? { inputType: r.inputType } : {}),
      startTime: round(r.startTime),
      durationMs: round(r.durationMs),
      complete: r.complete === true,
      endReason: r.endReason,
      ...(typeof r.firstPaintMs === 'number' ? { firstPaintMs: round(r.firstPaintMs) } : {}),
      ...(typeof r.largestPaintMs === 'number' ? { largestPaintMs: round(r.largestPaintMs) } : {}),
      cls: round(r.cls, 5),
      layoutShifts: r.layoutShifts,
      longTasks: {
        count: lt.count,
        totalMs: round(lt.totalMs),
        maxMs: round(lt.maxMs),
        totalBlockingTimeMs: round(lt.tbtMs),
      },
      ...(typeof r.inpMs === 'number' ? { inpMs: round(r.inpMs) } : {}),
      interactions: r.interactions,
      sources: r.sources,
    });
  }
  return out;
}
