// k6-style threshold expressions: '<aggregation> <operator> <number>'. Aggregations: p50/p(95)/
// p99.9 (percentiles), avg, med, min, max, count, rate. Parsed once at validation, so a typo is
// reported before any browser starts.

export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type ThresholdAggregation =
  | { kind: 'percentile'; q: number }
  | { kind: 'avg' | 'min' | 'max' | 'count' | 'rate' };

export interface ParsedThreshold {
  source: string;
  aggregation: ThresholdAggregation;
  operator: ThresholdOperator;
  value: number;
}

const PATTERN =
  /^\s*(p\(\s*\d+(?:\.\d+)?\s*\)|p\d+(?:\.\d+)?|avg|med|min|max|count|rate)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Parsed threshold, or an error message saying what is wrong. */
export function parseThreshold(source: string): ParsedThreshold | string {
  if (typeof source !== 'string') return `a threshold must be a string such as 'p95 < 2000', got ${typeof source}`;
  const m = PATTERN.exec(source);
  if (!m) {
    return (
      `"${source}" does not parse: expected '<aggregation> <operator> <number>' with aggregation ` +
      "p50…p99.9 | p(95) | avg | med | min | max | count | rate and operator < <= > >= == != (e.g. 'p95 < 2000')"
    );
  }
  const [, agg, operator, num] = m;
  let aggregation: ThresholdAggregation;
  if (agg.startsWith('p')) {
    const q = Number(agg.replace(/[p()\s]/g, ''));
    if (!(q > 0 && q <= 100)) return `"${source}": percentile must be in (0, 100], got ${q}`;
    aggregation = { kind: 'percentile', q };
  } else if (agg === 'med') {
    aggregation = { kind: 'percentile', q: 50 };
  } else {
    aggregation = { kind: agg as 'avg' | 'min' | 'max' | 'count' | 'rate' };
  }
  return { source, aggregation, operator: operator as ThresholdOperator, value: Number(num) };
}

export function compare(actual: number, operator: ThresholdOperator, expected: number): boolean {
  switch (operator) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '==':
      return actual === expected;
    case '!=':
      return actual !== expected;
  }
}
