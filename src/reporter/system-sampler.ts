// System sampler (runner process): CPU utilisation, memory, 1-minute load and the number of
// Chromium processes started by this run, every `intervalMs`. Cheap by design: os.cpus() deltas,
// os.freemem(), and on Linux a walk of our own process tree through /proc/<pid>/task/<tid>/children
// (a few small reads) instead of scanning every process on the machine — which would also count
// other people's browsers on a shared CI host. The timer is unref'd so it never keeps Node alive.
import os from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import type { SystemSample } from '../types';

/** Samples kept before pairs are merged (a 500 ms interval covers 30 min before the first merge). */
export const MAX_SAMPLES = 3600;
/** Process names counted as Chromium (Debian 'chromium', Chrome, Playwright's headless shell). */
const CHROMIUM_NAME = /chrom|headless_shell/i;

interface CpuTimes { idle: number; total: number }

function cpuTimes(): CpuTimes {
  let idle = 0, total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
    if (text) for (const c of text.split(' ')) out.push(Number(c));
  }
  return out;
}

/** Counts Chromium processes among the descendants of `root`; -1 when /proc cannot be read. */
export function countChromiumDescendants(root = process.pid): number {
  if (process.platform !== 'linux') return -1;
  try {
    let count = 0;
    const queue = childrenOf(root);
    const seen = new Set<number>();
    while (queue.length) {
      const pid = queue.pop()!;
      if (seen.has(pid)) continue;
      seen.add(pid);
      try {
        if (CHROMIUM_NAME.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) count++;
        queue.push(...childrenOf(pid));
      } catch { /* exited between reads */ }
    }
    return count;
  } catch {
    return -1; // no /proc, or a kernel without the `children` file
  }
}

/** Halves the sample count by merging neighbours (CPU averaged, the rest maxed). */
export function compactSamples(samples: SystemSample[]): SystemSample[] {
  const out: SystemSample[] = [];
  for (let i = 0; i < samples.length; i += 2) {
    const a = samples[i], b = samples[i + 1];
    if (!b) { out.push(a); break; }
    out.push({
      time: b.time,
      cpu: (a.cpu + b.cpu) / 2,
      memUsedBytes: Math.max(a.memUsedBytes, b.memUsedBytes),
      memTotalBytes: Math.max(a.memTotalBytes, b.memTotalBytes),
      load1: Math.max(a.load1, b.load1),
      chromiumProcesses: Math.max(a.chromiumProcesses, b.chromiumProcesses),
    });
  }
  return out;
}

export class SystemSampler {
  private timer: NodeJS.Timeout | undefined;
  private last: CpuTimes | undefined;
  private samples: SystemSample[] = [];
  private countChromium = true;

  constructor(private readonly intervalMs: number, private readonly onError: (e: unknown) => void = () => {}) {}

  start(): void {
    if (this.timer) return;
    this.last = cpuTimes();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Takes one sample now. Never throws (a failure stops the sampler and is reported once). */
  sample(): void {
    try {
      const now = cpuTimes();
      const prev = this.last ?? now;
      this.last = now;
      const total = now.total - prev.total;
      const cpu = total > 0 ? Math.min(1, Math.max(0, 1 - (now.idle - prev.idle) / total)) : 0;
      const memTotalBytes = os.totalmem();
      let chromiumProcesses = -1;
      if (this.countChromium) {
        chromiumProcesses = countChromiumDescendants();
        if (chromiumProcesses < 0) this.countChromium = false; // unavailable: stop trying
      }
      this.samples.push({ time: Date.now(), cpu, memUsedBytes: memTotalBytes - os.freemem(), memTotalBytes, load1: os.loadavg()[0] ?? 0, chromiumProcesses });
      if (this.samples.length >= MAX_SAMPLES) this.samples = compactSamples(this.samples);
    } catch (e) {
      this.stop();
      this.onError(e);
    }
  }

  /** Stops sampling and returns the samples (a final sample is taken so short runs have one). */
  stop(final = false): SystemSample[] {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      if (final) this.sample();
    }
    return this.samples;
  }

  /** Drops everything (merge-reports: the samples would describe the merge, not the test run). */
  discard(): void {
    this.stop();
    this.samples = [];
  }
}
