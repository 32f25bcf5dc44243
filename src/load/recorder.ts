// Windowed metrics of a load run in one process: per window, counters and one DDSketch per metric.
// `drain()` hands over what was recorded since the last drain (worker → coordinator, every second);
// `absorb()` adds such a part in. Counts add and sketches merge exactly, so the coordinator's
// totals equal one recorder that saw every sample.
import type { DDSketch } from '@datadog/sketches-js';
import type {
  GeneratorWindowSample,
  LoadErrorKind,
  LoadErrorSample,
  LoadExecutor,
  LoadRawData,
  LoadScenarioCounts,
  LoadWindow,
} from '../types/load';
import { deserializeSketch, newSketch, serializeSketch } from './sketch';

const MAX_ERROR_SAMPLES = 50;

interface WindowAcc {
  iterations: number;
  failed: number;
  dropped: number;
  interrupted: number;
  flows: number;
  errors: Partial<Record<LoadErrorKind, number>>;
  vuAreaMs: number;
  generator?: GeneratorWindowSample;
  saturated: boolean;
  sketches: Map<string, DDSketch>;
}

export interface IterationOutcome {
  scenario: string;
  atMs: number;
  durationMs: number;
  /** Set when the iteration failed (thrown error or HTTP >= 400). */
  error?: { kind: LoadErrorKind; message: string };
  /** Aborted at a graceful stop/ramp-down deadline: not an error, not a completed iteration. */
  interrupted?: boolean;
}

export function mergeGenerator(
  a: GeneratorWindowSample | undefined,
  b: GeneratorWindowSample | undefined,
): GeneratorWindowSample | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    cpu: Math.max(a.cpu, b.cpu),
    eventLoopP99Ms: Math.max(a.eventLoopP99Ms, b.eventLoopP99Ms),
    rssMb: a.rssMb + b.rssMb,
    freeMemMb: Math.min(a.freeMemMb, b.freeMemMb),
  };
}

export class LoadRecorder {
  private windows = new Map<number, WindowAcc>();
  private scenarios = new Map<string, LoadScenarioCounts>();
  private errorSamples: LoadErrorSample[] = [];
  private warnings: string[] = [];
  private activeVUs = 0;
  private vuSince = 0;
  durationMs = 0;

  constructor(
    readonly windowMs: number,
    readonly relativeAccuracy: number,
  ) {}

  private win(atMs: number): WindowAcc {
    const index = Math.max(0, Math.floor(atMs / this.windowMs));
    return this.windowAt(index);
  }

  private windowAt(index: number): WindowAcc {
    let w = this.windows.get(index);
    if (!w) {
      w = {
        iterations: 0,
        failed: 0,
        dropped: 0,
        interrupted: 0,
        flows: 0,
        errors: {},
        vuAreaMs: 0,
        saturated: false,
        sketches: new Map(),
      };
      this.windows.set(index, w);
    }
    return w;
  }

  declareScenario(name: string, executor: LoadExecutor): LoadScenarioCounts {
    let s = this.scenarios.get(name);
    if (!s) {
      s = { name, executor, iterations: 0, failed: 0, dropped: 0, interrupted: 0 };
      this.scenarios.set(name, s);
    }
    return s;
  }

  sample(metric: string, value: number, atMs: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    const w = this.win(atMs);
    let s = w.sketches.get(metric);
    if (!s) {
      s = newSketch(this.relativeAccuracy);
      w.sketches.set(metric, s);
    }
    s.accept(value);
  }

  flow(atMs: number): void {
    this.win(atMs).flows++;
  }

  iteration(o: IterationOutcome, executor: LoadExecutor): void {
    const counts = this.declareScenario(o.scenario, executor);
    const w = this.win(o.atMs);
    if (o.interrupted) {
      counts.interrupted++;
      w.interrupted++;
      return;
    }
    counts.iterations++;
    w.iterations++;
    this.sample('iteration', o.durationMs, o.atMs);
    this.sample(`scenario.${o.scenario}`, o.durationMs, o.atMs);
    if (!o.error) return;
    counts.failed++;
    w.failed++;
    w.errors[o.error.kind] = (w.errors[o.error.kind] ?? 0) + 1;
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) {
      this.errorSamples.push({
        kind: o.error.kind,
        scenario: o.scenario,
        message: o.error.message.slice(0, 300),
        at: Math.round(o.atMs),
      });
    }
  }

  dropped(scenario: string, executor: LoadExecutor, atMs: number): void {
    this.declareScenario(scenario, executor).dropped++;
    this.win(atMs).dropped++;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message) && this.warnings.length < 50) this.warnings.push(message);
  }

  /** Active-VU gauge: integrates VU-time per window so averages add across processes. */
  vus(delta: number, atMs: number): void {
    this.integrateVUs(atMs);
    this.activeVUs += delta;
  }

  private integrateVUs(atMs: number): void {
    let t = this.vuSince;
    while (t < atMs && this.activeVUs > 0) {
      const end = Math.min(atMs, (Math.floor(t / this.windowMs) + 1) * this.windowMs);
      this.win(t).vuAreaMs += this.activeVUs * (end - t);
      t = end;
    }
    this.vuSince = Math.max(this.vuSince, atMs);
  }

  generator(index: number, sample: GeneratorWindowSample): void {
    const w = this.windowAt(index);
    w.generator = mergeGenerator(w.generator, sample);
  }

  markSaturated(index: number): void {
    this.windowAt(index).saturated = true;
  }

  /** Everything recorded since the last drain, as mergeable data; the recorder starts empty again. */
  drain(nowMs: number): LoadRawData {
    this.integrateVUs(nowMs);
    const raw = this.snapshot();
    this.windows = new Map();
    for (const s of this.scenarios.values()) Object.assign(s, { iterations: 0, failed: 0, dropped: 0, interrupted: 0 });
    this.errorSamples = [];
    this.warnings = [];
    return raw;
  }

  snapshot(): LoadRawData {
    const windows: LoadWindow[] = [...this.windows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, w]) => ({
        index,
        iterations: w.iterations,
        failed: w.failed,
        dropped: w.dropped,
        interrupted: w.interrupted,
        flows: w.flows,
        errors: { ...w.errors },
        activeVUs: w.vuAreaMs / this.windowMs,
        saturated: w.saturated,
        ...(w.generator ? { generator: { ...w.generator } } : {}),
        sketches: Object.fromEntries([...w.sketches.entries()].map(([k, s]) => [k, serializeSketch(s)])),
      }));
    return {
      windowMs: this.windowMs,
      relativeAccuracy: this.relativeAccuracy,
      durationMs: this.durationMs,
      windows,
      scenarios: [...this.scenarios.values()].map((s) => ({ ...s })),
      errorSamples: [...this.errorSamples],
      warnings: [...this.warnings],
    };
  }

  /** Adds a drained part (or a whole segment) in. */
  absorb(raw: LoadRawData): void {
    if (raw.windowMs !== this.windowMs || raw.relativeAccuracy !== this.relativeAccuracy) {
      throw new Error(
        `cannot merge load data with window ${raw.windowMs} ms / accuracy ${raw.relativeAccuracy} into ` +
          `window ${this.windowMs} ms / accuracy ${this.relativeAccuracy}: run every segment with the same definition`,
      );
    }
    this.durationMs = Math.max(this.durationMs, raw.durationMs);
    for (const rw of raw.windows) {
      const w = this.windowAt(rw.index);
      w.iterations += rw.iterations;
      w.failed += rw.failed;
      w.dropped += rw.dropped;
      w.interrupted += rw.interrupted;
      w.flows += rw.flows;
      for (const [k, n] of Object.entries(rw.errors))
        w.errors[k as LoadErrorKind] = (w.errors[k as LoadErrorKind] ?? 0) + (n ?? 0);
      w.vuAreaMs += rw.activeVUs * this.windowMs;
      w.generator = mergeGenerator(w.generator, rw.generator);
      w.saturated ||= rw.saturated;
      for (const [k, ser] of Object.entries(rw.sketches)) {
        const s = w.sketches.get(k);
        const part = deserializeSketch(ser);
        if (!s) {
          w.sketches.set(k, part);
          continue;
        }
        const min = Math.min(s.min, part.min);
        const max = Math.max(s.max, part.max);
        s.merge(part);
        s.min = min;
        s.max = max;
      }
    }
    for (const rs of raw.scenarios) {
      const s = this.declareScenario(rs.name, rs.executor);
      s.iterations += rs.iterations;
      s.failed += rs.failed;
      s.dropped += rs.dropped;
      s.interrupted += rs.interrupted;
    }
    for (const e of raw.errorSamples) if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(e);
    for (const m of raw.warnings) this.warn(m);
  }
}
