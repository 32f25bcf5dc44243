// Copies one history into another (`playwright-perf history import`), e.g. a team's JSON file into
// the shared Postgres history, without losing its baseline. Idempotent: a run part already in the
// target is kept once, so an interrupted import can simply be run again.
import type { HistoryData } from '../types';
import type { HistoryStore } from './history-store';
import { samePart } from './record-run';

export interface ImportResult {
  added: number;
  skipped: number;
  alerts: number;
  pins: number;
  optimizations: number;
}

export function mergeHistory(target: HistoryData, source: HistoryData): ImportResult {
  const fresh = source.runs.filter((r) => !target.runs.some((t) => samePart(t, r)));
  const freshIds = new Set(fresh.map((r) => r.runId));
  target.runs.push(...fresh);
  target.runs.sort((a, b) => a.startTime - b.startTime);
  const alerts = source.alerts.filter((a) => freshIds.has(a.runId));
  target.alerts.push(...alerts);
  let pins = 0;
  for (const [name, ids] of Object.entries(source.pins)) {
    if (name in target.pins) continue;
    target.pins[name] = [...ids];
    pins++;
  }
  const known = new Set(target.optimizations.map((o) => o.id));
  const optimizations = source.optimizations.filter((o) => !known.has(o.id));
  target.optimizations.push(...optimizations);
  return {
    added: fresh.length,
    skipped: source.runs.length - fresh.length,
    alerts: alerts.length,
    pins,
    optimizations: optimizations.length,
  };
}

export function importHistory(source: HistoryData, store: HistoryStore): Promise<ImportResult> {
  return store.update((data) => mergeHistory(data, source));
}
