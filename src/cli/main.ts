#!/usr/bin/env node
// `npx playwright-perf <command> [options]`.
import { commands } from './commands';
import { UsageError, type CliIO } from './command';
import { perfVersion } from '../util/version';
import { errorMessage } from '../util/errors';

function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    'Usage: playwright-perf <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: playwright-perf <command> --help)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(globalHelp());
    return name ? 0 : 2;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(perfVersion() + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`playwright-perf: unknown command "${name}". Run "playwright-perf --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`playwright-perf ${name}: ${errorMessage(e)}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`playwright-perf ${name}: ${errorMessage(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
