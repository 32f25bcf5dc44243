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

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly onSample: (windowIndex: number, sample: GeneratorWindowSample) => void,
  ) {}

  start(): void {
    this.histogram.enable();
    this.schedule();
  }

  private schedule(): void {
    const next = (this.index + 1) * this.windowMs;
    this.timer = setTimeout(
      () => {
        this.take(false);
        this.schedule();
      },
      Math.max(0, next - this.now()),
    );
    this.timer.unref();
  }

  /** Closes window `index`'s sample; at the end (`final`) also the partial last window. A timer that
   *  fires before the kernel's CPU counters moved gives no information and is skipped. */
  take(final: boolean): void {
    const nowCpu = cpuTimes();
    const total = nowCpu.total - this.last.total;
    if (total <= 0 && !final) return;
    const cpu = total > 0 ? (nowCpu.busy - this.last.busy) / total : 0;
    this.last = nowCpu;
    const p99 = this.histogram.percentile(99) / 1e6;
    this.histogram.reset();
    this.onSample(this.index, {
      cpu: Math.round(cpu * 1000) / 1000,
      eventLoopP99Ms: Math.round((Number.isFinite(p99) ? p99 : 0) * 10) / 10,
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
      freeMemMb: Math.round(freemem() / 1048576),
    });
    // A late timer (a blocked event loop) must not attribute one window's sample to the next ones.
    this.index = Math.max(this.index + 1, Math.floor(this.now() / this.windowMs));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.take(true);
    this.histogram.disable();
  }
}
