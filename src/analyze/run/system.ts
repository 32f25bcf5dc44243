// Summary of the runner-process system samples (CPU, memory, load, Chromium processes).
import type { RunRecord, SystemSummary } from '../../types';
import { percentile } from '../stats/descriptive';

export function analyzeSystem(run: RunRecord): SystemSummary | null {
  const samples = run.system ?? [];
  if (!samples.length) return null;
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const chromium = samples.map((s) => s.chromiumProcesses).filter((n) => n >= 0);
  return {
    samples: samples.length,
    cpuAvg: cpu.reduce((s, v) => s + v, 0) / cpu.length,
    cpuP95: percentile(cpu, 95),
    cpuMax: cpu[cpu.length - 1],
    memUsedMaxBytes: Math.max(...samples.map((s) => s.memUsedBytes)),
    memTotalBytes: Math.max(...samples.map((s) => s.memTotalBytes)),
    load1Max: Math.max(...samples.map((s) => s.load1)),
    // -1 = the count could not be read on this platform.
    chromiumProcessesMax: chromium.length ? Math.max(...chromium) : -1,
  };
}
