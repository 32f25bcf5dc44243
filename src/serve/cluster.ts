// `serve --workers n`: n server processes behind one listening socket (Node's cluster module hands
// connections to them in turn). One process computes one answer at a time, so under 50 concurrent
// clients every request queues behind the others; n processes on n cores answer n at once. Each
// worker keeps its own snapshot of the history (memory × n) and re-reads it when the store changes,
// exactly as a single server does; writes go through the store's cross-process lock.
// The primary only supervises: it prints the workers' progress, the URL once all are listening,
// replaces a worker that dies, and stops them all on Ctrl-C / SIGTERM.
import cluster, { type Worker } from 'node:cluster';

/** Young generation of a worker, per semi-space: a big history is a large old generation, and each
 *  answer allocates a few MB; V8's default (16 MB) spent ~40 % of a comparison's time in GC. */
const WORKER_SEMI_SPACE_MB = 64;
/** A worker that dies more often than this is not restarted again: the server stops. */
const MAX_RESTARTS_PER_MINUTE = 5;
const STOP_TIMEOUT_MS = 10_000;

/** Messages between the primary and its workers. */
type FromWorker = { type: 'log'; line: string } | { type: 'listening'; url: string };
type ToWorker = { type: 'stop' };

export const isServeWorker = (): boolean => cluster.isWorker;

/** In a worker: progress lines go to the primary, which prints them once, prefixed. */
export function workerLog(line: string): void {
  process.send?.({ type: 'log', line } satisfies FromWorker);
}

/** In a worker: tells the primary it listens, and stops when the primary says so or goes away. */
export function reportWorkerReady(url: string, stop: () => void): void {
  process.send?.({ type: 'listening', url } satisfies FromWorker);
  process.on('message', (m: ToWorker) => {
    if (m?.type === 'stop') stop();
  });
  process.on('disconnect', stop);
}

export interface Supervisor {
  /** Resolves with the URL once every worker listens; rejects if one exits before. */
  ready: Promise<string>;
  /** Resolves when every worker has exited: after stop(), or when restarts gave up (code 1). */
  done: Promise<number>;
  stop(): void;
}

export function superviseWorkers(count: number, log: (line: string) => void): Supervisor {
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`] });
  const numbers = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let resolveReady!: (url: string) => void, rejectReady!: (e: Error) => void;
  const ready = new Promise<string>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((res) => (resolveDone = res));
  let isReady = false,
    exitCode = 0;

  const fork = (n: number) => {
    const w = cluster.fork();
    numbers.set(w, n);
    w.on('message', (m: FromWorker) => {
      if (m?.type === 'log') log(`worker ${n}: ${m.line}`);
      if (m?.type !== 'listening') return;
      listening.add(w);
      if (!isReady && listening.size === count) {
        isReady = true;
        resolveReady(m.url);
      }
    });
    w.on('exit', (code, signal) => {
      numbers.delete(w);
      listening.delete(w);
      if (stopping) {
        if (numbers.size === 0) resolveDone(exitCode);
        return;
      }
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!isReady) {
        rejectReady(new Error(`server process ${n} exited (${how}) before it was listening`));
        exitCode = 1;
        stop();
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        log(`warning: server process ${n} exited (${how}); ${restarts.length} exits in a minute, stopping`);
        exitCode = 1;
        stop();
        return;
      }
      log(`warning: server process ${n} exited (${how}); starting a new one`);
      fork(n);
    });
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (numbers.size === 0) resolveDone(exitCode);
    for (const w of numbers.keys()) {
      // A worker still loading has no one listening for messages yet: a signal stops it.
      if (listening.has(w) && w.isConnected()) w.send({ type: 'stop' } satisfies ToWorker);
      else w.process.kill('SIGTERM');
    }
    setTimeout(() => {
      for (const w of numbers.keys()) w.process.kill('SIGKILL');
    }, STOP_TIMEOUT_MS).unref();
  };

  for (let n = 1; n <= count; n++) fork(n);
  return { ready, done, stop };
}
