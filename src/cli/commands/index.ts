// All CLI commands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { optimizeCommand } from './optimize';
import { rollbackCommand } from './rollback';
import { reportCommand } from './report';
import { showCommand } from './show';
import { historyCommand } from './history';
import { compareCommand } from './compare';
import { lighthouseCommand } from './lighthouse';
import { metricsCommand } from './metrics';
import { serveCommand } from './serve';
import { loadCommand } from './load';
import { shardArgsCommand, shardPlanCommand } from './shard-plan';

export const commands: CliCommand[] = [
  reportCommand,
  showCommand,
  historyCommand,
  compareCommand,
  serveCommand,
  lighthouseCommand,
  metricsCommand,
  loadCommand,
  optimizeCommand,
  rollbackCommand,
  shardPlanCommand,
  shardArgsCommand,
];
