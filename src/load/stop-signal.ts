// Cooperative stop for a running load test: `stop()` (Ctrl-C, abortOnFail) lets running iterations
// finish within their graceful stop; `kill()` (a second Ctrl-C) aborts them now.
export class StopSignal {
  stopped = false;
  killed = false;
  reason?: 'sigint' | 'abort-on-fail';
  private resolveStop: () => void = () => {};
  private resolveKill: () => void = () => {};
  readonly onStop = new Promise<void>((r) => {
    this.resolveStop = r;
  });
  readonly onKill = new Promise<void>((r) => {
    this.resolveKill = r;
  });

  stop(reason: 'sigint' | 'abort-on-fail'): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reason = reason;
    this.resolveStop();
  }

  kill(): void {
    this.stop(this.reason ?? 'sigint');
    this.killed = true;
    this.resolveKill();
  }
}

/** Resolves after `ms`, or earlier when `signal` fires. */
export function sleep(ms: number, signal?: Promise<void>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    void signal?.then(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Waits for `work`, at most `ms`, or until `signal` fires — and leaves no timer behind. */
export async function within(work: Promise<unknown>, ms: number, signal?: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  try {
    await Promise.race([
      work.then(
        () => undefined,
        () => undefined,
      ),
      timeout,
      ...(signal ? [signal] : []),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
