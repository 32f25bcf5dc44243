// All CLI commands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { optimizeCommand } from './optimize';
import { rollbackCommand } from './rollback';

export const commands: CliCommand[] = [
  optimizeCommand,
  rollbackCommand,
];
