// Watches the load generator itself, once per metrics window: machine CPU busy fraction (all cores,
// from os.cpus() deltas — it includes the browsers and anything else on the machine), this
// process's event-loop delay (perf_hooks.monitorEventLoopDelay, p99) and memory. A window where the
// generator was saturated has timings inflated by the generator, not the app: it is flagged.
import { cpus, freemem } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { GeneratorWindowSample } from '../types/load';

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times;
    const all = t.user + t.nice + t.sys + t.irq + t.idle;
    total += all;
    busy += all - t.idle;
  }
  return { busy, total };
}

export class GeneratorMonitor {
  private histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private last = cpuTimes();
  private timer?: NodeJS.Timeout;
  private index = 0;

  constructor(private readonly windowMs: number, private readonly now: () => number,
    private readonly onSample: (windowIndex: number, sample: GeneratorWindowSample) => void) {}

  start(): void {
    this.histogram.enable();
    this.schedule();
  }

  private schedule(): void {
    const next = (this.index + 1) * this.windowMs;
    this.timer = setTimeout(() => { this.take(); this.schedule(); }, Math.max(0, next - this.now()));
    this.timer.unref();
  }

  /** Closes the current window's sample (also called once at the end for the partial window). */
  take(): void {
    const nowCpu = cpuTimes();
    const total = nowCpu.total - this.last.total;
    const cpu = total > 0 ? (nowCpu.busy - this.last.busy) / total : 0;
    this.last = nowCpu;
    const p99 = this.histogram.percentile(99) / 1e6;
    this.histogram.reset();
    const sample = {
      cpu: Math.round(cpu * 1000) / 1000,
      eventLoopP99Ms: Math.round((Number.isFinite(p99) ? p99 : 0) * 10) / 10,
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
      freeMemMb: Math.round(freemem() / 1048576),
    };
    this.onSample(Math.max(0, Math.floor((this.now() - 1) / this.windowMs)), sample);
    this.index = Math.floor(this.now() / this.windowMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.take();
    this.histogram.disable();
  }
}
