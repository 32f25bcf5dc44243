// Thresholds of the bottleneck detectors. Each says where it comes from.

/** A change must be predicted to save at least this share of the wall time to be worth proposing (below ~5 % run-to-run noise on shared CI machines hides it). */
export const MIN_SAVING_PCT = 0.05;
/** …and at least this many ms (below that, process start-up noise dominates: measured 0.3–0.6 s here). */
export const MIN_SAVING_MS = 500;
/** Whole-machine CPU above this while tests run = saturated (Playwright's docs: fewer workers when the CPU is the limit; 90 % leaves no headroom). */
export const CPU_SATURATED = 0.9;
/** Whole-machine CPU below this while tests run = idle capacity. */
export const CPU_IDLE = 0.6;
/** Used memory share above which more Chromium processes risk swapping. */
export const MEMORY_PRESSURE = 0.9;
/** A single scheduling unit longer than this share of the busy time is a long tail. */
export const LONG_TAIL_SHARE = 0.35;
/** A file this much longer than an even share of the busy time per worker makes the files unbalanced (10 %: below it, worker start-up differences decide the wall time). */
export const UNBALANCED_FILE = 0.1;
/** Timeout headroom over observed p99 that still catches hangs without flaking (3×, a common SRE rule of thumb for timeouts vs p99). */
export const TIMEOUT_HEADROOM = 3;
/** Timeouts this many times above the headroom are "far from p99". */
export const TIMEOUT_FAR_FACTOR = 2;
/** Observed p99 within this share of the timeout = timeouts are close to firing on slow runs. */
export const TIMEOUT_TIGHT_SHARE = 0.8;
/** Minimum passing tests before the timeout advice is given (p99 of fewer samples is the max). */
export const TIMEOUT_MIN_SAMPLES = 20;
/** Locator waits (resolve + actionability) above this p95 are slow (Playwright's auto-wait usually settles in < 100 ms on a ready page). */
export const LOCATOR_SLOW_MS = 1000;
/** webServer start-up above this is worth reusing across local runs. */
export const WEB_SERVER_SLOW_MS = 2000;
/** A login flow seen in at least this many tests is worth a storageState setup project. */
export const AUTH_MIN_TESTS = 3;
/** Browser/context creation above this p50 (warm) is slow (measured here: launch 200–430 ms, context 10–40 ms). */
export const CONTEXT_SLOW_MS = 500;
/** globalSetup time before the first test above this is worth caching (same floor as webServer: start-up noise is ~0.3–0.6 s). */
export const GLOBAL_SETUP_SLOW_MS = 2000;
/** Workers per core the search may go up to when measured CPU per worker is low (I/O-bound suites); beyond 4× a 2-core machine ran out of memory for browsers. */
export const MAX_WORKERS_PER_CORE = 4;
