// Picks the baseline runs a run is judged against, and lists what differs between them (caveats).
// Only runs of the same machine class are compared by default: timings from a 2-core CI box and an
// 8-core laptop are different populations. Pure.
import type { CompactRun, HistoryComparison, HistoryOptions } from '../../types';

/** Default "previous N runs": enough samples for a rank test to reach p < 0.05 with one new sample
 *  per test (2/(n+1) < 0.05 needs n ≥ 40 for ranks alone, so the prediction test is used below that). */
export const DEFAULT_BASELINE_RUNS = 10;

export interface BaselineSelection {
  kind: HistoryComparison['baseline']['kind'];
  runs: CompactRun[];
  description: string;
  caveats: string[];
  /** Set when the requested baseline could not be found. */
  problem?: string;
}

export function selectBaseline(
  history: { runs: CompactRun[]; pins: Record<string, string[]> },
  current: CompactRun,
  spec: HistoryOptions['baseline'] = {},
): BaselineSelection {
  const others = history.runs.filter((r) => r.runId !== current.runId);
  if ('pinned' in spec) {
    const ids = history.pins[spec.pinned];
    if (!ids) {
      const names = Object.keys(history.pins);
      return empty(
        'pinned',
        `pinned baseline "${spec.pinned}"`,
        `no pinned baseline named "${spec.pinned}" (pinned: ${names.length ? names.join(', ') : 'none'}; create one with "playwright-perf history pin ${spec.pinned}")`,
      );
    }
    const runs = others.filter((r) => ids.includes(r.runId));
    return finish(
      'pinned',
      runs,
      current,
      `pinned baseline "${spec.pinned}" (${runs.length} run${runs.length === 1 ? '' : 's'})`,
    );
  }
  if ('runId' in spec) {
    const run = others.find((r) => r.runId === spec.runId || r.runId.startsWith(spec.runId));
    if (!run) return empty('run', `run ${spec.runId}`, `baseline run "${spec.runId}" is not in history`);
    return finish('run', [run], current, `run ${run.runId.slice(0, 8)} (${new Date(run.startTime).toISOString()})`);
  }
  const n = 'previous' in spec && spec.previous ? spec.previous : DEFAULT_BASELINE_RUNS;
  const usable = others.filter((r) => !r.interrupted && r.startTime <= current.startTime);
  // A shard runs a different slice of the suite: compare shard 2/4 with earlier shard 2/4 runs.
  const sameMachine = usable.filter((r) => r.machineClass === current.machineClass && r.shard === current.shard);
  const caveats: string[] = [];
  const skippedMachines = usable.length - sameMachine.length;
  if (skippedMachines > 0)
    caveats.push(
      `${skippedMachines} earlier run(s) from other machine classes or shards were not used (this run: ${current.machineClass}${current.shard ? `, shard ${current.shard}` : ''})`,
    );
  let pool = sameMachine.filter((r) => r.branch === current.branch);
  let where = current.branch ? `branch ${current.branch}` : 'runs without a git branch';
  if (pool.length === 0 && sameMachine.length > 0) {
    pool = sameMachine;
    where = 'any branch';
    caveats.push(
      `no earlier runs on ${current.branch ? `branch ${current.branch}` : 'this (unknown) branch'}; compared with runs of other branches`,
    );
  }
  const runs = pool.slice(-n);
  const sel = finish(
    'previous',
    runs,
    current,
    `previous ${runs.length} run${runs.length === 1 ? '' : 's'} (${where}, ${current.machineClass})`,
  );
  sel.caveats.unshift(...caveats);
  return sel;
}

function empty(kind: BaselineSelection['kind'], description: string, problem: string): BaselineSelection {
  return { kind, runs: [], description, caveats: [problem], problem };
}

function finish(
  kind: BaselineSelection['kind'],
  runs: CompactRun[],
  current: CompactRun,
  description: string,
): BaselineSelection {
  return { kind, runs, description, caveats: environmentCaveats(runs, current) };
}

/** What differs between the baseline runs and the current run. */
export function environmentCaveats(runs: CompactRun[], current: CompactRun): string[] {
  const out: string[] = [];
  const differ = (label: string, get: (r: CompactRun) => string | number | boolean) => {
    const mine = get(current);
    const theirs = [...new Set(runs.map(get).filter((v) => v !== mine))];
    if (theirs.length)
      out.push(`${label} differs: this run ${String(mine)}, baseline ${theirs.map(String).join(', ')}`);
  };
  differ('machine class', (r) => r.machineClass);
  differ('CPU model', (r) => r.env.cpuModel);
  differ('Playwright version', (r) => r.env.playwrightVersion);
  differ('Node version', (r) => r.env.nodeVersion);
  differ('workers', (r) => r.env.workers);
  differ('CI', (r) => r.env.ci);
  differ('playwright-perf version', (r) => r.env.perfVersion);
  return out;
}
