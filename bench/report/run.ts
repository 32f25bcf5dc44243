// bench/report — how fast the HTML report is made and opened, at 1,000, 10,000 and 100,000 tests.
//
//   node --import tsx bench/report/run.ts [--sizes 1000,10000,100000] [--samples 3] [--no-playwright] [--no-synthetic]
//
// Sizes above 10,000 replay the real 10,000-test blob k times (scale-blob.ts) instead of running
// 100,000 real tests. Each size also merges with the null reporter: "added over null" is what a
// reporter costs on top of Playwright's own merge.
//
// Part 1 (synthetic run records with 20 runs of history): render time, peak RSS of the rendering
// process, file size, time until interactive in Chromium. One fresh process per sample; medians.
// Part 2 (side by side): one real Playwright run of a trivial N-test suite with the blob reporter,
// then `playwright merge-reports` of that blob into (a) Playwright's HTML reporter and (b) ours:
// wall time and peak RSS of the merge process, output size, time until interactive. Medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../../test/helpers/report-page';
import { timeToInteractive } from './tti';
import { scaleBlob } from './scale-blob';
import { openAndFilter } from './filter-time';

/** Largest suite run for real; bigger sizes replay this blob k times (scale-blob.ts). */
const REAL_MAX = 10_000;

const ROOT = resolve(__dirname, '..', '..');
const TMP = join(ROOT, 'bench', '.tmp', 'report');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    samples: { type: 'string', default: '3' },
    'no-playwright': { type: 'boolean' },
    'no-synthetic': { type: 'boolean' },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const SAMPLES = Number(values.samples);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (b: number) => (b / 2 ** 20).toFixed(2) + ' MiB';

/** Runs a command under GNU time: wall seconds and peak RSS (KiB) of the child. */
function timed(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): { wallMs: number; peakMb: number; stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M', cmd, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr);
  return {
    wallMs: m ? Number(m[1]) * 1000 : NaN,
    peakMb: m ? Number(m[2]) / 1024 : NaN,
    stdout: r.stdout,
    stderr: r.stderr,
    status: r.status,
  };
}

async function synthetic(): Promise<void> {
  console.log(`\n== Synthetic run records, 20 runs of history (${SAMPLES} samples each, medians) ==`);
  const browser = await launch();
  for (const size of SIZES) {
    const rows: Array<Record<string, number>> = [];
    const file = join(TMP, `synthetic-${size}.html`);
    for (let i = 0; i < SAMPLES; i++) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'render-child.ts'), String(size), file],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 2 ** 26 },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      rows.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
      rows[i].ttiMs = await timeToInteractive(browser, file, 'perf');
    }
    const m = (k: string) => median(rows.map((r) => r[k]));
    console.log(
      `${size.toLocaleString('en-US')} tests: render ${m('renderMs').toFixed(0)} ms · peak RSS ${m('peakMb').toFixed(0)} MiB (input report alone ${m('rssBeforeMb').toFixed(0)} MiB) · ` +
        `index.html ${mb(m('bytes'))} (view model ${mb(m('vmBytes'))} before gzip; run.json ${mb(m('runJsonBytes'))}) · interactive in Chromium after ${m('ttiMs').toFixed(0)} ms`,
    );
  }
  await browser.close();
}

/** A trivial suite: N tests in files of 100, each with one step, no browser. */
function writeSuite(dir: string, n: number): void {
  mkdirSync(join(dir, 'tests'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
  const link = (from: string, to: string) => {
    if (!existsSync(to)) spawnSync('ln', ['-s', from, to]);
  };
  link(ROOT, join(dir, 'node_modules', 'playwright-perf'));
  link(join(ROOT, 'node_modules', '@playwright', 'test'), join(dir, 'node_modules', '@playwright', 'test'));
  link(join(ROOT, 'node_modules', 'playwright'), join(dir, 'node_modules', 'playwright'));
  link(join(ROOT, 'node_modules', 'playwright-core'), join(dir, 'node_modules', 'playwright-core'));
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  for (let f = 0; f < Math.ceil(n / 100); f++) {
    const count = Math.min(100, n - f * 100);
    writeFileSync(
      join(dir, 'tests', `f${f}.spec.ts`),
      `import { test, expect } from '@playwright/test';
for (let i = 0; i < ${count}; i++) test('case ' + (${f * 100} + i) + (i % 7 === 3 ? ' התחברות' : ''), async () => { await test.step('work', async () => { expect(i).toBeGreaterThanOrEqual(0); }); });
`,
    );
  }
  writeFileSync(
    join(dir, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: './tests', workers: 2, fullyParallel: true, reporter: [['blob']] });
`,
  );
  writeFileSync(
    join(dir, 'merge-perf.config.ts'),
    `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: './tests', reporter: [['playwright-perf', { history: false, summary: false, recommendations: false }]] });
`,
  );
}

async function sideBySide(): Promise<void> {
  console.log(
    `\n== Same run, merged from one blob: Playwright's HTML reporter vs playwright-perf (${SAMPLES} samples, medians) ==`,
  );
  const browser = await launch();
  const cli = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const realBlob = (size: number) => {
    const dir = join(TMP, `suite-${size}`);
    const blob = join(dir, 'blob-keep');
    if (!existsSync(join(blob, 'done'))) {
      rmSync(dir, { recursive: true, force: true });
      writeSuite(dir, size);
      const t = Date.now();
      const run = timed(process.execPath, [cli, 'test'], dir);
      if (run.status !== 0) throw new Error(`suite run failed: ${run.stderr.slice(-2000)}`);
      cpSync(join(dir, 'blob-report'), blob, { recursive: true });
      writeFileSync(join(blob, 'done'), String(Date.now() - t));
    }
    return { dir, blob };
  };
  for (const size of SIZES) {
    let { dir, blob } = size <= REAL_MAX ? realBlob(size) : realBlob(REAL_MAX);
    if (size > REAL_MAX) {
      if (size % REAL_MAX) throw new Error(`sizes above ${REAL_MAX} must be multiples of it`);
      const scaled = join(dir, `blob-${size}`);
      if (!existsSync(join(scaled, 'report.zip'))) scaleBlob(blob, size / REAL_MAX, scaled);
      writeFileSync(
        join(scaled, 'done'),
        `${readFileSync(join(blob, 'done'), 'utf8')} ms for ${REAL_MAX}, replayed ×${size / REAL_MAX}`,
      );
      blob = scaled;
    }
    const pw: Array<Record<string, number>> = [],
      ours: Array<Record<string, number>> = [],
      none: Array<Record<string, number>> = [];
    for (let i = 0; i < SAMPLES; i++) {
      const n = timed(process.execPath, [cli, 'merge-reports', '--reporter', 'null', blob], dir);
      if (n.status !== 0) throw new Error(n.stderr);
      none.push({ wallMs: n.wallMs, peakMb: n.peakMb });
      rmSync(join(dir, 'playwright-report'), { recursive: true, force: true });
      const a = timed(process.execPath, [cli, 'merge-reports', '--reporter', 'html', blob], dir, {
        PLAYWRIGHT_HTML_OPEN: 'never',
        PW_TEST_HTML_REPORT_OPEN: 'never',
      });
      if (a.status !== 0) throw new Error(a.stderr);
      const pwFile = join(dir, 'playwright-report', 'index.html');
      pw.push({
        wallMs: a.wallMs,
        peakMb: a.peakMb,
        bytes: dirBytes(join(dir, 'playwright-report')),
        ttiMs: await timeToInteractive(browser, pwFile, 'playwright'),
      });
      rmSync(join(dir, 'perf-report'), { recursive: true, force: true });
      const b = timed(process.execPath, [cli, 'merge-reports', '--config', 'merge-perf.config.ts', blob], dir);
      if (b.status !== 0 || !existsSync(join(dir, 'perf-report', 'index.html'))) throw new Error(b.stderr + b.stdout);
      const ourFile = join(dir, 'perf-report', 'index.html');
      const f = await openAndFilter(browser, ourFile, 'case 4242');
      ours.push({
        wallMs: b.wallMs,
        peakMb: b.peakMb,
        bytes: statSync(ourFile).size,
        ttiMs: f.ttiMs,
        filterMs: f.filterMs,
        testsViewMs: f.testsViewMs,
      });
    }
    const m = (rows: Array<Record<string, number>>, k: string) => median(rows.map((r) => r[k]));
    const line = (name: string, rows: Array<Record<string, number>>) =>
      `  ${name.padEnd(22)} merge ${m(rows, 'wallMs').toFixed(0).padStart(6)} ms · peak RSS ${m(rows, 'peakMb').toFixed(0).padStart(4)} MiB · output ${mb(m(rows, 'bytes')).padStart(10)} · interactive ${m(rows, 'ttiMs').toFixed(0).padStart(5)} ms`;
    console.log(
      `${size.toLocaleString('en-US')} tests (blob from one real run, ${readFileSync(join(blob, 'done'), 'utf8')} ms):`,
    );
    console.log(line('Playwright html', pw));
    console.log(line('playwright-perf (ours)', ours));
    console.log(
      `  ratio ours/theirs: merge ${(m(ours, 'wallMs') / m(pw, 'wallMs')).toFixed(2)} · size ${(m(ours, 'bytes') / m(pw, 'bytes')).toFixed(2)} · interactive ${(m(ours, 'ttiMs') / m(pw, 'ttiMs')).toFixed(2)}`,
    );
    const added = (rows: Array<Record<string, number>>) => m(rows, 'wallMs') - m(none, 'wallMs');
    console.log(
      `  null reporter          merge ${m(none, 'wallMs').toFixed(0).padStart(6)} ms · peak RSS ${m(none, 'peakMb').toFixed(0).padStart(4)} MiB`,
    );
    console.log(
      `  added over null: ours ${added(ours).toFixed(0)} ms, Playwright html ${added(pw).toFixed(0)} ms → ${(added(ours) / added(pw)).toFixed(2)}× · ` +
        `ours: tests view ${m(ours, 'testsViewMs').toFixed(0)} ms, filter ${m(ours, 'filterMs').toFixed(0)} ms`,
    );
  }
  await browser.close();
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

(async () => {
  mkdirSync(TMP, { recursive: true });
  console.log(`bench/report — ${new Date().toISOString()} — node ${process.version}`);
  if (!values['no-synthetic']) await synthetic();
  if (!values['no-playwright']) await sideBySide();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
