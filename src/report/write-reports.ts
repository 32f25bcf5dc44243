// Writes run.json, report.json and index.html into the output folder, each atomically.
import { join, resolve } from 'node:path';
import type { JsonReport, PerfError } from '../types';
import { writeFileAtomic } from '../util/atomic-write';
import { perfError } from '../util/errors';
import { renderHtml } from './html/render-html';

export interface WrittenReports {
  dir: string;
  runJson?: string;
  reportJson?: string;
  html?: string;
}

/** report.json embeds the run record: its text is spliced in instead of serialising the biggest
 *  object twice, and written as pieces so the whole file never has to fit in one string (at 100,000
 *  tests it would not). The same JSON value, with `run` as the first key. */
export function reportJsonPieces(report: JsonReport, runJson: string): string[] {
  const { run: _run, ...rest } = report;
  const restJson = JSON.stringify(rest);
  return restJson === '{}' ? ['{"run":', runJson, '}'] : ['{"run":', runJson, ',', restJson.slice(1)];
}

export function writeReports(
  report: JsonReport,
  dir: string,
  opts: { html: boolean; json: boolean },
  errors: PerfError[],
): WrittenReports {
  const out: WrittenReports = { dir: resolve(dir) };
  if (opts.json) {
    try {
      out.runJson = join(out.dir, 'run.json');
      const runJson = JSON.stringify(report.run);
      writeFileAtomic(out.runJson, runJson);
      out.reportJson = join(out.dir, 'report.json');
      writeFileAtomic(out.reportJson, reportJsonPieces(report, runJson));
    } catch (e) {
      errors.push(perfError('report.writeJson', e, { severity: 'error' }));
      delete out.runJson;
      delete out.reportJson;
    }
  }
  if (opts.html) {
    try {
      out.html = join(out.dir, 'index.html');
      writeFileAtomic(out.html, renderHtml(report));
    } catch (e) {
      errors.push(perfError('report.writeHtml', e, { severity: 'error' }));
      delete out.html;
    }
  }
  return out;
}
