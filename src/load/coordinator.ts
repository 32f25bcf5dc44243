// Runs a load test on this machine: validates the file (before any browser starts), runs its segment
// in W worker processes (each one browser shared by its VUs; W = 1 runs in this process), merges
// their data as it arrives (live progress, abortOnFail), handles Ctrl-C (first: graceful stop and a
// partial result marked interrupted; second: abort running iterations) and builds the report.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LoadRawData, LoadReport } from '../types/load';
import { aggregate } from './aggregate';
import { buildLoadReport } from './build-report';
import type { FromWorker, ToWorker } from './ipc';
import { loadDefinitionFile } from './load-file';
import { LoadRecorder } from './recorder';
import type { ResolvedLoadTest } from './resolved';
import { subSegment, type Segment } from './schedule';
import { runSegment } from './segment-run';
import { StopSignal } from './stop-signal';
import { evaluateThreshold } from './thresholds';

export interface LoadRunOptions {
  file: string;
  cwd: string;
  segment?: Segment;
  workers?: number;
  connect?: string[];
  /** Live view, about once per second. */
  onProgress?(p: LoadProgress): void;
  /** Every merged snapshot as data arrives (the live /metrics endpoint reads it). */
  onSnapshot?(raw: LoadRawData): void;
  /** Default: process SIGINT. */
  stop?: StopSignal;
}

export interface LoadProgress {
  elapsedMs: number;
  iterations: number;
  failed: number;
  dropped: number;
  activeVUs: number;
  stopping: boolean;
}

/** How long workers have to get their browser ready. */
const START_MARGIN_MS = 300;

function workerEntry(): { path: string; execArgv: string[] } {
  const ts = __filename.endsWith('.ts');
  return { path: join(__dirname, ts ? 'worker-main.ts' : 'worker-main.js'), execArgv: ts ? ['--import', 'tsx'] : [] };
}

function runInWorkers(
  test: ResolvedLoadTest,
  o: LoadRunOptions,
  segment: Segment,
  workers: number,
  stop: StopSignal,
  absorb: (part: LoadRawData) => void,
): Promise<void> {
  const entry = workerEntry();
  const children: ChildProcess[] = [];
  let ready = 0;
  const send = (c: ChildProcess, m: ToWorker) => {
    if (c.connected) c.send(m);
  };
  void stop.onStop.then(() =>
    children.forEach((c) => {
      send(c, { type: 'stop', reason: stop.reason ?? 'sigint' });
    }),
  );
  void stop.onKill.then(() =>
    children.forEach((c) => {
      send(c, { type: 'kill' });
    }),
  );
  const runs = Array.from(
    { length: workers },
    (_, w) =>
      new Promise<void>((resolve, reject) => {
        const child = fork(entry.path, [], {
          execArgv: entry.execArgv,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        children.push(child);
        let finished = false;
        child.on('message', (m: FromWorker) => {
          if (m.type === 'ready' && ++ready === workers) {
            const startEpoch = Date.now() + START_MARGIN_MS;
            children.forEach((c) => {
              send(c, { type: 'start', startEpoch });
            });
          } else if (m.type === 'data') absorb(m.part);
          else if (m.type === 'done') {
            finished = true;
            absorb(m.part);
            resolve();
          } else if (m.type === 'failed') {
            finished = true;
            reject(new Error(`load worker ${w + 1}: ${m.message}`));
          }
        });
        child.on('exit', (code) => {
          if (!finished) reject(new Error(`load worker ${w + 1} exited with code ${code} before finishing`));
        });
        send(child, {
          type: 'init',
          file: o.file,
          cwd: o.cwd,
          segment: subSegment(segment, w, workers),
          workerIndex: w,
          connect: test.browser.connect,
        });
      }),
  );
  return Promise.all(runs).then(
    () => undefined,
    (e) => {
      children.forEach((c) => {
        c.kill();
      });
      throw e;
    },
  );
}

export async function runLoadTest(o: LoadRunOptions): Promise<LoadReport> {
  const test = await loadDefinitionFile(o.file, o.cwd);
  if (o.connect?.length) test.browser.connect = o.connect;
  const workers = o.workers ?? test.workers;
  const segment = o.segment ?? { index: 0, count: 1 };
  const stop = o.stop ?? new StopSignal();
  let onSigint: (() => void) | undefined;
  if (!o.stop) {
    onSigint = () => (stop.stopped ? stop.kill() : stop.stop('sigint'));
    process.on('SIGINT', onSigint);
  }
  const merged = new LoadRecorder(test.windowMs, test.relativeAccuracy);
  for (const s of test.scenarios) merged.declareScenario(s.name, s.executor);
  const startTime = Date.now();
  let startedAt = performance.now();
  const abortable = test.thresholds.filter((t) => t.abortOnFail);
  const absorb = (part: LoadRawData) => {
    merged.absorb(part);
    const snap = merged.snapshot();
    o.onSnapshot?.(snap);
    const elapsedMs = performance.now() - startedAt;
    if (abortable.length && !stop.stopped) {
      const a = aggregate(snap.windows, test.windowMs, test.relativeAccuracy);
      if (abortable.some((t) => elapsedMs >= t.delayAbortEvalMs && !evaluateThreshold(t, a).ok))
        stop.stop('abort-on-fail');
    }
    const last = snap.windows.filter((w) => (w.index + 1) * test.windowMs <= elapsedMs).pop();
    o.onProgress?.({
      elapsedMs,
      iterations: snap.scenarios.reduce((n, s) => n + s.iterations, 0),
      failed: snap.scenarios.reduce((n, s) => n + s.failed, 0),
      dropped: snap.scenarios.reduce((n, s) => n + s.dropped, 0),
      activeVUs: Math.round(last?.activeVUs ?? 0),
      stopping: stop.stopped,
    });
  };
  try {
    if (workers === 1) {
      const rest = await runSegment({
        test,
        segment,
        workerIndex: 0,
        stop,
        ready: async () => {
          startedAt = performance.now() + START_MARGIN_MS;
          return Date.now() + START_MARGIN_MS;
        },
        onDrain: absorb,
      });
      absorb(rest);
    } else {
      startedAt = performance.now() + START_MARGIN_MS;
      await runInWorkers(test, o, segment, workers, stop, absorb);
    }
  } finally {
    if (onSigint) process.off('SIGINT', onSigint);
  }
  return buildLoadReport(merged.snapshot(), {
    runId: randomUUID(),
    startedAt: new Date(startTime).toISOString(),
    startTime,
    file: o.file,
    segments: [`${segment.index + 1}/${segment.count}`],
    workers,
    remoteBrowsers: test.browser.connect,
    interrupted: stop.stopped,
    ...(stop.reason ? { interruptReason: stop.reason } : {}),
    thresholds: test.thresholds,
    scalabilityMetric: test.scalabilityMetric,
    generatorLimits: test.generator,
  });
}
