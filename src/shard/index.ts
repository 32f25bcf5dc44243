// `playwright-perf/shard`: run one shard of a duration-balanced plan (see docs/optimizer.md#sharding).
export { shardFromPlan, shardArgs, parseShard, SHARD_ENV, type ShardOptions, type ShardConfig } from './shard-helper';
export { readPlanFile, writePlanFiles, DEFAULT_PLAN_DIR, PLAN_FILE } from './plan-file';
export { planShards, measureShards, type ShardPlanInput, type ShardTestSample } from '../analyze/optimizer/shard-plan';
export type { ShardPlan, ShardUnit, ShardAssignment, ShardSplit, ShardMeasurement } from '../types';
