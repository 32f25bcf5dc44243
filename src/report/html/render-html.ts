// Minimal placeholder page; replaced by the full single-file report (issue: HTML report).
import type { JsonReport } from '../../types';
import { escapeHtml } from './escape';

export function renderHtml(report: JsonReport): string {
  const s = report.analysis.summary;
  return `<!doctype html><html><head><meta charset="utf-8"><title>playwright-perf</title></head><body>
<h1>playwright-perf</h1><p>Wall time ${escapeHtml((s.wallTimeMs / 1000).toFixed(1))} s, ${escapeHtml(s.tests)} tests, efficiency ${escapeHtml(Math.round(s.parallelEfficiency * 100))} %</p>
</body></html>`;
}
