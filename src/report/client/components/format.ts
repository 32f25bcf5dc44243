// Number formatting shared by every view: durations, bytes, percentages, changes, metric values.
// Missing values (null, undefined, NaN, ±Infinity) print as an en dash.

type MaybeNumber = number | null | undefined;

function missing(x: MaybeNumber): x is null | undefined {
  return x === null || x === undefined || !Number.isFinite(x);
}

export function fmtMs(ms: MaybeNumber): string {
  if (missing(ms)) return '–';
  const a = Math.abs(ms);
  if (a === 0) return '0 ms';
  if (a < 1) return ms.toFixed(2) + ' ms';
  if (a < 1000) return Math.round(ms) + ' ms';
  if (a < 60_000) return (ms / 1000).toFixed(a < 10_000 ? 2 : 1) + ' s';
  const m = Math.floor(a / 60_000),
    sec = Math.round((a % 60_000) / 1000);
  return (ms < 0 ? '-' : '') + m + ' m ' + String(sec).padStart(2, '0') + ' s';
}

export function fmtBytes(b: MaybeNumber): string {
  if (missing(b)) return '–';
  if (b < 1024) return b + ' B';
  if (b < 1024 ** 2) return (b / 1024).toFixed(1) + ' KiB';
  if (b < 1024 ** 3) return (b / 1024 ** 2).toFixed(1) + ' MiB';
  return (b / 1024 ** 3).toFixed(2) + ' GiB';
}

/** 0.25 → '25 %'. */
export function fmtPct(x: MaybeNumber, digits = 0): string {
  return missing(x) ? '–' : (x * 100).toFixed(digits) + ' %';
}

/** Relative change: 0.123 → '+12.3 %'. */
export function fmtChange(x: MaybeNumber): string {
  return missing(x) ? '–' : (x > 0 ? '+' : '') + (x * 100).toFixed(1) + ' %';
}

export function fmtInt(n: number): string {
  return Number(n).toLocaleString('en-US');
}

/** A metric value by the unit its name implies: scores and rates plain, bytes, else milliseconds. */
export function fmtMetric(metric: string, v: number): string {
  if (/CLS|cls|score|lighthouse\.|flakiness|rate/.test(metric)) return String(Math.round(v * 1000) / 1000);
  if (/bytes|Bytes/.test(metric)) return fmtBytes(v);
  return fmtMs(v);
}

export function fmtVital(name: string, v: number): string {
  return name === 'CLS' ? v.toFixed(3) : fmtMs(v);
}

/** 'YYYY-MM-DD HH:MM' (UTC) of an epoch time. */
export function fmtDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

export function truncate(t: string, n: number): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
