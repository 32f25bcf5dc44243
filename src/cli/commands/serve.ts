// `playwright-perf serve`: the history dashboard and JSON API. Runs until Ctrl-C / SIGTERM.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { errorMessage } from '../../util/errors';
import { openHistoryStore } from '../../store/history-store';
import { DEFAULT_HISTORY_PATH } from '../../store/options';
import { startServer } from '../../serve/server';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  MAX_WORKERS,
  type ServeConfig,
  resolveServeOptions,
} from '../../serve/serve-options';
import { TOKEN_ENV } from '../../serve/auth';
import { isServeWorker, reportWorkerReady, superviseWorkers, workerLog } from '../../serve/cluster';

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
  --workers <n>     server processes sharing the port (default 1, at most ${MAX_WORKERS}): answers are
                    computed n at a time, for n × the memory; one per core suits many viewers
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
        workers: { type: 'string' },
      },
    });
    const config = resolveServeOptions(values, process.env, io.cwd);
    const log = (line: string) => io.stdout(`${line}\n`);
    if (isServeWorker()) return runWorker(config).then(leaveCluster, failInCluster);
    log(
      config.token
        ? `writes: allowed with the token from ${config.tokenSource}`
        : `writes: off (start with --token or ${TOKEN_ENV} to allow them)`,
    );
    return config.workers > 1 ? runPrimary(config, log) : runSingle(config, log);
  },
};

type Log = (line: string) => void;

/** Ctrl-C / SIGTERM call `stop` once; a second signal leaves at once. Returns the remover. */
function onStopSignals(log: Log, stop: (signal: string) => void): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    stop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** Opens the store and serves until the `stop` handed to `wire` is called; `wire` says how (signals,
 *  the primary's message) and returns what undoes that. Then closes the server and the store. */
async function serveUntilStopped(
  config: ServeConfig,
  log: Log,
  wire: (url: string, stop: () => void) => () => void,
): Promise<void> {
  const store = openHistoryStore(config.historyFile);
  const running = await startServer({ store, host: config.host, port: config.port, token: config.token, log });
  await new Promise<void>((resolve) => {
    let closing = false;
    let unwire: () => void = () => undefined;
    const stop = () => {
      if (closing) return;
      closing = true;
      const done = () => (unwire(), resolve());
      running.close().then(done, done);
    };
    unwire = wire(running.url, stop);
  });
  await store.close?.();
}

async function runSingle(config: ServeConfig, log: Log): Promise<number> {
  await serveUntilStopped(config, log, (url, stop) => {
    log(`playwright-perf dashboard: ${url}`);
    log('press Ctrl-C to stop');
    return onStopSignals(log, (signal) => {
      log(`${signal}: stopping`);
      stop();
    });
  });
  log('stopped');
  return 0;
}

async function runPrimary(config: ServeConfig, log: Log): Promise<number> {
  const workers = superviseWorkers(config.workers, log);
  const off = onStopSignals(log, (signal) => {
    log(`${signal}: stopping`);
    workers.stop();
  });
  try {
    const url = await workers.ready;
    log(`${config.workers} server processes listening`);
    log(`playwright-perf dashboard: ${url}`);
    log('press Ctrl-C to stop');
  } catch (e) {
    log(`error: ${(e as Error).message}`);
  }
  const code = await workers.done;
  off();
  log('stopped');
  return code;
}

/** A worker leaves by closing its channel to the primary (node:cluster then exits it with 0)... */
function leaveCluster(): number {
  process.disconnect?.();
  return 0;
}

/** ...or, when it could not start (port in use), at once with 1: idle on the channel it would hang. */
function failInCluster(e: unknown): never {
  process.stderr.write(`playwright-perf serve: ${errorMessage(e)}\n`);
  process.exit(1);
}

/** One of runPrimary's workers: the same server, its progress sent to the primary. */
async function runWorker(config: ServeConfig): Promise<number> {
  await serveUntilStopped(config, workerLog, (url, stop) => {
    // Ctrl-C in a terminal reaches every process of the group: close as gracefully as the primary asks.
    const off = onStopSignals(workerLog, stop);
    reportWorkerReady(url, stop);
    return off;
  });
  return 0;
}
