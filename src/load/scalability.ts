// Scalability analysis from the windows of a run (a ramp gives many load levels): windows are
// grouped by their average concurrent VUs, each level's samples merged, giving p50/p95 vs VUs;
// the knee is the level farthest from the chord between the lowest and highest level (normalised
// curve, "Kneedle"); the highest load meeting the thresholds is the level just below the first one
// where a latency or error-rate threshold fails. Pure.
import type { LoadWindow, ScalabilityAnalysis, ScalabilityPoint } from '../types/load';
import { aggregate } from './aggregate';
import type { ResolvedThreshold } from './resolved';
import { quantile } from './sketch';
import { evaluateThreshold } from './thresholds';

/** A rise smaller than this (relative to the lowest level's p95) is noise, not a knee. */
const MIN_KNEE_RISE = 0.2;

function levelThresholds(list: ResolvedThreshold[]): ResolvedThreshold[] {
  // Counts and per-second rates depend on how long a level lasted; only latency and error rate
  // describe the level itself.
  return list.filter(
    (t) =>
      t.aggregation.kind !== 'count' &&
      !(t.aggregation.kind === 'rate' && !(t.metric === 'errors' || t.metric.startsWith('errors.'))) &&
      !['iterations', 'flows', 'dropped_iterations'].includes(t.metric),
  );
}

export function findKnee(points: Array<{ x: number; y: number }>): number | undefined {
  if (points.length < 3) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  if (!(last.y > first.y * (1 + MIN_KNEE_RISE)) || last.x === first.x) return undefined;
  const nx = (x: number) => (x - first.x) / (last.x - first.x);
  const ny = (y: number) => (y - first.y) / (last.y - first.y);
  let best: number | undefined;
  let bestDistance = 0;
  for (const p of points.slice(1, -1)) {
    // Convex (latency) curve: the knee lies below the chord y = x.
    const d = nx(p.x) - ny(p.y);
    if (d > bestDistance) {
      bestDistance = d;
      best = p.x;
    }
  }
  return best;
}

export function analyseScalability(
  windows: LoadWindow[],
  windowMs: number,
  relativeAccuracy: number,
  metric: string,
  thresholds: ResolvedThreshold[],
): ScalabilityAnalysis {
  const byLevel = new Map<number, LoadWindow[]>();
  for (const w of windows) {
    const level = Math.round(w.activeVUs);
    if (level <= 0 || !w.sketches[metric]) continue;
    byLevel.set(level, [...(byLevel.get(level) ?? []), w]);
  }
  const slo = levelThresholds(thresholds);
  const points: ScalabilityPoint[] = [...byLevel.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([vus, ws]) => {
      const a = aggregate(ws, windowMs, relativeAccuracy);
      const s = a.sketches.get(metric);
      const r = (n: number) => Math.round(n * 100) / 100;
      return {
        vus,
        samples: s?.count ?? 0,
        p50: s ? r(quantile(s, 0.5)) : 0,
        p95: s ? r(quantile(s, 0.95)) : 0,
        throughput: r(a.iterations / a.seconds),
        errorRate: a.iterations ? r(a.failed / a.iterations) : 0,
        meetsThresholds: slo.every(
          (t) => evaluateThreshold(t, a).ok || (!a.sketches.has(t.metric) && !t.metric.startsWith('errors')),
        ),
      };
    });
  const firstFail = points.findIndex((p) => !p.meetsThresholds);
  const passing = firstFail === -1 ? points : points.slice(0, firstFail);
  const knee = findKnee(points.map((p) => ({ x: p.vus, y: p.p95 })));
  return {
    metric,
    points,
    ...(knee !== undefined ? { kneeVUs: knee } : {}),
    ...(passing.length ? { maxVUsMeetingThresholds: passing[passing.length - 1].vus } : {}),
  };
}
