// Progress of the measured search: `[done/planned] what: result · ETA 1m05s`. The planned count is an
// upper bound that shrinks as arms are eliminated; the ETA is remaining runs × the median run so far.
// Budget checks live here too, since they use the same run count and timings.
import type { MeasuredRun, SearchBudget } from '../types';
import { median } from './compare';

export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export class SearchProgress {
  private done = 0;
  private readonly processMs: number[] = [];
  private readonly t0 = Date.now();

  constructor(
    private planned: number,
    private readonly budget: SearchBudget,
    private readonly say?: (line: string) => void,
  ) {}

  get spent(): number {
    return this.done;
  }
  get elapsedMs(): number {
    return Date.now() - this.t0;
  }

  /** Upper bound of runs still to come (the search calls this as arms are dropped). */
  replan(remaining: number): void {
    this.planned = this.done + Math.max(0, remaining);
  }

  private capped(): number {
    return this.budget.runs ? Math.min(this.planned, this.budget.runs) : this.planned;
  }

  /** Whether one more run fits the budget (runs, and minutes at the median run length so far). */
  canRun(): boolean {
    if (this.budget.runs !== undefined && this.done >= this.budget.runs) return false;
    if (this.budget.minutes !== undefined) {
      const typical = this.processMs.length ? median(this.processMs) : 0;
      if (this.elapsedMs + typical > this.budget.minutes * 60_000) return false;
    }
    return true;
  }

  record(r: MeasuredRun, what: string): void {
    this.done++;
    this.processMs.push(r.processMs);
    if (this.planned < this.done) this.planned = this.done;
    const left = Math.max(0, this.capped() - this.done);
    const eta = left ? ` · ETA ${formatEta(left * median(this.processMs))}` : '';
    this.say?.(`[${this.done}/${this.capped()}] ${what}: ${describeRun(r)}${eta}`);
  }
}

export const describeRun = (r: MeasuredRun): string =>
  `${(r.durationMs / 1000).toFixed(1)} s, ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${r.flaky ? `, ${r.flaky} flaky` : ''}`;
