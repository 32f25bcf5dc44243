// One Lighthouse audit at a time on this machine, across Playwright workers, parallel runs and the
// CLI: two audits in parallel on 2 cores took 16–17 s each instead of ~10 s and gave lower, noisier
// scores (measured with Lighthouse 12 and Chromium on Debian 12). proper-lockfile makes an atomic lock directory and refreshes its
// mtime while held, so a holder that was killed frees the lock after LOCK_STALE_MS.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_STALE_MS, LOCK_WAIT_NOTICE_MS } from './constants';

/** Env var to move the lock (e.g. onto a path shared by containers on one host). */
export const LIGHTHOUSE_LOCK_ENV_VAR = 'PLAYWRIGHT_PERF_LIGHTHOUSE_LOCK';

export function lockPath(): string {
  return process.env[LIGHTHOUSE_LOCK_ENV_VAR] || join(tmpdir(), 'playwright-perf-lighthouse');
}

export class LockTimeoutError extends Error {
  constructor(path: string, waitedMs: number) {
    super(
      `waited ${Math.round(waitedMs / 1000)} s for another Lighthouse audit to finish (lock ${path}.lock); ` +
        'raise `lockTimeoutMs`, or remove the lock folder if no audit is running',
    );
    this.name = 'LockTimeoutError';
  }
}

export interface HeldLock {
  /** How long we waited for it. */
  waitedMs: number;
  /** Set when the lock was lost while held (mtime refresh failed): the audit may have overlapped another. */
  compromised?: string;
  release(): Promise<void>;
}

const POLL_MS = 200;

export async function acquireAuditLock(opts: {
  timeoutMs: number;
  onWait?: (message: string) => void;
  path?: string;
}): Promise<HeldLock> {
  const lockfile = require('proper-lockfile') as typeof import('proper-lockfile');
  const path = opts.path ?? lockPath();
  const start = Date.now();
  let noticed = false;
  const held: Partial<HeldLock> = {};
  for (;;) {
    try {
      const release = await lockfile.lock(path, {
        realpath: false, // the lock target need not exist
        stale: LOCK_STALE_MS,
        retries: 0,
        // The default throws from a timer and kills the worker; an overlap is only a warning for us.
        onCompromised: (e) => {
          held.compromised = e.message;
        },
      });
      return Object.assign(held, {
        waitedMs: Date.now() - start,
        release: async () => {
          try {
            await release();
          } catch {
            /* already released or compromised */
          }
        },
      }) as HeldLock;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ELOCKED') throw e;
    }
    const waited = Date.now() - start;
    if (waited >= opts.timeoutMs) throw new LockTimeoutError(path, waited);
    if (!noticed && waited >= LOCK_WAIT_NOTICE_MS) {
      noticed = true;
      opts.onWait?.('waiting for another Lighthouse audit to finish (audits run one at a time)…');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
