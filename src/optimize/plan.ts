// From a run record to a concrete plan: findings, recommendations (each with its own diff), and the
// combined rewrite of the config file for the recommendations that can be applied.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OptimizerHistorySample, Recommendation, RewriteResult, RunRecord } from '../types';
import { optimizeAnalysis, type OptimizerAnalysis } from '../analyze/optimizer/recommendations';
import { rewriteConfig } from './config-rewriter';
import type { EnvMode } from './config-source';
export { findConfig, CONFIG_NAMES } from './find-config';

export interface PlanOptions {
  run: RunRecord;
  /** Config file to edit; default: the one the run used (run.config.configFile). */
  configPath?: string;
  history?: OptimizerHistorySample[];
  /** Recommendation ids to apply; default: every config recommendation with a positive expected saving. */
  only?: string[];
  /** Which side of `process.env.CI ? a : b` to edit; default from run.meta.ci. */
  env?: EnvMode;
  /** The plan will be measured (--validate): also select changes one run cannot price (headless). */
  measured?: boolean;
}

export interface OptimizationPlan {
  configPath: string | null;
  /** Why no rewrite was attempted (no config file…). */
  configProblem?: string;
  env: EnvMode;
  analysis: OptimizerAnalysis;
  /** Recommendations whose edits are in `rewrite`. */
  selected: Recommendation[];
  rewrite: RewriteResult | null;
}

/** A past run record reduced to what the optimizer learns from. */
export function historySampleOf(run: RunRecord): OptimizerHistorySample {
  return {
    runId: run.runId,
    startTime: run.startTime,
    wallTimeMs: run.wallTimeMs,
    workers: run.config.workers,
    fullyParallel: run.config.fullyParallel,
    trace: run.config.projects[0]?.use.trace,
    tests: run.tests.length,
    failed: run.tests.filter((t) => t.outcome === 'unexpected').length,
    machineCpus: run.meta.machine.cpus,
  };
}

export function planOptimization(opts: PlanOptions): OptimizationPlan {
  const env: EnvMode = opts.env ?? (opts.run.meta.ci ? 'ci' : 'local');
  const analysis = optimizeAnalysis({ run: opts.run, history: opts.history });
  const configPath = opts.configPath ? resolve(opts.configPath) : (opts.run.config.configFile ?? null);
  const plan: OptimizationPlan = { configPath, env, analysis, selected: [], rewrite: null };
  const wanted = (r: Recommendation) =>
    r.kind === 'config' &&
    r.edits.length > 0 &&
    (opts.only
      ? opts.only.includes(r.id) || opts.only.includes(r.bottleneckId)
      : r.expectedSavingMs > 0 || (!!opts.measured && !!r.unpriced));
  if (opts.only) {
    const unknown = opts.only.filter(
      (id) => !analysis.recommendations.some((r) => r.id === id || r.bottleneckId === id),
    );
    if (unknown.length)
      throw new Error(
        `unknown recommendation id(s): ${unknown.join(', ')} (known: ${analysis.recommendations.map((r) => r.id).join(', ') || 'none'})`,
      );
  }
  if (!configPath || !existsSync(configPath)) {
    plan.configProblem = configPath
      ? `config file ${configPath} not found`
      : 'the run record does not name its config file; pass --config';
    return plan;
  }
  const original = readFileSync(configPath, 'utf8');
  for (const r of analysis.recommendations.filter((x) => x.kind === 'config' && x.edits.length)) {
    const one = rewriteConfig(original, configPath, r.edits, { env });
    if (one.diff) r.diff = one.diff;
  }
  plan.selected = analysis.recommendations.filter(wanted);
  plan.rewrite = rewriteConfig(
    original,
    configPath,
    plan.selected.flatMap((r) => r.edits),
    { env },
  );
  return plan;
}
