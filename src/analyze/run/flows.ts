// Business flows across the run (pure): one row per flow name + preset + direction, with the
// duration distribution of its successful runs, failures, findings and numeric preset details
// (CLS, font timing…). History consumes these per name like any other metric.
import type { FlowAnalysis, FlowResult, RunRecord, Distribution } from '../../types';
import { distribution } from '../stats/descriptive';

/** Raw samples kept in the analysis for the report's flow view. */
export const MAX_FLOW_SAMPLES = 500;
/** Test ids listed per flow. */
const MAX_TESTS_PER_FLOW = 50;

type Row = FlowAnalysis['perFlow'][number];

export function flowKey(f: Pick<FlowResult, 'name' | 'preset' | 'direction'>): string {
  return `${f.name}\u0000${f.preset ?? ''}\u0000${f.direction ?? ''}`;
}

export function analyzeFlows(run: RunRecord): FlowAnalysis | undefined {
  const groups = new Map<
    string,
    {
      sample: FlowResult;
      ok: number[];
      failures: number;
      findings: number;
      tests: Set<string>;
      details: Map<string, number[]>;
      paths: Map<string, number>;
    }
  >();
  const samples: Array<FlowResult & { testId: string }> = [];
  for (const test of run.tests) {
    for (const result of test.results) {
      for (const f of result.perf?.flows ?? []) {
        if (!f || typeof f.name !== 'string' || !Number.isFinite(f.durationMs)) continue;
        const key = flowKey(f);
        let g = groups.get(key);
        if (!g)
          groups.set(
            key,
            (g = {
              sample: f,
              ok: [],
              failures: 0,
              findings: 0,
              tests: new Set(),
              details: new Map(),
              paths: new Map(),
            }),
          );
        if (f.ok) g.ok.push(f.durationMs);
        else g.failures++;
        g.findings += f.findings?.length ?? 0;
        g.tests.add(test.id);
        const path = (f.parents ?? []).join(' › ');
        g.paths.set(path, (g.paths.get(path) ?? 0) + 1);
        if (f.ok) {
          for (const [k, v] of Object.entries(f.details ?? {})) {
            if (typeof v !== 'number' || !Number.isFinite(v)) continue;
            const list = g.details.get(k) ?? [];
            list.push(v);
            g.details.set(k, list);
          }
        }
        samples.push({ ...f, testId: test.id });
      }
    }
  }
  if (groups.size === 0) return undefined;
  const perFlow: Row[] = [...groups.values()].map((g) => {
    const details: Record<string, Distribution> = {};
    for (const [k, v] of g.details) details[k] = distribution(v);
    const commonPath = [...g.paths.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return {
      name: g.sample.name,
      ...(g.sample.preset ? { preset: g.sample.preset } : {}),
      ...(g.sample.direction ? { direction: g.sample.direction } : {}),
      count: g.ok.length + g.failures,
      failures: g.failures,
      dist: distribution(g.ok),
      tests: [...g.tests].slice(0, MAX_TESTS_PER_FLOW),
      findings: g.findings,
      parents: commonPath ? commonPath.split(' › ') : [],
      ...(Object.keys(details).length ? { details } : {}),
    };
  });
  perFlow.sort((a, b) => a.name.localeCompare(b.name) || (a.direction ?? '').localeCompare(b.direction ?? ''));
  samples.sort((a, b) => a.startTime - b.startTime);
  return { perFlow, samples: samples.slice(0, MAX_FLOW_SAMPLES) };
}
