// Recommendations for the JSON/HTML report: computed from the run (pure analysis), each config
// recommendation with its unified diff of the config file when that file is readable. ts-morph is
// loaded only when there is a config change to show.
import { existsSync } from 'node:fs';
import type { Recommendation, RunAnalysis, RunRecord } from '../types';
import { optimizeAnalysis } from '../analyze/optimizer/recommendations';

export function reportRecommendations(run: RunRecord, analysis?: RunAnalysis): Recommendation[] {
  const recs = optimizeAnalysis({ run, analysis }).recommendations;
  const file = run.config.configFile;
  if (!file || !existsSync(file) || !recs.some((r) => r.kind === 'config' && r.edits.length)) return recs;
  const { planOptimization } = require('./plan') as typeof import('./plan');
  return planOptimization({ run, configPath: file }).analysis.recommendations;
}
