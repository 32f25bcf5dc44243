// End-of-run summary on stdout: wall time, efficiency, slowest tests, where the reports are.
import type { JsonReport } from '../types';
import type { WrittenReports } from '../report/write-reports';
import { formatVerdicts } from '../report/verdict-text';

export function formatSummary(report: JsonReport, written: WrittenReports): string {
  const s = report.analysis.summary;
  const lines = [
    '',
    `playwright-perf: wall ${(s.wallTimeMs / 1000).toFixed(1)} s · ${s.tests} tests · ${s.workers} workers · parallel efficiency ${Math.round(s.parallelEfficiency * 100)} %`,
  ];
  const verdicts = formatVerdicts(report);
  if (verdicts) lines.push(verdicts.trimEnd());
  if (written.html) lines.push(`  HTML report: ${written.html}`);
  if (written.reportJson) lines.push(`  JSON report: ${written.reportJson}`);
  return lines.join('\n') + '\n';
}

export function printSummary(report: JsonReport, written: WrittenReports): void {
  process.stdout.write(formatSummary(report, written));
}
