// Exhaustive measured sweep over worker counts (and optionally fullyParallel via a candidate config):
// the ground truth the model and `--validate` are compared with (bench/optimizer).
import type { MeasuredRun } from '../types';
import { median } from './compare';
import { measureRun, type Measure } from './measure';

export interface SweepResult {
  workers: number;
  runs: MeasuredRun[];
  medianMs: number;
}

export async function sweepWorkers(o: {
  configPath: string;
  workers: number[];
  runs?: number;
  measure?: Measure;
  progress?: (s: string) => void;
  args?: string[];
}): Promise<SweepResult[]> {
  const measure = o.measure ?? measureRun;
  const out: SweepResult[] = [];
  for (const w of o.workers) {
    const runs: MeasuredRun[] = [];
    for (let i = 0; i < (o.runs ?? 1); i++) {
      const r = await measure({ configPath: o.configPath, label: `sweep workers=${w}`, workers: w, args: o.args });
      runs.push(r);
      o.progress?.(
        `workers=${w} run ${i + 1}: ${(r.durationMs / 1000).toFixed(1)} s (${r.passed} passed, ${r.failed} failed)`,
      );
    }
    out.push({ workers: w, runs, medianMs: Math.round(median(runs.map((r) => r.durationMs))) });
  }
  return out;
}
