// Full Lighthouse reports (HTML to read, JSON to re-process) saved next to the test's other outputs.
// Our run record keeps only scores, key metrics and failing audits; these files keep everything.
import type { Lhr, LighthouseModule } from './lighthouse-types';
import { writeFileAtomic } from '../util/atomic-write';

export function saveReports(
  lh: Pick<LighthouseModule, 'generateReport'>,
  lhr: Lhr,
  base: string,
): { html: string; json: string } {
  const html = `${base}.html`;
  const json = `${base}.json`;
  writeFileAtomic(json, JSON.stringify(lhr));
  writeFileAtomic(html, lh.generateReport(lhr, 'html'));
  return { html, json };
}
