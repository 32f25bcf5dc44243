// Runs one (sub)segment of a load test in this process: one browser (launched, or connected to a
// browser server) shared by the segment's VUs, all scenarios at once, the generator monitor, and
// a drain of the recorded data every second for the live view. Returns the rest of the data.
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser/resolve-chromium';
import { resolvePerfOptions } from '../fixtures/options';
import { PerfWorkerState } from '../fixtures/worker-state';
import type { LoadRawData } from '../types/load';
import { errorMessage } from '../util/errors';
import { initialVUs, runScenario } from './executors';
import { prewarmLease, type VuLease } from './vu-runner';
import { GeneratorMonitor } from './generator-monitor';
import { LoadRecorder } from './recorder';
import type { ResolvedLoadTest } from './resolved';
import type { Segment } from './schedule';
import { sleep, type StopSignal } from './stop-signal';

export interface SegmentRunOptions {
  test: ResolvedLoadTest;
  segment: Segment;
  /** Index of this worker process on the machine (picks the browser endpoint). */
  workerIndex: number;
  stop: StopSignal;
  /** Called when the browser is ready; returns the epoch ms at which the test starts. */
  ready(): Promise<number>;
  /** Live data, about once per second. */
  onDrain?(part: LoadRawData): void;
}

const DRAIN_EVERY_MS = 1000;

export async function openBrowser(test: ResolvedLoadTest, workerIndex: number): Promise<Browser> {
  const endpoints = test.browser.connect;
  if (endpoints.length) {
    const wsEndpoint = endpoints[workerIndex % endpoints.length];
    try {
      return await chromium.connect(wsEndpoint, { timeout: 30_000 });
    } catch (e) {
      throw new Error(`cannot connect to browser server ${wsEndpoint}: ${errorMessage(e)}`);
    }
  }
  const base = test.browser.executablePath
    ? { executablePath: test.browser.executablePath, args: ['--disable-gpu'] }
    : chromiumLaunchOptions();
  return chromium.launch({
    ...base,
    args: [...(base.args ?? []), ...test.browser.args],
    headless: test.browser.headless,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}

export async function runSegment(o: SegmentRunOptions): Promise<LoadRawData> {
  const { test } = o;
  const recorder = new LoadRecorder(test.windowMs, test.relativeAccuracy);
  for (const s of test.scenarios) recorder.declareScenario(s.name, s.executor);
  const browser = await openBrowser(test, o.workerIndex);
  const leases = new Map<string, Map<number, VuLease>>();
  const worker = new PerfWorkerState(o.workerIndex);
  const { options: perfOptions } = resolvePerfOptions(test.perfOptions);
  let t0 = performance.now();
  const now = () => performance.now() - t0;
  const env = {
    browser,
    recorder,
    perfOptions,
    worker,
    remote: test.browser.connect.length > 0,
    now,
    leases,
    epochToTestMs: (epoch: number) => epoch - (performance.timeOrigin + t0),
    segment: o.segment,
    stop: o.stop,
  };
  for (const s of test.scenarios.filter((x) => x.contextScope === 'vu')) {
    const map = new Map<number, VuLease>();
    leases.set(s.name, map);
    for (const id of initialVUs(o.segment, s)) {
      const lease: VuLease = {};
      map.set(id, lease);
      await prewarmLease(env, s, lease).catch((e) =>
        recorder.warn(`could not open VU ${id}'s context: ${errorMessage(e)}`),
      );
    }
  }
  const startEpoch = await o.ready();
  await sleep(startEpoch - Date.now());
  t0 = performance.now();
  const monitor = new GeneratorMonitor(test.windowMs, now, (i, sample) => recorder.generator(i, sample));
  const drainTimer = setInterval(() => o.onDrain?.(recorder.drain(now())), DRAIN_EVERY_MS);
  monitor.start();
  try {
    await Promise.all(
      test.scenarios.map((s) =>
        runScenario(env, s).catch((e) => recorder.warn(`scenario ${s.name}: ${errorMessage(e)}`)),
      ),
    );
    worker.dispose();
  } finally {
    clearInterval(drainTimer);
    monitor.stop();
    recorder.durationMs = now();
    await browser.close().catch(() => {});
  }
  return recorder.drain(now());
}
