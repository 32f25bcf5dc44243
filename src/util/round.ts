// The one rounding rule for recorded and printed figures: to `digits` decimals, halves upward
// (Math.round). Measurements are stored at 0.01 ms; ratios and CLS at three to five decimals.
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
