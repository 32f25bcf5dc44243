// Starts the Chromium that Lighthouse drives. Why not chrome-launcher's `launch()`: it picks a port
// by binding and releasing a random one (another worker can take it in between) and, given a busy
// port, attaches to whatever Chrome already listens there — the parallel-worker bug users of
// playwright-lighthouse hit. We pass `--remote-debugging-port=0` (the OS picks a free port, no race)
// and read the real endpoint from Chromium's stderr. We keep chrome-launcher's tuned flag list.
// When Chromium dies before listening, the error carries its stderr: that is where the real cause is
// ("Running as root without --no-sandbox…"), not in the ECONNREFUSED a client would see.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_CHROMIUM_FLAGS, CHROMIUM_START_TIMEOUT_MS } from './constants';
import { loadChromeLauncherFlags } from './load-lighthouse';
import { errorMessage } from '../util/errors';

export class ChromiumLaunchError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'ChromiumLaunchError';
  }
}

export interface AuditChromium {
  /** ws://127.0.0.1:<port>/devtools/browser/<id> */
  wsEndpoint: string;
  port: number;
  pid: number | undefined;
  userDataDir: string;
  /** Everything Chromium printed on stderr so far (bounded). */
  stderr(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** Kills the process group and removes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchChromiumOptions {
  executablePath: string;
  /** Extra flags (appended after ours). */
  flags?: string[];
  startTimeoutMs?: number;
}

const MAX_STDERR = 64 * 1024;

/** Process groups of audit Chromiums still running in this process: killed if the process exits
 *  mid-audit (worker torn down, audit process disconnected), so no headless Chromium is orphaned. */
const live = new Set<number>();
let exitHookInstalled = false;
function track(pid: number | undefined): void {
  if (pid === undefined) return;
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of live) {
      try {
        process.kill(-p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
}
const ENDPOINT_RE = /DevTools listening on (ws:\/\/[^\s]+)/;
/** Harmless stderr lines: Debian's /usr/bin/chromium shell wrapper prints `[: …: unexpected operator`,
 *  and Chromium logs D-Bus and Fontconfig warnings in containers without a session bus. */
const NOISE_RE = /unexpected operator|dbus|D-Bus|Fontconfig|bus\.cc|DevTools listening/i;

/** The lines of Chromium's stderr that are likely to explain a failure, noise removed. */
export function explainStderr(stderr: string, maxLines = 12): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !NOISE_RE.test(l));
  return lines.slice(-maxLines).join('\n');
}

export async function launchAuditChromium(opts: LaunchChromiumOptions): Promise<AuditChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'playwright-perf-lh-'));
  const flags = [
    ...(await loadChromeLauncherFlags()),
    ...AUDIT_CHROMIUM_FLAGS,
    '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
    ...(opts.flags ?? []),
    'about:blank',
  ];
  let child: ChildProcess;
  try {
    // detached: own process group, so close() also kills helper processes of wrapper scripts.
    child = spawn(opts.executablePath, flags, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new ChromiumLaunchError(`could not start Chromium at ${opts.executablePath}: ${errorMessage(e)}`, '');
  }
  track(child.pid);
  let stderr = '';
  let exited = false;
  child.stderr!.on('data', (d: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += d.toString();
  });
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const close = async () => {
    if (child.pid !== undefined) live.delete(child.pid);
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        try {
          child.kill('SIGKILL');
        } catch {
          /* gone */
        }
      }
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 2000))]);
    }
    child.stderr?.destroy();
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? CHROMIUM_START_TIMEOUT_MS;
    const fail = (why: string) => {
      cleanup();
      const detail = explainStderr(stderr);
      reject(
        new ChromiumLaunchError(
          `Chromium for the Lighthouse audit did not start (${why}).\n` +
            `  executable: ${opts.executablePath}\n` +
            (detail
              ? `  Chromium said:\n    ${detail.split('\n').join('\n    ')}`
              : '  Chromium printed nothing on stderr.'),
          stderr,
        ),
      );
    };
    const onData = () => {
      const m = ENDPOINT_RE.exec(stderr);
      if (m) {
        cleanup();
        resolve(m[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(signal ? `killed by ${signal}` : `exited with code ${code}`);
    const onError = (e: Error) => fail(e.message);
    const timer = setTimeout(() => fail(`no DevTools endpoint after ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  }).catch(async (e) => {
    await close();
    throw e;
  });

  return {
    wsEndpoint,
    port: Number(new URL(wsEndpoint).port),
    pid: child.pid,
    userDataDir,
    stderr: () => stderr,
    exited: () => exited,
    close,
  };
}
