// DDSketch helpers: quantiles with a bounded relative error (default 1 %) that merge exactly
// (bucket counts add), so windows, worker processes and segments combine without loss.
// Stored as protobuf (base64) plus sum/min/max, which the protobuf form does not keep.
import { DDSketch } from '@datadog/sketches-js';
import type { MetricSummary, SerializedSketch } from '../types/load';

export function newSketch(relativeAccuracy: number): DDSketch {
  return new DDSketch({ relativeAccuracy });
}

export function serializeSketch(s: DDSketch): SerializedSketch {
  return { proto: Buffer.from(s.toProto()).toString('base64'), count: s.count, sum: s.sum, min: s.min, max: s.max };
}

export function deserializeSketch(s: SerializedSketch): DDSketch {
  const sketch = DDSketch.fromProto(Buffer.from(s.proto, 'base64'));
  sketch.count = s.count;
  sketch.sum = s.sum;
  sketch.min = s.min;
  sketch.max = s.max;
  return sketch;
}

/** Merges serialized sketches into one (a new sketch; inputs are untouched). */
export function mergeSketches(parts: SerializedSketch[], relativeAccuracy: number): DDSketch {
  const out = newSketch(relativeAccuracy);
  for (const p of parts) {
    if (p.count === 0) continue;
    const s = deserializeSketch(p);
    out.merge(s);
    // merge() adds counts/sum and keeps min/max only when both sides know them.
  }
  out.min = Math.min(Infinity, ...parts.filter((p) => p.count).map((p) => p.min));
  out.max = Math.max(-Infinity, ...parts.filter((p) => p.count).map((p) => p.max));
  out.sum = parts.reduce((sum, p) => sum + p.sum, 0);
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Quantile summary; percentiles are the sketch's (within its relative accuracy), min/max exact. */
export function summarizeSketch(s: DDSketch): MetricSummary {
  if (s.count === 0) return { count: 0, min: 0, max: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0 };
  const q = (x: number) => round(Math.min(s.max, Math.max(s.min, s.getValueAtQuantile(x))));
  return {
    count: s.count,
    min: round(s.min),
    max: round(s.max),
    mean: round(s.sum / s.count),
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    p99: q(0.99),
  };
}

export function quantile(s: DDSketch, q: number): number {
  if (s.count === 0) return NaN;
  return Math.min(s.max, Math.max(s.min, s.getValueAtQuantile(q)));
}
