// Builds the JSON report from a run record: analysis, then (when configured) history comparison,
// budgets and optimizer recommendations. Each stage is contained. Used by the reporter at the end
// of a run and by `playwright-perf report <run.json>`.
import {
  JSON_REPORT_KIND,
  JSON_REPORT_VERSION,
  type JsonReport,
  type PerfReporterOptions,
  type RunRecord,
} from '../types';
import { analyzeRun } from '../analyze/run';
import { containAsync } from '../util/errors';
import { faultsFrom, type Faults } from '../util/fault';
import { reportRecommendations } from '../optimize/report-recommendations';
import { addHistoryToReport } from './history-stage';

export interface BuildReportContext {
  options: PerfReporterOptions;
  /** Folder relative paths resolve against (the Playwright config's rootDir, or cwd for the CLI). */
  rootDir: string;
  /** Append the run to history (default true); `playwright-perf report` on an old run.json passes false. */
  recordHistory?: boolean;
  /** Test-only fault injection; default: read from PLAYWRIGHT_PERF_FAULT. */
  faults?: Faults;
}

export async function buildReport(run: RunRecord, ctx: BuildReportContext): Promise<JsonReport> {
  const analysis = analyzeRun(run, { slowest: ctx.options.slowest, faults: ctx.faults ?? faultsFrom(process.env) });
  const report: JsonReport = {
    kind: JSON_REPORT_KIND,
    schemaVersion: JSON_REPORT_VERSION,
    generatedAt: new Date().toISOString(),
    run,
    analysis,
  };
  if (ctx.options.recommendations !== false) {
    const recs = await containAsync(
      'report.recommendations',
      analysis.errors,
      async () => reportRecommendations(run, analysis),
      undefined,
    );
    if (recs) report.recommendations = recs;
  }
  // History, budgets, quality and the CI gate (contained inside).
  await addHistoryToReport(report, ctx);
  return report;
}
