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

export function writeReports(report: JsonReport, dir: string, opts: { html: boolean; json: boolean }, errors: PerfError[]): WrittenReports {
  const out: WrittenReports = { dir: resolve(dir) };
  if (opts.json) {
    try {
      out.runJson = join(out.dir, 'run.json');
      writeFileAtomic(out.runJson, JSON.stringify(report.run));
      out.reportJson = join(out.dir, 'report.json');
      writeFileAtomic(out.reportJson, JSON.stringify(report));
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
