// One iteration of one VU: a fresh browser context (as k6 browser and Artillery do, so no state leaks
// between iterations), the perf session of the fixtures on it, the user's function, then flush and
// turn what the session measured into samples. Never throws: every failure is an error sample.
import type { Browser, BrowserContext, Response } from '@playwright/test';
import { PerfSession } from '../fixtures/perf-session';
import type { PerfWorkerState } from '../fixtures/worker-state';
import type { ResolvedPerfOptions } from '../fixtures/options';
import type { LoadErrorKind } from '../types/load';
import { errorMessage } from '../util/errors';
import { classifyError, IterationTimeoutError, PageCrashError } from './classify-error';
import { createLoadPerfApi } from './perf-api';
import type { LoadRecorder } from './recorder';
import type { ResolvedScenario } from './resolved';
import { recordPerfData } from './samples';

export interface IterationEnv {
  browser: Browser;
  recorder: LoadRecorder;
  perfOptions: ResolvedPerfOptions;
  worker: PerfWorkerState;
  remote: boolean;
  /** ms since the test start. */
  now(): number;
  epochToTestMs(epoch: number): number;
}

/** A running iteration; `abort()` closes its context (graceful-stop deadline passed). */
export interface RunningIteration {
  done: Promise<void>;
  abort(): void;
}

const HTTP_ERROR_TYPES = new Set(['document', 'xhr', 'fetch']);

export function startIteration(env: IterationEnv, scenario: ResolvedScenario, vuId: number, iteration: number): RunningIteration {
  let context: BrowserContext | undefined;
  let aborted = false;
  let abortResolve: () => void = () => {};
  const abortSignal = new Promise<void>((r) => { abortResolve = r; });
  const abort = () => {
    aborted = true;
    abortResolve();
    void context?.close().catch(() => {});
  };
  const done = (async () => {
    let started = env.now();
    let error: { kind: LoadErrorKind; message: string } | undefined;
    let session: PerfSession | undefined;
    let httpError: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      context = await env.browser.newContext(scenario.contextOptions);
      if (aborted) { await context.close().catch(() => {}); return; }
      session = new PerfSession(env.perfOptions, [], env.worker, 'chromium', env.remote);
      await session.instrument(context);
      const ctx = context;
      const crashed = new Promise<never>((_, reject) => {
        ctx.on('page', (p) => p.on('crash', () => reject(new PageCrashError(`page crashed (${p.url()})`))));
        ctx.browser()?.on('disconnected', () => reject(new PageCrashError('browser disconnected')));
      });
      crashed.catch(() => {});
      context.on('response', (r: Response) => {
        if (r.status() >= 400 && !httpError && HTTP_ERROR_TYPES.has(r.request().resourceType())) {
          httpError = `HTTP ${r.status()} ${r.request().method()} ${r.url()}`;
        }
      });
      const page = await context.newPage();
      const perf = createLoadPerfApi(session);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new IterationTimeoutError(scenario.iterationTimeoutMs)), scenario.iterationTimeoutMs);
      });
      started = env.now();
      await Promise.race([
        Promise.resolve(scenario.exec({ page, context, browser: env.browser, perf, vu: { scenario: scenario.name, id: vuId, iteration } })),
        timeout, crashed, abortSignal.then(() => { throw new Error('aborted'); }),
      ]);
    } catch (e) {
      if (!aborted) error = { kind: classifyError(e), message: errorMessage(e) };
    } finally {
      if (timer) clearTimeout(timer);
    }
    const end = env.now();
    if (!error && httpError) error = { kind: 'http', message: httpError };
    if (aborted) {
      env.recorder.iteration({ scenario: scenario.name, atMs: end, durationMs: end - started, interrupted: true }, scenario.executor);
      return;
    }
    if (session && context) {
      try {
        await session.flush(context);
        recordPerfData(env.recorder, session.collector.data, env.now, env.epochToTestMs);
      } catch (e) {
        env.recorder.warn(`perf data of an iteration could not be read: ${errorMessage(e)}`);
      }
    }
    env.recorder.iteration({ scenario: scenario.name, atMs: end, durationMs: end - started, ...(error ? { error } : {}) },
      scenario.executor);
    await context?.close().catch(() => {});
  })().catch((e) => env.recorder.warn(`load runner: ${errorMessage(e)}`));
  return { done, abort };
}
