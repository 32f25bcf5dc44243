// `playwright-perf compare <baseline…> <current>`: the regression verdicts (and budgets) for any runs
// saved as run.json or report.json — without a history file. Several baseline files pool their samples.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { JSON_REPORT_KIND, type BudgetRule, type HistoryComparison, type RunRecord } from '../../types';
import { migrateRunRecord } from '../../store/migrate-run-record';
import { compactRun } from '../../analyze/history/compact-run';
import { environmentCaveats } from '../../analyze/history/baseline';
import { buildTrends, detectRegressions, DEFAULT_FDR, DEFAULT_MIN_CHANGE } from '../../analyze/history/regression';
import { evaluateBudgets } from '../../analyze/budgets/budgets';
import { DEFAULT_MIN_BASELINE_RUNS, DEFAULT_MIN_GATE_SAMPLES, evaluateGate } from '../../analyze/budgets/gate';
import { resolveBudgets } from '../../analyze/budgets/options';
import { formatVerdicts } from '../../report/verdict-text';
import { errorMessage } from '../../util/errors';

const USAGE = `Usage: playwright-perf compare <baseline.json>… <current.json> [options]

Compares the last file (the current run) with the others (the baseline; samples are pooled) and
prints regressions and improvements per test, step and metric. Files: run.json or report.json.

Options:
  --min-change <x>        minimum practical change, relative (default ${DEFAULT_MIN_CHANGE} = ${DEFAULT_MIN_CHANGE * 100} %)
  --fdr <x>               false discovery rate for Benjamini-Hochberg (default ${DEFAULT_FDR})
  --budget <rule>         also check a budget rule on the current run (repeatable), e.g. "p95(vital.LCP) < 2500"
  --fail-on-regression    exit 1 when a regression is found (once there are --min-baseline-runs baselines)
  --min-baseline-runs <n> baseline files needed before --fail-on-regression can fail (default ${DEFAULT_MIN_BASELINE_RUNS})
  --min-samples <n>       samples per side a regression needs to fail (default ${DEFAULT_MIN_GATE_SAMPLES})
  --fail-on-budget        exit 1 when an error-level budget is broken
  --json                  print the comparison as JSON
`;

function readRun(file: string): RunRecord {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${errorMessage(e)}`);
  }
  // A report.json carries the run record in `.run`; old record versions are upgraded.
  const candidate = (doc as { kind?: unknown })?.kind === JSON_REPORT_KIND ? (doc as { run: unknown }).run : doc;
  try {
    return migrateRunRecord(candidate).run;
  } catch (e) {
    throw new Error(`${file} is neither a playwright-perf run.json nor a report.json (${errorMessage(e)})`);
  }
}

function fraction(name: string, v: string | undefined, fallback: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > max)
    throw new UsageError(`--${name} must be a number from 0 to ${max}, got "${v}"`);
  return n;
}

function wholeNumber(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, got "${v}"`);
  return n;
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'regression verdicts between saved runs (run.json / report.json)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'min-change': { type: 'string' },
        fdr: { type: 'string' },
        budget: { type: 'string', multiple: true },
        'fail-on-regression': { type: 'boolean' },
        'fail-on-budget': { type: 'boolean' },
        json: { type: 'boolean' },
        'min-baseline-runs': { type: 'string' },
        'min-samples': { type: 'string' },
      },
    });
    if (positionals.length < 2) throw new UsageError('need at least two files: <baseline.json>… <current.json>');
    const settings = {
      minChange: fraction('min-change', values['min-change'], DEFAULT_MIN_CHANGE, 10),
      fdr: fraction('fdr', values.fdr, DEFAULT_FDR, 0.5),
    };
    if (settings.fdr === 0) throw new UsageError('--fdr must be above 0');
    const files = positionals.map((p) => resolve(io.cwd, p));
    const minBaselineRuns = wholeNumber('min-baseline-runs', values['min-baseline-runs'], DEFAULT_MIN_BASELINE_RUNS);
    const minSamples = wholeNumber('min-samples', values['min-samples'], DEFAULT_MIN_GATE_SAMPLES);
    const records = files.map(readRun);
    const runs = records.map((r) => compactRun(r));
    const current = runs[runs.length - 1];
    const baseline = runs.slice(0, -1);
    const detected = detectRegressions(baseline, current, settings);
    const comparison: HistoryComparison = {
      baseline: {
        kind: 'run',
        runIds: baseline.map((r) => r.runId),
        description: baseline.length === 1 ? positionals[0] : `${baseline.length} runs`,
      },
      caveats: [
        ...(detected.runWide ? (detected.runWide.caveats ?? [detected.runWide.caveat]) : []),
        ...environmentCaveats(baseline, current),
      ],
      findings: detected.findings,
      summary: detected.summary,
      current: { runId: current.runId, ...(current.branch ? { branch: current.branch } : {}) },
      settings,
      trends: buildTrends(
        [...baseline, current],
        detected.findings.filter((f) => f.verdict !== 'not-enough-data').slice(0, 20),
      ),
    };
    let budgets: ReturnType<typeof evaluateBudgets>['results'] | undefined;
    if (values.budget?.length) {
      const { budgets: rules, problems } = resolveBudgets(values.budget as unknown as BudgetRule[]);
      if (problems.length) throw new UsageError(problems.join('\n'));
      budgets = evaluateBudgets(rules, compactRun(records[records.length - 1], { allRepeats: true })).results;
    }
    const gateOptions = {
      failOnRegression: !!values['fail-on-regression'],
      failOnBudget: !!values['fail-on-budget'],
      minBaselineRuns,
      minSamples,
    };
    const gate = evaluateGate(gateOptions, budgets, comparison, '--min-baseline-runs');
    const report = {
      history: comparison,
      ...(budgets ? { budgets } : {}),
      ...(values['fail-on-regression'] || values['fail-on-budget'] ? { gate } : {}),
    };
    if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else {
      const text = formatVerdicts(report);
      io.stdout(
        text + (detected.summary.compared === 0 ? 'nothing to compare: the runs share no tests or metrics\n' : ''),
      );
    }
    return gate.failed ? 1 : 0;
  },
};
