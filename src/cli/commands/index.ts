// All CLI commands, in the order `--help` lists them.
import type { CliCommand } from '../command';
import { historyCommand } from './history';
import { compareCommand } from './compare';

export const commands: CliCommand[] = [
  historyCommand,
  compareCommand,
];
