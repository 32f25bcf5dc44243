// Terminal output of a load run: a live progress line (rewritten in place on a TTY, one line per
// ~5 s otherwise) and the end summary — totals, latency table, thresholds with reasons, generator
// warnings, scalability, and the change against history.
import type { LoadReport } from '../types/load';
import type { LoadProgress } from './coordinator';
import type { LoadHistoryChange } from './history';

export function progressLine(p: LoadProgress): string {
  return (
    `load ${(p.elapsedMs / 1000).toFixed(0).padStart(4)}s · VUs ${String(p.activeVUs).padStart(3)} · iterations ${p.iterations}` +
    ` · failed ${p.failed}${p.dropped ? ` · dropped ${p.dropped}` : ''}${p.stopping ? ' · stopping (Ctrl-C again to abort)' : ''}`
  );
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)}s` : `${n.toFixed(0)}ms`);

export function formatLoadSummary(r: LoadReport, changes: LoadHistoryChange[] = []): string {
  const lines: string[] = [];
  const t = r.totals;
  const head =
    r.status === 'passed'
      ? 'PASSED'
      : r.status === 'failed'
        ? 'FAILED (thresholds)'
        : r.status === 'aborted'
          ? 'ABORTED (abortOnFail threshold)'
          : 'INTERRUPTED (partial result)';
  lines.push(`playwright-perf load: ${head} — ${r.file} [segment ${r.segments.join(', ')}, ${r.workers} worker(s)]`);
  lines.push(
    `  iterations ${t.iterations} (${t.iterationsPerSecond}/s) · flows ${t.flows} (${t.flowsPerSecond}/s) · ` +
      `errors ${t.failed} (${(t.errorRate * 100).toFixed(2)} %)${t.dropped ? ` · dropped ${t.dropped}` : ''}` +
      `${t.interrupted ? ` · interrupted ${t.interrupted}` : ''}`,
  );
  const kinds = Object.entries(t.errors)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  if (kinds) lines.push(`  errors by kind: ${kinds}`);
  const names = Object.keys(r.metrics);
  if (names.length) {
    const w = Math.max(6, ...names.map((n) => n.length));
    lines.push(
      '',
      `  ${'metric'.padEnd(w)}  ${['count', 'p50', 'p90', 'p95', 'p99', 'max'].map((h) => h.padStart(8)).join('')}`,
    );
    for (const n of names) {
      const s = r.metrics[n];
      const f = n.startsWith('vital.CLS') ? (x: number) => x.toFixed(3) : ms;
      lines.push(
        `  ${n.padEnd(w)}  ${String(s.count).padStart(8)}${[s.p50, s.p90, s.p95, s.p99, s.max].map((x) => f(x).padStart(8)).join('')}`,
      );
    }
    lines.push(`  (percentiles within ${r.raw.relativeAccuracy * 100} % — DDSketch)`);
  }
  if (r.thresholds.length) {
    lines.push('', '  thresholds:');
    for (const v of r.thresholds)
      lines.push(`    ${v.ok ? '✓' : '✗'} ${v.reason}${v.abortOnFail ? ' [abortOnFail]' : ''}`);
  }
  const sc = r.scalability;
  if (sc.points.length > 1) {
    lines.push(
      '',
      `  scalability (${sc.metric} p95 by concurrent VUs): ` + sc.points.map((p) => `${p.vus}→${ms(p.p95)}`).join('  '),
    );
    if (sc.kneeVUs !== undefined) lines.push(`    knee at ${sc.kneeVUs} VUs`);
    if (sc.maxVUsMeetingThresholds !== undefined)
      lines.push(`    highest load meeting the thresholds: ${sc.maxVUsMeetingThresholds} VUs`);
  }
  for (const c of changes.filter((x) => Math.abs(x.change) >= 0.1)) {
    lines.push(
      `  history: ${c.subject} ${c.metric.replace('load.', '')} ${c.current} vs ${c.baseline} (median of ${c.runs} earlier) ` +
        `${c.change > 0 ? '+' : ''}${(c.change * 100).toFixed(0)} %`,
    );
  }
  for (const wmsg of r.warnings) lines.push(`  ⚠ ${wmsg}`);
  return lines.join('\n') + '\n';
}
