// Merging of perf data: the worker merges what its collectors produced for one attempt, the reporter
// merges several attachments of one attempt. Both sides of the attachment contract use this one rule.
import type { TestPerfData } from '../types';

/** Appends every array section of `from` to the same section of `into`; returns `into`. */
export function mergePerfData(into: TestPerfData, from: TestPerfData): TestPerfData {
  for (const [key, value] of Object.entries(from) as Array<[keyof TestPerfData, unknown]>) {
    if (!Array.isArray(value)) continue;
    const existing = (into[key] as unknown[] | undefined) ?? [];
    (into as Record<string, unknown[]>)[key] = existing.concat(value);
  }
  return into;
}
