// `playwright-perf lighthouse <url...>`: standalone Lighthouse audits, N runs per URL, median run.
// Writes a run record (run.json) + report.json + index.html like a Playwright run, so the same
// report, history and budgets apply; the full Lighthouse report of every run sits next to them.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import type { PerfError } from '../../types';
import { resolveAuditOptions } from '../../lighthouse/audit-options';
import { THRESHOLD_KEYS } from '../../lighthouse/map-result';
import { LIGHTHOUSE_CATEGORIES } from '../../lighthouse/constants';
import { auditUrls, parseStorageState } from '../../lighthouse/standalone';
import { readFileSync } from 'node:fs';
import { buildStandaloneRecord } from '../../lighthouse/standalone-record';
import { chromiumExecutablePath } from '../../browser/resolve-chromium';
import { collectRunMeta } from '../../reporter/run-meta';
import { buildReport } from '../../report/build-report';
import { writeReports } from '../../report/write-reports';
import { defaultOptions } from '../../reporter/options';
import { displayPath } from '../../reporter/terminal-summary';
import { errorMessage } from '../../util/errors';
import { playwrightVersion } from '../../util/playwright-install';

/** Default runs per URL: Lighthouse CI's default `numberOfRuns` is 3 (median of 3). */
export const DEFAULT_RUNS = 3;
export const DEFAULT_LIGHTHOUSE_OUT = 'perf-report-lighthouse';

const USAGE = `Usage: playwright-perf lighthouse <url...> [options]

Audits each URL with Lighthouse ${'(12.x)'} in its own headless Chromium (the same Chromium the
fixtures use), N runs per URL, and reports the median run (by performance score). Audits run one
at a time, also across other playwright-perf processes on this machine.
Writes run.json, report.json and index.html (like a Playwright run) plus the full Lighthouse
report of every run into --out.

Options:
  --runs <n>              runs per URL (default ${DEFAULT_RUNS})
  --categories <list>     comma-separated: ${LIGHTHOUSE_CATEGORIES.join(', ')} (default performance)
  --form-factor <f>       mobile (default) or desktop
  --throttling <m>        simulate (default), provided (none) or devtools
  --threshold <key=n>     budget on the median run, repeatable: a category score minimum
                          (performance=90) or a metric maximum (lcpMs=2500, tbtMs, cls, siMs, fcpMs, ttiMs)
  --timeout <ms>          per-audit timeout (default 90000)
  --out <dir>             output folder (default ${DEFAULT_LIGHTHOUSE_OUT})
  --storage-state <file>  audit logged in: a Playwright storage state file (cookies and
                          localStorage, e.g. from context.storageState({ path }))
  --chromium <path>       Chromium binary (default: Playwright's, $PLAYWRIGHT_PERF_CHROMIUM, system)
  -h, --help              show this help

Exit code: 0 all URLs audited within budget, 1 a budget breach or an URL that could not be
audited, 2 bad arguments.
`;

function parseThresholds(list: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) {
    const m = /^([a-zA-Z-]+)=(.+)$/.exec(item);
    if (!m) throw new UsageError(`--threshold expects key=number, got "${item}"`);
    if (!THRESHOLD_KEYS.includes(m[1]))
      throw new UsageError(`unknown --threshold key "${m[1]}"; known: ${THRESHOLD_KEYS.join(', ')}`);
    const v = Number(m[2]);
    if (!Number.isFinite(v)) throw new UsageError(`--threshold ${m[1]} must be a number, got "${m[2]}"`);
    out[m[1]] = v;
  }
  return out;
}

export const lighthouseCommand: CliCommand = {
  name: 'lighthouse',
  summary: 'Lighthouse audits of URLs: N runs each, median run, budgets, full reports',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        runs: { type: 'string' },
        categories: { type: 'string' },
        'form-factor': { type: 'string' },
        throttling: { type: 'string' },
        threshold: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        out: { type: 'string' },
        chromium: { type: 'string' },
        'storage-state': { type: 'string' },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one URL to audit');
    for (const u of positionals) {
      if (!/^https?:\/\/[^\s]+$/.test(u)) throw new UsageError(`not an http(s) URL: "${u}"`);
    }
    const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 50)
      throw new UsageError(`--runs must be a whole number 1..50, got "${values.runs}"`);
    let options: ReturnType<typeof resolveAuditOptions>;
    try {
      options = resolveAuditOptions({
        ...(values.categories !== undefined
          ? {
              categories: values.categories
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(values['form-factor'] !== undefined ? { formFactor: values['form-factor'] } : {}),
        ...(values.throttling !== undefined ? { throttling: values.throttling } : {}),
        ...(values.timeout !== undefined ? { timeoutMs: Number(values.timeout) } : {}),
        thresholds: parseThresholds(values.threshold ?? []),
        shareStorage: false,
      });
    } catch (e) {
      throw new UsageError(
        errorMessage(e).replace(
          /lighthouse option "(\w+)"/,
          (_, k: string) => `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()).replace('timeout-ms', 'timeout')}`,
        ),
      );
    }
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_LIGHTHOUSE_OUT);
    const chromiumPath = values.chromium ? resolve(io.cwd, values.chromium) : chromiumExecutablePath();
    let storageState: ReturnType<typeof parseStorageState> | undefined;
    if (values['storage-state'] !== undefined) {
      const file = resolve(io.cwd, values['storage-state']);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(
          `cannot read --storage-state ${file}: ${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}`,
        );
      }
      try {
        storageState = parseStorageState(text, file);
      } catch (e) {
        throw new UsageError(errorMessage(e));
      }
    }

    const start = Date.now();
    const urls = await auditUrls({
      urls: positionals,
      runs,
      options,
      chromiumPath,
      reportDir: join(outDir, 'lighthouse'),
      ...(storageState ? { storageState } : {}),
      log: (line) => io.stderr(line + '\n'),
    });
    const run = buildStandaloneRecord({
      runId: randomUUID(),
      startTime: start,
      endTime: Date.now(),
      timeoutMs: options.timeoutMs,
      meta: collectRunMeta(playwrightVersion(), io.cwd, { source: 'playwright-perf lighthouse' }),
      urls,
    });
    const report = await buildReport(run, { options: { ...defaultOptions(), history: false }, rootDir: io.cwd });
    const errors: PerfError[] = [];
    const written = writeReports(report, outDir, { html: true, json: true }, errors);
    for (const e of errors) io.stderr(`playwright-perf lighthouse: ${e.message}\n`);

    for (const u of urls) {
      const m = u.median;
      const scores = m
        ? Object.entries(m.scores)
            .map(([k, v]) => `${k} ${v ?? '–'}`)
            .join(', ')
        : 'no result';
      const spread = m?.runScores ? ` (runs: ${m.runScores.map((s) => s ?? '–').join(', ')})` : '';
      io.stdout(`${u.errors.length ? '✗' : '✓'} ${u.url}: ${scores}${spread}\n`);
      if (m?.artifacts?.html) io.stdout(`  report: ${displayPath(m.artifacts.html, io.cwd)}\n`);
      for (const e of u.errors)
        io.stdout(
          e
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n') + '\n',
        );
    }
    for (const p of [written.html, written.reportJson, written.runJson].filter((p): p is string => !!p))
      io.stdout(`wrote ${displayPath(p, io.cwd)}\n`);
    return urls.some((u) => u.errors.length) || errors.length ? 1 : 0;
  },
};
