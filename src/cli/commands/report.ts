// `playwright-perf report <run.json|report.json> [--out dir] [--no-html] [--no-json] [--slowest n]`
// Re-renders the reports from a saved run record — no browser, no Playwright run. Old record
// versions are upgraded first. History is never written (a re-render must not add the run twice);
// `--history <file>` compares against a history file read-only.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { JSON_REPORT_KIND, type PerfError } from '../../types';
import { migrateRunRecord } from '../../store/migrate-run-record';
import { buildReport } from '../../report/build-report';
import { writeReports } from '../../report/write-reports';
import { defaultOptions } from '../../reporter/options';
import { displayPath } from '../../reporter/terminal-summary';
import { errorMessage } from '../../util/errors';

const USAGE = `Usage: playwright-perf report <run.json|report.json> [options]

Re-renders the HTML and JSON reports from a saved run record (perf-report/run.json, or the
"run" inside a report.json). Needs no browser. Old record versions are upgraded.

Options:
  --out <dir>      folder to write into (default: the input file's folder)
  --no-html        do not write index.html
  --no-json        do not write run.json / report.json
  --slowest <n>    length of the slowest-N lists (default 10)
  --history <file> compare with this run history file (read only: the run is not added)
  -h, --help       show this help
`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Re-render reports from a saved run.json or report.json (no browser needed)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'no-html': { type: 'boolean' },
        'no-json': { type: 'boolean' },
        slowest: { type: 'string' },
        history: { type: 'string' },
      },
    });
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length
          ? `expected one input file, got ${positionals.length}`
          : 'missing the run.json or report.json to render',
      );
    const slowest = values.slowest !== undefined ? Number(values.slowest) : 10;
    if (!Number.isInteger(slowest) || slowest < 1)
      throw new UsageError(`--slowest must be a whole number ≥ 1, got "${values.slowest}"`);
    if (values['no-html'] && values['no-json'])
      throw new UsageError('--no-html and --no-json together leave nothing to write');

    const input = resolve(io.cwd, positionals[0]);
    let text: string;
    try {
      text = readFileSync(input, 'utf8');
    } catch (e) {
      io.stderr(
        `playwright-perf report: cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}\n`,
      );
      return 1;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      io.stderr(`playwright-perf report: ${input} is not valid JSON (${errorMessage(e)})\n`);
      return 1;
    }
    // A report.json carries the run record in `.run`.
    const candidate =
      (parsed as { kind?: unknown })?.kind === JSON_REPORT_KIND ? (parsed as { run: unknown }).run : parsed;
    let migrated: ReturnType<typeof migrateRunRecord>;
    try {
      migrated = migrateRunRecord(candidate);
    } catch (e) {
      io.stderr(`playwright-perf report: ${input}: ${errorMessage(e)}\n`);
      return 1;
    }
    const run = migrated.run;
    if (migrated.migratedFrom !== undefined)
      io.stdout(`upgraded run record from schema version ${migrated.migratedFrom}\n`);
    // A re-render never appends to history; with --history it compares against that file.
    const options = {
      ...defaultOptions(),
      slowest,
      history: values.history ? { path: resolve(io.cwd, values.history) } : (false as const),
    };
    const report = await buildReport(run, { options, rootDir: io.cwd, recordHistory: false });
    const errors: PerfError[] = [];
    const outDir = resolve(io.cwd, values.out ?? dirname(input));
    const written = writeReports(report, outDir, { html: !values['no-html'], json: !values['no-json'] }, errors);
    // JSON and HTML usually fail for the same reason (unwritable folder): say it once.
    for (const m of new Set(errors.map((e) => e.message)))
      io.stderr(`playwright-perf report: cannot write to ${displayPath(outDir, io.cwd)}: ${m}\n`);
    for (const e of report.analysis.errors) io.stderr(`playwright-perf report: warning (${e.where}): ${e.message}\n`);
    const paths = [written.html, written.reportJson, written.runJson].filter((p): p is string => !!p);
    for (const p of paths) io.stdout(`wrote ${displayPath(p, io.cwd)}\n`);
    return errors.length ? 1 : 0;
  },
};
