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

interface CpuTimes {
  idle: number;
  total: number;
}

/** Linux: the aggregate "cpu" line of /proc/stat (one small read; os.cpus() also parses
 *  /proc/cpuinfo and sysfs per core, ~10× the cost). Fields: user nice system idle iowait irq softirq steal. */
function procStatTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').slice(0, 256).split('\n', 1)[0];
    if (!line.startsWith('cpu ')) return undefined;
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    return { idle, total };
  } catch {
    return undefined;
  }
}

function load1(): number {
  if (process.platform === 'linux') {
    try {
      return Number(readFileSync('/proc/loadavg', 'utf8').split(' ', 1)[0]) || 0;
    } catch {
      /* fall through */
    }
  }
  return os.loadavg()[0] ?? 0;
}

function cpuTimes(): CpuTimes {
  if (process.platform === 'linux') {
    const t = procStatTimes();
    if (t) return t;
  }
  let idle = 0,
    total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

/** Every Nth sample walks every thread of every process; the others only threads known to spawn. */
export const FULL_WALK_EVERY = 20;

function readChildren(pid: number, tid: number | string): number[] {
  const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
  return text ? text.split(' ').map(Number) : [];
}

/**
 * Counts Chromium processes among the descendants of `root` through /proc/<pid>/task/<tid>/children.
 * A full walk reads every thread of every descendant (Chromium starts its helpers from a launcher
 * thread, not its main thread) — about 6 ms with one browser on a 2-core machine. So only every
 * FULL_WALK_EVERY-th call does that; the others read the main thread plus the threads the last full
 * walk saw spawning (≈ 0.2 ms). A browser started in between is found at once (workers spawn it
 * from their main thread); its own helpers at the next full walk.
 */
export class ChromiumCounter {
  private spawningThreads = new Map<number, Set<number>>();
  private names = new Map<number, boolean>();
  private calls = 0;
  /** Every process of the tree seen by the last walk, the root included. */
  lastTree: number[] = [];

  constructor(private readonly root = process.pid) {}

  /** -1 when /proc cannot be read (not Linux, or a kernel without the `children` file). */
  count(): number {
    if (process.platform !== 'linux') return -1;
    const full = this.calls++ % FULL_WALK_EVERY === 0;
    try {
      if (full) {
        this.spawningThreads = new Map();
        this.names = new Map();
      }
      let count = 0;
      const seen = new Set<number>();
      const queue = [this.root];
      while (queue.length) {
        const pid = queue.pop()!;
        if (seen.has(pid)) continue;
        seen.add(pid);
        try {
          if (pid !== this.root) {
            let isChromium = this.names.get(pid);
            if (isChromium === undefined)
              this.names.set(pid, (isChromium = CHROMIUM_NAME.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))));
            if (isChromium) count++;
          }
          const tids = full
            ? readdirSync(`/proc/${pid}/task`).map(Number)
            : [pid, ...(this.spawningThreads.get(pid) ?? [])];
          for (const tid of new Set(tids)) {
            let kids: number[];
            try {
              kids = readChildren(pid, tid);
            } catch {
              continue;
            } // thread exited
            if (full && kids.length && tid !== pid) {
              if (!this.spawningThreads.has(pid)) this.spawningThreads.set(pid, new Set());
              this.spawningThreads.get(pid)!.add(tid);
            }
            queue.push(...kids);
          }
        } catch (e) {
          if (pid === this.root) throw e;
          this.names.delete(pid); // exited between reads
        }
      }
      this.lastTree = [...seen];
      return count;
    } catch {
      return -1;
    }
  }
}

/** utime + stime (clock ticks) of a process from /proc/<pid>/stat; the name may hold spaces and ')'. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(3) ppid(4) … utime(14) stime(15) → indices 11 and 12.
    const ticks = Number(f[11]) + Number(f[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined; // exited between the walk and the read
  }
}

/**
 * CPU time of this run's own process tree between calls, as a share of the whole machine's CPU
 * time — so a busy neighbour on a shared CI host does not look like a saturated suite. Per process:
 * a process seen for the first time counts all its ticks (it started since the last call, or its
 * ticks were not counted yet); a process that exited takes its last interval with it.
 */
export class OwnCpuMeter {
  private last = new Map<number, number>();

  share(tree: number[], machineTicks: number): number | undefined {
    if (machineTicks <= 0 || tree.length === 0) return undefined;
    const next = new Map<number, number>();
    let used = 0;
    for (const pid of tree) {
      const t = processTicks(pid);
      if (t === undefined) continue;
      next.set(pid, t);
      used += Math.max(0, t - (this.last.get(pid) ?? 0));
    }
    const first = this.last.size === 0;
    this.last = next;
    // The first call only sets the starting point (the runner's start-up is not the run).
    return first ? undefined : Math.min(1, used / machineTicks);
  }
}

/** One full walk (see ChromiumCounter). */
export function countChromiumDescendants(root = process.pid): number {
  return new ChromiumCounter(root).count();
}

/** Halves the sample count by merging neighbours (CPU averaged, the rest maxed). */
export function compactSamples(samples: SystemSample[]): SystemSample[] {
  const out: SystemSample[] = [];
  for (let i = 0; i < samples.length; i += 2) {
    const a = samples[i],
      b = samples[i + 1];
    if (!b) {
      out.push(a);
      break;
    }
    out.push({
      time: b.time,
      cpu: (a.cpu + b.cpu) / 2,
      memUsedBytes: Math.max(a.memUsedBytes, b.memUsedBytes),
      memTotalBytes: Math.max(a.memTotalBytes, b.memTotalBytes),
      load1: Math.max(a.load1, b.load1),
      chromiumProcesses: Math.max(a.chromiumProcesses, b.chromiumProcesses),
      ...(a.ownCpu !== undefined && b.ownCpu !== undefined ? { ownCpu: (a.ownCpu + b.ownCpu) / 2 } : {}),
    });
  }
  return out;
}

export class SystemSampler {
  private timer: NodeJS.Timeout | undefined;
  private last: CpuTimes | undefined;
  private samples: SystemSample[] = [];
  private countChromium = true;
  private readonly chromium = new ChromiumCounter();
  private readonly own = new OwnCpuMeter();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.last = cpuTimes();
    if (this.chromium.count() >= 0) this.own.share(this.chromium.lastTree, 1);
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
      let chromiumProcesses = -1,
        ownCpu: number | undefined;
      if (this.countChromium) {
        chromiumProcesses = this.chromium.count();
        if (chromiumProcesses < 0)
          this.countChromium = false; // unavailable: stop trying
        // /proc/stat ticks are summed over all cores, as are the processes' own ticks.
        else ownCpu = this.own.share(this.chromium.lastTree, total);
      }
      this.samples.push({
        time: Date.now(),
        cpu,
        memUsedBytes: memTotalBytes - os.freemem(),
        memTotalBytes,
        load1: load1(),
        chromiumProcesses,
        ...(ownCpu !== undefined ? { ownCpu: Math.round(ownCpu * 1000) / 1000 } : {}),
      });
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
