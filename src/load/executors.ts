// The executors (k6 names and semantics), run for one segment of the test in one process.
// Closed models (constant-vus, ramping-vus, per-vu/shared-iterations): each VU loops iteration →
// think time. Open models (constant/ramping-arrival-rate): iterations start on schedule whatever
// the latency, on a free VU of the pool; when all maxVUs are busy the iteration is dropped (counted).
import { arrivalTime, ownedVUs, shareOf, stageValue, thinkMs, type Segment } from './schedule';
import { scenarioEndMs, type ResolvedScenario } from './resolved';
import { sleep, within, type StopSignal } from './stop-signal';
import { releaseLease, startIteration, type IterationEnv, type RunningIteration, type VuLease } from './vu-runner';

export interface ExecutorEnv extends IterationEnv {
  segment: Segment;
  stop: StopSignal;
}

interface Vu {
  id: number;
  current?: RunningIteration;
  stopRequested: boolean;
  loop?: Promise<void>;
  lease: VuLease;
}

const RAMP_TICK_MS = 50;

function leaseFor(env: ExecutorEnv, s: ResolvedScenario, vuId: number): VuLease {
  return env.leases.get(s.name)?.get(vuId) ?? {};
}

/** VUs a scenario of this segment runs at its start: what is worth opening before the clock starts. */
export function initialVUs(segment: Segment, s: ResolvedScenario): number[] {
  switch (s.executor) {
    case 'ramping-vus':
      return ownedVUs(segment, s.startVUs);
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      const n = Math.min(shareOf(segment, s.maxVUs), shareOf(segment, s.preAllocatedVUs));
      return Array.from({ length: n }, (_, i) => segment.index + i * segment.count);
    }
    default:
      return ownedVUs(segment, s.vus);
  }
}

async function sleepUntil(env: ExecutorEnv, atMs: number): Promise<void> {
  await sleep(atMs - env.now(), env.stop.onStop);
}

function vuLoop(
  env: ExecutorEnv,
  s: ResolvedScenario,
  vu: Vu,
  keepGoing: (iteration: number) => boolean,
  endMs: number,
): Promise<void> {
  return (async () => {
    env.recorder.vus(+1, env.now());
    try {
      for (let i = 0; keepGoing(i) && !vu.stopRequested && !env.stop.stopped && env.now() < endMs; i++) {
        vu.current = startIteration(env, s, vu.id, i, vu.lease);
        await vu.current.done;
        vu.current = undefined;
        const pause = Math.min(thinkMs(s.thinkTime), endMs - env.now());
        if (pause > 0 && !vu.stopRequested) await sleep(pause, env.stop.onStop);
      }
    } finally {
      // The VU stops counting when its last iteration ends: closing its context is not load on the
      // app, and on a busy machine it can take long enough to blur a ramp-down.
      env.recorder.vus(-1, env.now());
      await releaseLease(vu.lease);
    }
  })();
}

/** Waits up to `graceMs` for `running` to finish, then aborts what is left. */
async function drain(
  env: ExecutorEnv,
  running: Promise<unknown>[],
  graceMs: number,
  abortAll: () => void,
): Promise<void> {
  const all = Promise.all(running);
  await within(all, graceMs, env.stop.onKill);
  abortAll();
  await all;
}

async function runClosed(
  env: ExecutorEnv,
  s: ResolvedScenario,
  vuIds: number[],
  keepGoing: (vu: Vu, i: number) => boolean,
): Promise<void> {
  const endMs = scenarioEndMs(s);
  const vus: Vu[] = vuIds.map((id) => ({ id, stopRequested: false, lease: leaseFor(env, s, id) }));
  for (const vu of vus) vu.loop = vuLoop(env, s, vu, (i) => keepGoing(vu, i), endMs);
  const loops = vus.map((v) => v.loop as Promise<void>);
  await within(Promise.all(loops), endMs - env.now(), env.stop.onStop);
  await drain(env, loops, s.gracefulStopMs, () =>
    vus.forEach((v) => {
      v.current?.abort();
    }),
  );
}

async function runRampingVus(
  env: ExecutorEnv,
  s: Extract<ResolvedScenario, { executor: 'ramping-vus' }>,
): Promise<void> {
  const endMs = scenarioEndMs(s);
  const maxTarget = Math.max(s.startVUs, ...s.stages.map((st) => st.target));
  const vus = new Map(
    ownedVUs(env.segment, maxTarget).map((id) => [id, { id, stopRequested: false, lease: leaseFor(env, s, id) } as Vu]),
  );
  const loops: Promise<void>[] = [];
  const rampDownAborts: Promise<void>[] = [];
  while (!env.stop.stopped && env.now() < endMs) {
    const target = Math.floor(stageValue(s.startVUs, s.stages, env.now() - s.startTimeMs) + 1e-9);
    for (const vu of vus.values()) {
      const running = vu.loop !== undefined;
      if (vu.id < target && !running) {
        vu.stopRequested = false;
        const loop = vuLoop(env, s, vu, () => true, endMs).finally(() => {
          vu.loop = undefined;
        });
        vu.loop = loop;
        loops.push(loop);
      } else if (vu.id >= target && running && !vu.stopRequested) {
        vu.stopRequested = true;
        const loop = vu.loop as Promise<void>;
        rampDownAborts.push(within(loop, s.gracefulRampDownMs, env.stop.onKill).then(() => vu.current?.abort()));
      }
    }
    await sleep(Math.min(RAMP_TICK_MS, endMs - env.now()), env.stop.onStop);
  }
  await drain(env, loops, s.gracefulStopMs, () =>
    vus.forEach((v) => {
      v.current?.abort();
    }),
  );
  await Promise.all(rampDownAborts);
}

async function runArrivalRate(
  env: ExecutorEnv,
  s: Extract<ResolvedScenario, { executor: 'constant-arrival-rate' | 'ramping-arrival-rate' }>,
): Promise<void> {
  const [startRate, stages] =
    s.executor === 'constant-arrival-rate'
      ? [s.ratePerMs, [{ durationMs: s.durationMs, target: s.ratePerMs }]]
      : [s.startRatePerMs, s.stages];
  const maxVUs = shareOf(env.segment, s.maxVUs);
  const idle: number[] = [];
  let allocated = 0;
  const allocate = () => env.segment.index + allocated++ * env.segment.count;
  for (let i = 0; i < Math.min(maxVUs, shareOf(env.segment, s.preAllocatedVUs)); i++) idle.push(allocate());
  const inFlight = new Set<RunningIteration>();
  const done: Promise<void>[] = [];
  const iterationsOf = new Map<number, number>();
  const leases = new Map<number, VuLease>();
  for (let j = env.segment.index; !env.stop.stopped; j += env.segment.count) {
    const t = arrivalTime(startRate, stages, j);
    if (t === null) break;
    await sleepUntil(env, s.startTimeMs + t);
    if (env.stop.stopped) break;
    const vuId = idle.pop() ?? (allocated < maxVUs ? allocate() : undefined);
    if (vuId === undefined) {
      env.recorder.dropped(s.name, s.executor, env.now());
      continue;
    }
    const n = iterationsOf.get(vuId) ?? 0;
    iterationsOf.set(vuId, n + 1);
    env.recorder.vus(+1, env.now());
    const lease = leases.get(vuId) ?? leaseFor(env, s, vuId);
    leases.set(vuId, lease);
    const it = startIteration(env, s, vuId, n, lease);
    inFlight.add(it);
    done.push(
      it.done.then(() => {
        inFlight.delete(it);
        env.recorder.vus(-1, env.now());
        idle.push(vuId);
      }),
    );
  }
  await sleepUntil(env, scenarioEndMs(s));
  await drain(env, done, s.gracefulStopMs, () =>
    inFlight.forEach((it) => {
      it.abort();
    }),
  );
  await Promise.all([...leases.values()].map(releaseLease));
}

export async function runScenario(env: ExecutorEnv, s: ResolvedScenario): Promise<void> {
  await sleepUntil(env, s.startTimeMs);
  if (env.stop.stopped) return;
  switch (s.executor) {
    case 'constant-vus':
      return runClosed(env, s, ownedVUs(env.segment, s.vus), () => true);
    case 'per-vu-iterations':
      return runClosed(env, s, ownedVUs(env.segment, s.vus), (_vu, i) => i < s.iterations);
    case 'shared-iterations': {
      // This segment's share of the pool: the global iterations j with j % count == index.
      let left = Math.max(0, Math.ceil((s.iterations - env.segment.index) / env.segment.count));
      return runClosed(env, s, ownedVUs(env.segment, s.vus), () => left-- > 0);
    }
    case 'ramping-vus':
      return runRampingVus(env, s);
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return runArrivalRate(env, s);
  }
}
