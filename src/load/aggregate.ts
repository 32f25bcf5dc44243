// Combines windows into one aggregate (counts add, sketches merge): the whole test, the trusted
// windows only, or one load level of the scalability curve. Pure.
import type { DDSketch } from '@datadog/sketches-js';
import type { LoadErrorKind, LoadWindow, SerializedSketch } from '../types/load';
import { mergeSketches } from './sketch';

export interface Aggregate {
  sketches: Map<string, DDSketch>;
  iterations: number;
  failed: number;
  dropped: number;
  interrupted: number;
  flows: number;
  errors: Partial<Record<LoadErrorKind, number>>;
  /** Seconds covered by the windows (for rates per second). */
  seconds: number;
}

export function aggregate(
  windows: LoadWindow[],
  windowMs: number,
  relativeAccuracy: number,
  lastWindowMs?: number,
): Aggregate {
  const parts = new Map<string, SerializedSketch[]>();
  const a: Aggregate = {
    sketches: new Map(),
    iterations: 0,
    failed: 0,
    dropped: 0,
    interrupted: 0,
    flows: 0,
    errors: {},
    seconds: 0,
  };
  const last = Math.max(-1, ...windows.map((w) => w.index));
  for (const w of windows) {
    a.iterations += w.iterations;
    a.failed += w.failed;
    a.dropped += w.dropped;
    a.interrupted += w.interrupted;
    a.flows += w.flows;
    for (const [k, n] of Object.entries(w.errors))
      a.errors[k as LoadErrorKind] = (a.errors[k as LoadErrorKind] ?? 0) + (n ?? 0);
    for (const [k, s] of Object.entries(w.sketches)) {
      const list = parts.get(k) ?? [];
      list.push(s);
      parts.set(k, list);
    }
    // The last window of a run is usually partial.
    a.seconds += (w.index === last && lastWindowMs !== undefined ? lastWindowMs : windowMs) / 1000;
  }
  for (const [k, list] of parts) a.sketches.set(k, mergeSketches(list, relativeAccuracy));
  return a;
}
