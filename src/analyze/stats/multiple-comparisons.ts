// Benjamini-Hochberg: controls the false discovery rate when hundreds of metric series are tested
// at once (Benjamini & Hochberg 1995, step-up procedure). Pure.

/** Adjusted p-values (q-values) in input order: q(i) = min over j ≥ rank(i) of p(j)·m/j, capped at 1. */
export function benjaminiHochberg(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}
