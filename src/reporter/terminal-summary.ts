// End-of-run summary on stdout: a few lines after the other reporters' output — wall time,
// efficiency, slowest tests, the critical path, warnings, and where the reports are.
import { relative, isAbsolute } from 'node:path';
import type { JsonReport } from '../types';
import type { WrittenReports } from '../report/write-reports';
import { formatMs } from '../analyze/run/critical-path';
import { formatVerdicts } from '../report/verdict-text';

/** How many slowest tests the terminal shows (the report has the full list). */
export const SUMMARY_SLOWEST = 5;
const MAX_TITLE = 80;

function short(s: string, max = MAX_TITLE): string {
  // Titles are untrusted: no control characters (terminal escapes) on the user's terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match control characters
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean;
}

export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

export function formatSummary(report: JsonReport, written: WrittenReports, cwd = process.cwd()): string {
  const a = report.analysis;
  const s = a.summary;
  const counts = [`${s.tests} tests`];
  const extra = [
    s.failed && `${s.failed} failed`,
    s.flaky && `${s.flaky} flaky`,
    s.skipped && `${s.skipped} skipped`,
  ].filter(Boolean);
  if (extra.length) counts[0] += ` (${extra.join(', ')})`;
  const lines = [
    '',
    `playwright-perf: wall ${formatMs(s.wallTimeMs)} · ${counts[0]} · ${s.workers} worker${s.workers === 1 ? '' : 's'} · parallel efficiency ${Math.round(s.parallelEfficiency * 100)} %`,
  ];
  const run = report.run;
  if (run.interrupted) {
    const notRun = run.plannedTests !== undefined ? run.plannedTests - run.tests.length : 0;
    lines.push(
      `  interrupted${run.interruptReason ? ` (${run.interruptReason})` : ''}${notRun > 0 ? `: ${notRun} of ${run.plannedTests} tests never ran` : ''}`,
    );
  }
  const slowest = a.slowest.tests.slice(0, SUMMARY_SLOWEST);
  if (slowest.length) {
    lines.push('  slowest tests:');
    const w = Math.max(...slowest.map((t) => formatMs(t.durationMs).length));
    for (const t of slowest) {
      const retries = t.attempts > 1 ? ` [${t.attempts} attempts]` : '';
      lines.push(`    ${formatMs(t.durationMs).padStart(w)}  ${short(t.title)}  (${short(t.file, 60)})${retries}`);
    }
  }
  if (a.criticalPath && (a.workers.length > 1 || s.workers > 1))
    lines.push(`  critical path: ${short(a.criticalPath.reason, 200)}`);
  if (a.retries.attempts)
    lines.push(
      `  retries: ${a.retries.attempts} (${formatMs(a.retries.wastedMs)} spent on attempts that were retried)`,
    );
  // Playwright's own errors (where: 'playwright') are in its output already.
  const warnings = run.errors.filter((e) => e.where !== 'playwright').length;
  if (warnings)
    lines.push(
      `  ${warnings} playwright-perf warning${warnings === 1 ? '' : 's'} (listed above; also in run.json "errors")`,
    );
  const verdicts = formatVerdicts(report);
  if (verdicts) lines.push(verdicts.trimEnd());
  if (run.notBaseline) lines.push(`  not added to history: ${run.notBaseline}`);
  const paths = [written.html, written.reportJson].filter((p): p is string => !!p).map((p) => displayPath(p, cwd));
  if (paths.length) lines.push(`  reports: ${paths.join('  ')}`);
  else lines.push('  no reports written');
  return lines.join('\n') + '\n';
}

export function printSummary(report: JsonReport, written: WrittenReports): void {
  process.stdout.write(formatSummary(report, written));
}
