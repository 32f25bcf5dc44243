// Navigation audits run in a separate Node process, started on the first audit of a Playwright worker
// and kept for the worker's life. Why: (1) inside a Playwright worker every module load goes through
// Playwright's loader hooks, and Lighthouse is ~1500 ES modules — importing it there measured ~1.5–2×
// slower than in a plain process; (2) Lighthouse's trace processing blocks its event loop for
// seconds and keeps hundreds of MB, which must not happen in the process that runs the user's test.
// The audit process does exactly what an in-process audit does (runAudit), including the lock.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AuditOutcome, AuditRequest } from './run-audit';
import { LighthouseAuditError } from './run-audit';

/** The part of an AuditRequest that crosses the process boundary (no functions, no Playwright objects). */
export type SerializableAuditRequest = Omit<
  AuditRequest,
  'action' | 'browserType' | 'onProgress' | 'onLockAcquired' | 'onChromiumStarted'
>;

export type AuditParentMessage = { type: 'audit'; id: number; request: SerializableAuditRequest };
export type AuditChildMessage =
  | { type: 'progress'; id: number; message: string }
  | { type: 'lock'; id: number; waitedMs: number }
  | { type: 'chromium'; id: number; pid: number }
  | { type: 'done'; id: number; outcome: AuditOutcome }
  | { type: 'error'; id: number; name: string; message: string };

interface Pending {
  req: AuditRequest;
  chromiumPid?: number;
  resolve: (o: AuditOutcome) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** Extra time the parent grants beyond the audit's own timeouts before it kills the audit process. */
const KILL_MARGIN_MS = 30_000;

let current: { child: ChildProcess; pending: Map<number, Pending> } | undefined;
let nextId = 1;

function start(): NonNullable<typeof current> {
  // execArgv []: a clean Node, without the loader flags of the parent (that is the point).
  const child = fork(join(__dirname, 'audit-child.js'), [], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const state = { child, pending: new Map<number, Pending>() };
  child.stdout?.on('data', (d) => process.stdout.write(d));
  child.stderr?.on('data', (d) => process.stderr.write(d));
  child.on('message', (msg: AuditChildMessage) => {
    const p = state.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') p.req.onProgress?.(msg.message);
    else if (msg.type === 'lock') p.req.onLockAcquired?.(msg.waitedMs);
    else if (msg.type === 'chromium') p.chromiumPid = msg.pid;
    else {
      clearTimeout(p.timer);
      state.pending.delete(msg.id);
      idle(state);
      if (msg.type === 'done') p.resolve(msg.outcome);
      else {
        const e = msg.name === 'LighthouseAuditError' ? new LighthouseAuditError(msg.message) : new Error(msg.message);
        e.name = msg.name;
        p.reject(e);
      }
    }
  });
  const fail = (why: string) => {
    if (current === state) current = undefined;
    for (const [id, p] of state.pending) {
      clearTimeout(p.timer);
      state.pending.delete(id);
      p.reject(new LighthouseAuditError(`the Lighthouse audit process ${why}`));
    }
  };
  child.on('exit', (code, signal) => fail(signal ? `was killed (${signal})` : `exited with code ${code}`));
  child.on('error', (e) => fail(`failed: ${e.message}`));
  return state;
}

/** While idle the audit process must not keep the worker alive. */
function idle(state: NonNullable<typeof current>): void {
  if (state.pending.size > 0) return;
  state.child.unref();
  (state.child as unknown as { channel?: { unref(): void } }).channel?.unref();
}

export function runAuditInProcess(req: AuditRequest): Promise<AuditOutcome> {
  current ??= start();
  const state = current;
  state.child.ref();
  (state.child as unknown as { channel?: { ref(): void } }).channel?.ref();
  const id = nextId++;
  const { action: _a, browserType: _b, onProgress: _p, onLockAcquired: _l, onChromiumStarted: _c, ...request } = req;
  return new Promise<AuditOutcome>((resolve, reject) => {
    const limit = req.options.lockTimeoutMs + req.options.timeoutMs + KILL_MARGIN_MS;
    const pending: Pending = { req, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
    pending.timer = setTimeout(() => {
      // The audit process is stuck past every timeout: kill it and the Chromium it started (its own
      // process group, which SIGKILL of the audit process would not reach).
      if (pending.chromiumPid !== undefined) {
        try {
          process.kill(-pending.chromiumPid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      state.child.kill('SIGKILL');
    }, limit);
    const timer = pending.timer;
    state.pending.set(id, pending);
    state.child.send({ type: 'audit', id, request } satisfies AuditParentMessage, (err) => {
      if (!err) return;
      clearTimeout(timer);
      state.pending.delete(id);
      idle(state);
      reject(new LighthouseAuditError(`could not reach the Lighthouse audit process: ${err.message}`));
    });
  });
}
