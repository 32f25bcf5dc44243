// `playwright-perf optimize`: findings and recommendations from the last run, the config diff, and
// (with --apply) the edit with a backup; --validate measures before keeping it.
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from '../command';
import { UsageError } from '../command';
import type { RunRecord } from '../../types';
import type { OptimizationPlan } from '../../optimize/plan';
import { applyWithBackup } from '../../optimize/backup';
import { findConfig } from '../../optimize/find-config';
import { errorMessage } from '../../util/errors';

/** Runs per side for --validate (mirrors optimize/validate DEFAULT_RUNS; that module loads ts-morph lazily). */
const DEFAULT_RUNS = 3;

const usage = `Usage: playwright-perf optimize [options]

Finds what slows the suite down in the last run and proposes config changes with their expected
saving. Shows a unified diff of playwright.config; changes nothing unless --apply is given.

Options:
  --run <path>        run record to analyse (default: perf-report/run.json)
  --config <path>     config file to edit (default: the one the run used, else ./playwright.config.*)
  --history <path>    an earlier run.json to learn from (repeatable)
  --only <ids>        comma-separated recommendation ids to apply (default: all config changes
                      with a positive expected saving)
  --env <ci|local>    which side of \`process.env.CI ? a : b\` to edit (default: as the run)
  --apply             edit the config (keeps comments and formatting; writes a backup)
  --validate          with --apply: search by measurement — race worker counts, leave each change
                      out once to drop what does not measurably help, keep the result only if
                      faster than the current config with no new failures, else roll back
  --runs <n>          runs per arm at most for --validate (default ${DEFAULT_RUNS})
  --sweep <list>      worker counts to measure, e.g. 1,2,4 (default: from the recommendation)
  --no-sweep          do not sweep worker counts
  --budget <limit>    most --validate may spend: runs (baseline included), minutes, or both,
                      e.g. 20, 10m, 20,10m (default: the full search)
  --json              print the plan (and validation) as JSON
`;

/** `20` = runs, `10m` = minutes, `20,10m` = both. */
function parseBudget(text: string): { runs?: number; minutes?: number } {
  const out: { runs?: number; minutes?: number } = {};
  for (const part of text.split(',').map((s) => s.trim())) {
    const mins = /^(\d+(?:\.\d+)?)m$/.exec(part);
    if (mins && Number(mins[1]) > 0) out.minutes = Number(mins[1]);
    else if (/^\d+$/.test(part) && Number(part) > 0) out.runs = Number(part);
    else throw new UsageError(`--budget must be runs, minutes or both, e.g. 20, 10m, 20,10m (got ${text})`);
  }
  return out;
}

function readRun(path: string): RunRecord {
  if (!existsSync(path))
    throw new UsageError(
      `run record ${path} not found (run the suite with the playwright-perf reporter first, or pass --run)`,
    );
  let run: RunRecord;
  try {
    run = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${errorMessage(e)}`);
  }
  if (run?.kind !== 'playwright-perf-run') throw new Error(`${path} is not a playwright-perf run record`);
  return run;
}

function printPlan(plan: OptimizationPlan, io: CliIO): void {
  const a = plan.analysis;
  io.stdout(`Findings (${a.bottlenecks.length}):\n`);
  for (const b of a.bottlenecks) io.stdout(`  [${b.severity}] ${b.title} — costs ~${b.estimatedCostS} s/run\n`);
  io.stdout(`\nRecommendations (${a.recommendations.length}):\n`);
  for (const r of a.recommendations) {
    const mark = plan.selected.includes(r) ? '*' : ' ';
    io.stdout(
      `${mark} ${r.id}: ${r.title}\n    saves ~${(r.expectedSavingMs / 1000).toFixed(2)} s (${r.expectedSavingPct} %), confidence ${r.confidence}, risk ${r.risk}${r.kind === 'code' ? ', code change (not applied)' : ''}\n`,
    );
    if (r.basis) io.stdout(`    basis: ${r.basis}\n`);
    for (const p of r.prerequisites) io.stdout(`    requires: ${p}\n`);
  }
  io.stdout(
    `\nPredicted wall time with the config changes: ${(a.predictedWallMs / 1000).toFixed(1)} s (model error on this run ${a.modelErrorPct} %)\n`,
  );
  if (plan.configProblem) {
    io.stdout(`\nNo diff: ${plan.configProblem}\n`);
    return;
  }
  const rw = plan.rewrite!;
  if (rw.fileRefusal) io.stdout(`\nCannot edit ${plan.configPath}: ${rw.fileRefusal}\n`);
  for (const x of rw.refused) if (!rw.fileRefusal) io.stdout(`  not applied: ${x.edit.path} — ${x.reason}\n`);
  for (const x of rw.applied) if (x.note) io.stdout(`  note: ${x.edit.path} — ${x.note}\n`);
  io.stdout(rw.diff ? `\n${rw.diff}` : '\nNo config change to make.\n');
}

export const optimizeCommand: CliCommand = {
  name: 'optimize',
  summary: 'propose (and apply, validate) config changes that make the suite faster',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        run: { type: 'string' },
        config: { type: 'string' },
        history: { type: 'string', multiple: true },
        only: { type: 'string' },
        env: { type: 'string' },
        apply: { type: 'boolean' },
        validate: { type: 'boolean' },
        runs: { type: 'string' },
        sweep: { type: 'string' },
        'no-sweep': { type: 'boolean' },
        json: { type: 'boolean' },
        budget: { type: 'string' },
      },
    });
    if (values.validate && !values.apply)
      throw new UsageError(
        '--validate needs --apply (it applies the change, measures, and rolls back if it is not faster)',
      );
    if (values.env && values.env !== 'ci' && values.env !== 'local')
      throw new UsageError(`--env must be ci or local (got ${values.env})`);
    const runs = values.runs === undefined ? undefined : Number(values.runs);
    if (runs !== undefined && (!Number.isInteger(runs) || runs < 1 || runs > 50))
      throw new UsageError(`--runs must be an integer 1..50 (got ${values.runs})`);
    const sweep = values.sweep?.split(',').map((s) => Number(s.trim()));
    if (sweep && sweep.some((w) => !Number.isInteger(w) || w < 1))
      throw new UsageError(`--sweep must list worker counts, e.g. 1,2,4 (got ${values.sweep})`);
    const budget = values.budget === undefined ? undefined : parseBudget(values.budget);
    if (budget && !values.validate) throw new UsageError('--budget applies to --validate');
    if (budget?.runs !== undefined && budget.runs < (runs ?? DEFAULT_RUNS) + 1)
      throw new UsageError(
        `--budget ${values.budget}: needs at least ${(runs ?? DEFAULT_RUNS) + 1} runs (the baseline and one candidate run)`,
      );
    // ts-morph (in plan/validate) loads only when this command runs, not for every CLI call.
    const { planOptimization, historySampleOf } =
      require('../../optimize/plan') as typeof import('../../optimize/plan');
    const { applyAndValidate } = require('../../optimize/validate') as typeof import('../../optimize/validate');
    const { recordInHistory } =
      require('../../optimize/record-effect') as typeof import('../../optimize/record-effect');
    const run = readRun(resolve(io.cwd, values.run ?? 'perf-report/run.json'));
    const history = (values.history ?? []).map((p) => historySampleOf(readRun(resolve(io.cwd, p))));
    const configPath = values.config
      ? resolve(io.cwd, values.config)
      : run.config.configFile && existsSync(run.config.configFile)
        ? run.config.configFile
        : (findConfig(io.cwd) ?? undefined);
    // A config named explicitly must exist: a typo should not look like "nothing to change".
    if (values.config && !existsSync(configPath!)) {
      io.stderr(`playwright-perf optimize: --config ${configPath} does not exist\n`);
      return 1;
    }
    const plan = planOptimization({
      run,
      configPath,
      history,
      only: values.only
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      env: values.env as 'ci' | 'local' | undefined,
      measured: !!values.validate,
    });
    if (!values.json) printPlan(plan, io);
    if (!values.apply) {
      if (values.json)
        io.stdout(
          JSON.stringify(
            { plan: { configPath: plan.configPath, analysis: plan.analysis, rewrite: plan.rewrite } },
            null,
            2,
          ) + '\n',
        );
      else if (plan.rewrite?.diff)
        io.stdout('\nRun with --apply to make this change (a backup is kept; undo with `playwright-perf rollback`).\n');
      return 0;
    }
    if (!plan.rewrite || !plan.rewrite.applied.length || !plan.rewrite.diff) {
      io.stderr(
        `playwright-perf optimize: nothing to apply${plan.configProblem ? `: ${plan.configProblem}` : plan.rewrite?.fileRefusal ? `: ${plan.rewrite.fileRefusal}` : ''}\n`,
      );
      return values.json ? (io.stdout(JSON.stringify({ applied: false }) + '\n'), 1) : 1;
    }
    if (!values.validate) {
      const entry = applyWithBackup(
        plan.configPath!,
        plan.rewrite.text,
        plan.rewrite.applied.map((a) => a.edit),
      );
      const recorded = await recordInHistory(entry);
      if (!values.json) io.stderr(`history: ${recorded}\n`);
      if (values.json) io.stdout(JSON.stringify({ applied: true, backup: entry }, null, 2) + '\n');
      else
        io.stdout(
          `\nApplied to ${plan.configPath}. Backup: ${entry.backupPath}\nUndo with: playwright-perf rollback --config ${plan.configPath}\n`,
        );
      return 0;
    }
    io.stderr(
      `Validating: ${runs ?? DEFAULT_RUNS} runs before and after${values['no-sweep'] ? '' : ', plus a worker sweep'} …\n`,
    );
    const { entry, validation } = await applyAndValidate({
      plan,
      runs,
      budget,
      sweep: values['no-sweep'] ? false : sweep,
      progress: (s) => io.stderr(`  ${s}\n`),
    });
    if (validation.kept) io.stderr(`history: ${await recordInHistory(entry)}\n`);
    if (values.json) io.stdout(JSON.stringify({ applied: validation.kept, backup: entry, validation }, null, 2) + '\n');
    else {
      if (validation.sweep)
        io.stdout(
          `\nWorker sweep: ${validation.sweep.map((s) => `${s.workers}→${(s.medianMs / 1000).toFixed(1)} s (${s.runs.length} run${s.runs.length > 1 ? 's' : ''})`).join(', ')}; chose ${validation.chosenWorkers}\n`,
        );
      for (const e of validation.edits ?? []) {
        const effect =
          e.effectMs === undefined
            ? ''
            : ` saves ${(e.effectMs / 1000).toFixed(2)} s/run (${(e.withoutMedianMs! / 1000).toFixed(1)} s without it, ${(e.withMedianMs! / 1000).toFixed(1)} s with)`;
        io.stdout(`  ${e.kept ? 'kept   ' : 'dropped'} ${e.title}:${effect} — ${e.reason}\n`);
      }
      io.stdout(`Runs spent: ${validation.runsSpent}${validation.budgetExhausted ? ' (budget exhausted)' : ''}\n`);
      io.stdout(
        validation.kept
          ? `\nKept: ${validation.reason}.\nBackup: ${entry.backupPath} (undo with: playwright-perf rollback --config ${plan.configPath})\n`
          : `\nRolled back (${plan.configPath} is unchanged): ${validation.reason}.\n`,
      );
    }
    return 0;
  },
};
