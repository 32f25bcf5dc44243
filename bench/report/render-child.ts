// Child process of bench/report/run.ts: builds one synthetic report, renders index.html once, and
// prints JSON figures. A fresh process per sample so peak RSS belongs to this render alone.
import { writeFileSync } from 'node:fs';
import { syntheticReport } from '../../test/helpers/synthetic-report';
import { clientAssets, renderHtml } from '../../src/report/html/render-html';
import { buildViewModel } from '../../src/report/html/build-view-model';

const [size, out] = [Number(process.argv[2]), process.argv[3]];
const report = syntheticReport({ tests: size, workers: 8, historyRuns: 20, seed: 42 });
// The installed package reads its page script prebuilt; from source it is bundled on first use
// (~0.2 s of esbuild), which is not part of rendering a report: do it before the clock starts.
clientAssets();
const rssBeforeKb = process.resourceUsage().maxRSS;
const t0 = performance.now();
const html = renderHtml(report);
const renderMs = performance.now() - t0;
const peakKb = process.resourceUsage().maxRSS;
writeFileSync(out, html);
const vmBytes = JSON.stringify(buildViewModel(report)).length;
process.stdout.write(
  JSON.stringify({
    renderMs,
    rssBeforeMb: rssBeforeKb / 1024,
    peakMb: peakKb / 1024,
    bytes: Buffer.byteLength(html),
    vmBytes,
    runJsonBytes: JSON.stringify(report.run).length,
  }) + '\n',
);
