// One iteration of one VU: a fresh browser context (as k6 browser and Artillery do, so no state leaks
// between iterations), the perf session of the fixtures on it, the user's function, then flush and
// turn what the session measured into samples. Never throws: every failure is an error sample.
import type { Browser, BrowserContext, Page, Response } from '@playwright/test';
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
  /** Leases opened before the start, per scenario and VU id (scenarios with `context: 'vu'`). */
  leases: Map<string, Map<number, VuLease>>;
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

/** A VU's own context and page, kept across its iterations when the scenario has `context: 'vu'`. */
export interface VuLease {
  context?: BrowserContext;
  page?: Page;
}

/** Opens a VU's context and page ahead of the start (k6 initialises VUs before the test, too). */
export async function prewarmLease(env: IterationEnv, scenario: ResolvedScenario, lease: VuLease): Promise<void> {
  lease.context = await env.browser.newContext(scenario.contextOptions);
  lease.page = await lease.context.newPage();
}

export async function releaseLease(lease: VuLease): Promise<void> {
  const c = lease.context;
  lease.context = undefined;
  lease.page = undefined;
  await c?.close().catch(() => {});
}

export function startIteration(
  env: IterationEnv,
  scenario: ResolvedScenario,
  vuId: number,
  iteration: number,
  lease: VuLease = {},
): RunningIteration {
  const reuse = scenario.contextScope === 'vu';
  let context: BrowserContext | undefined;
  let aborted = false;
  let abortResolve: () => void = () => {};
  const abortSignal = new Promise<void>((r) => {
    abortResolve = r;
  });
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
    const cleanups: Array<() => void> = [];
    try {
      const fresh = !(reuse && lease.context && lease.page && !lease.page.isClosed());
      if (fresh) {
        await releaseLease(lease);
        context = await env.browser.newContext(scenario.contextOptions);
      } else {
        context = lease.context;
      }
      const ctx = context as BrowserContext;
      if (aborted) {
        await ctx.close().catch(() => {});
        return;
      }
      session = new PerfSession(env.perfOptions, [], env.worker, 'chromium', env.remote);
      // A reused context is not instrumented: its collectors would have to be re-armed per iteration.
      if (fresh && !reuse) await session.instrument(ctx);
      let rejectCrash: (e: Error) => void = () => {};
      const crashed = new Promise<never>((_, reject) => {
        rejectCrash = reject;
      });
      crashed.catch(() => {});
      const watchPage = (p: Page) => {
        const onCrash = () => rejectCrash(new PageCrashError(`page crashed (${p.url()})`));
        p.on('crash', onCrash);
        cleanups.push(() => p.off('crash', onCrash));
      };
      ctx.pages().forEach(watchPage);
      ctx.on('page', watchPage);
      cleanups.push(() => ctx.off('page', watchPage));
      const onDisconnect = () => rejectCrash(new PageCrashError('browser disconnected'));
      env.browser.on('disconnected', onDisconnect);
      cleanups.push(() => env.browser.off('disconnected', onDisconnect));
      const onResponse = (r: Response) => {
        if (r.status() >= 400 && !httpError && HTTP_ERROR_TYPES.has(r.request().resourceType())) {
          httpError = `HTTP ${r.status()} ${r.request().method()} ${r.url()}`;
        }
      };
      ctx.on('response', onResponse);
      cleanups.push(() => ctx.off('response', onResponse));
      const page = fresh ? await ctx.newPage() : (lease.page as Page);
      if (reuse) {
        lease.context = ctx;
        lease.page = page;
      }
      const perf = createLoadPerfApi(session);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new IterationTimeoutError(scenario.iterationTimeoutMs)),
          scenario.iterationTimeoutMs,
        );
      });
      started = env.now();
      await Promise.race([
        Promise.resolve(
          scenario.exec({
            page,
            context: ctx,
            browser: env.browser,
            perf,
            vu: { scenario: scenario.name, id: vuId, iteration },
          }),
        ),
        timeout,
        crashed,
        abortSignal.then(() => {
          throw new Error('aborted');
        }),
      ]);
    } catch (e) {
      if (!aborted) error = { kind: classifyError(e), message: errorMessage(e) };
    } finally {
      if (timer) clearTimeout(timer);
      cleanups.forEach((f) => {
        f();
      });
    }
    const end = env.now();
    if (!error && httpError) error = { kind: 'http', message: httpError };
    if (aborted) {
      env.recorder.iteration(
        { scenario: scenario.name, atMs: end, durationMs: end - started, interrupted: true },
        scenario.executor,
      );
      await releaseLease(lease);
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
    env.recorder.iteration(
      { scenario: scenario.name, atMs: end, durationMs: end - started, ...(error ? { error } : {}) },
      scenario.executor,
    );
    // A reused context survives a passed iteration or an HTTP/assertion error; anything else starts afresh.
    const keep = reuse && (!error || error.kind === 'http' || error.kind === 'assertion');
    if (!keep) {
      if (reuse) await releaseLease(lease);
      else await context?.close().catch(() => {});
    }
  })().catch((e) => env.recorder.warn(`load runner: ${errorMessage(e)}`));
  return { done, abort };
}
