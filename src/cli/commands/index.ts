// All CLI commands, in the order `--help` lists them.
import type { CliCommand } from '../command';

export const commands: CliCommand[] = [
];
