// The optimizer API: plan (findings, recommendations, config diff), apply with backup, validate by
// measurement (with a worker sweep), roll back.
export {
  planOptimization,
  findConfig,
  historySampleOf,
  CONFIG_NAMES,
  type PlanOptions,
  type OptimizationPlan,
} from './plan';
export { rewriteConfig, type RewriteOptions } from './config-rewriter';
export { applyWithBackup, rollback, readManifest, backupDirFor, BACKUP_DIR, type RollbackOptions } from './backup';
export { applyAndValidate, DEFAULT_RUNS, type ValidateOptions, type ValidateResult } from './validate';
export { measureRun, type Measure, type MeasureOptions } from './measure';
export { compareSamples, type CompareSamples } from './compare';
export { unifiedDiff } from './diff';
export { sweepWorkers, type SweepResult } from './sweep';
export { recordInHistory } from './record-effect';
