// API for the optimizer: record an optimisation that was applied to the suite, so later runs can be
// read as "after the change" and reports can show what was done when.
import { randomUUID } from 'node:crypto';
import type { AppliedOptimization } from '../types';
import type { HistoryStore } from './history-store';

export async function recordOptimization(
  store: HistoryStore,
  o: Omit<AppliedOptimization, 'id' | 'time' | 'runIdBefore'> & Partial<Pick<AppliedOptimization, 'id' | 'time'>>,
): Promise<AppliedOptimization> {
  return store.update((data) => {
    const entry: AppliedOptimization = {
      id: o.id ?? randomUUID(),
      time: o.time ?? Date.now(),
      ...o,
      ...(data.runs.length ? { runIdBefore: data.runs[data.runs.length - 1].runId } : {}),
    };
    data.optimizations.push(entry);
    return entry;
  });
}

export async function listOptimizations(store: HistoryStore): Promise<AppliedOptimization[]> {
  return (await store.read()).optimizations;
}
