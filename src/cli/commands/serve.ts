// `playwright-perf serve`: the history dashboard and JSON API. Runs until Ctrl-C / SIGTERM.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { openHistoryStore } from '../../store/history-store';
import { DEFAULT_HISTORY_PATH } from '../../store/options';
import { startServer } from '../../serve/server';
import { DEFAULT_HOST, DEFAULT_PORT, resolveServeOptions } from '../../serve/serve-options';
import { TOKEN_ENV } from '../../serve/auth';

const USAGE = `Usage: playwright-perf serve [options]

Serves a dashboard and a JSON API (/api/v1/…, see docs/api.md) over the run history.

Options:
  --history <file>  history file (default ${DEFAULT_HISTORY_PATH}, relative to the current folder)
  --db <url>        a Postgres history (postgres://…; env PLAYWRIGHT_PERF_HISTORY_URL)
  --port <n>        port (default ${DEFAULT_PORT}; 0 = any free port)
  --host <host>     address to listen on (default ${DEFAULT_HOST}; any other needs a token)
  --token <token>   allow writes (acknowledge/resolve alerts, roll back optimisations) with
                    "Authorization: Bearer <token>"; prefer the ${TOKEN_ENV} environment variable,
                    which other users of the machine cannot see in the process list
`;

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve a dashboard and JSON API over the run history',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        history: { type: 'string' },
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
      },
    });
    const config = resolveServeOptions(values, process.env, io.cwd);
    const log = (line: string) => io.stdout(`${line}\n`);
    const store = openHistoryStore(config.historyFile);
    const running = await startServer({
      store,
      host: config.host,
      port: config.port,
      token: config.token,
      log,
    });
    log(
      config.token
        ? `writes: allowed with the token from ${config.tokenSource}`
        : `writes: off (start with --token or ${TOKEN_ENV} to allow them)`,
    );
    log(`playwright-perf dashboard: ${running.url}`);
    log('press Ctrl-C to stop');
    let stopping = false;
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    let stopped: () => void = () => undefined;
    const stop = (signal: string) => {
      // A second Ctrl-C while open connections are being closed: leave at once.
      if (stopping) {
        log(`${signal} again: exiting now`);
        process.exit(130);
      }
      stopping = true;
      log(`${signal}: stopping`);
      running.close().then(
        () => stopped(),
        () => stopped(),
      );
    };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    await new Promise<void>((resolve) => {
      stopped = resolve;
    });
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await store.close?.();
    log('stopped');
    return 0;
  },
};
