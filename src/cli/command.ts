// Shape of a CLI command. Each command lives in src/cli/commands/<name>.ts and is listed in
// src/cli/commands/index.ts. Arguments are parsed with node:util parseArgs in strict mode, so an
// unknown flag is an error naming the flag.

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for `playwright-perf --help`. */
  summary: string;
  /** Full help text for `playwright-perf <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad arguments: printed with the command's usage, exit code 2. */
export { UsageError } from '../util/usage-error';
