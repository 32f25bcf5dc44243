// `playwright-perf rollback`: restores a config edited by `optimize --apply` from its backup, byte for byte.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { rollback, readManifest, backupDirFor } from '../../optimize/backup';
import { findConfig } from '../../optimize/find-config';

const usage = `Usage: playwright-perf rollback [options]

Restores the config from the newest backup that optimize --apply wrote (byte-identical).

Options:
  --config <path>   the config file (default: ./playwright.config.*)
  --id <id>         restore this backup instead of the newest
  --list            list the backups and their status
  --force           restore even if the config was changed by hand since the edit
`;

export const rollbackCommand: CliCommand = {
  name: 'rollback',
  summary: 'undo a config change made by optimize --apply (restores the backup byte for byte)',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        id: { type: 'string' },
        list: { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
    const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
    if (!configPath) throw new UsageError('no playwright.config.* in this folder; pass --config');
    if (values.list) {
      const m = readManifest(backupDirFor(configPath));
      const mine = m.entries.filter((e) => e.configPath === configPath);
      if (!mine.length) io.stdout(`No backups for ${configPath}.\n`);
      for (const e of mine)
        io.stdout(
          `${e.id}  ${e.status.padEnd(11)}  ${e.edits.map((x) => `${x.path}=${x.toExpression ?? JSON.stringify(x.to)}`).join(', ')}${e.validation ? `  (${e.validation.reason})` : ''}\n`,
        );
      return 0;
    }
    const entry = rollback(configPath, { id: values.id, force: values.force });
    io.stdout(`Restored ${configPath} from ${entry.backupPath} (backup ${entry.id}).\n`);
    return 0;
  },
};
