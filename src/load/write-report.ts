// Writes a load report: <out>/load.json (the JSON report, docs/load-report.schema.json) and
// <out>/index.html (the load view). Both atomically.
import { join } from 'node:path';
import type { LoadReport } from '../types/load';
import { writeFileAtomic } from '../util/atomic-write';
import { renderLoadHtml } from './html';

export function writeLoadReport(outDir: string, report: LoadReport): { json: string; html: string } {
  const json = join(outDir, 'load.json');
  const html = join(outDir, 'index.html');
  writeFileAtomic(json, JSON.stringify(report, null, 1) + '\n');
  writeFileAtomic(html, renderLoadHtml(report));
  return { json, html };
}
