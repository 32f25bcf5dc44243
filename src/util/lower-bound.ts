// Binary search over an ascending sequence.

/** The first index i in [0, length) for which `atOrAfter(i)` holds, given that once it holds it
 *  holds for every later index; `length` when it never does. */
export function firstIndexWhere(length: number, atOrAfter: (i: number) => boolean): number {
  let lo = 0,
    hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first value ≥ v in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  return firstIndexWhere(sorted.length, (i) => sorted[i] >= v);
}

/** Index of the first value > v in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, v: number): number {
  return firstIndexWhere(sorted.length, (i) => sorted[i] > v);
}
