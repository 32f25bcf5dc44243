// Receives Playwright's `pw:api` action log lines in real time, inside the worker.
// Playwright's server runs in the worker process (browserType.launch), and its progress logs —
// "waiting for locator(…)", "locator resolved to …", "element is visible, enabled and stable" —
// go through the `debug` module bundled in playwright-core (lib/utilsBundle, an exported path).
// The public `logger` option only receives the client's "=> x started / <= x succeeded" lines, so
// we enable the `pw:api` namespace on that `debug` instance and take over its `log` function:
// our lines are timestamped on arrival and swallowed (passed through if the user set DEBUG=pw:api
// themselves); every other namespace goes to the original writer untouched.
// With `connectOptions` (remote browser) the server logs elsewhere and nothing arrives: the
// locator collector then records a Missing entry instead of timings.
import { errorMessage } from '../util/errors';
import { playwrightInstall, playwrightVersion } from '../util/playwright-install';

type DebugFn = ((...args: unknown[]) => void) & { namespace?: string };
interface DebugModule {
  enable(ns: string): void;
  disable(): string;
  enabled(ns: string): boolean;
  log: (this: DebugFn, ...args: unknown[]) => void;
}

export type LineListener = (t: number, msg: string) => void;

const NAMESPACE = 'pw:api';

/** The `debug` module of the playwright-core that @playwright/test itself uses (one per install). */
function loadDebugModule(): DebugModule | null {
  try {
    const install = playwrightInstall();
    const debug = install?.requireCore<{ debug?: DebugModule }>('lib/utilsBundle').debug;
    if (!debug || typeof debug.enable !== 'function' || typeof debug.disable !== 'function') return null;
    if (typeof debug.log !== 'function') return null;
    return debug;
  } catch {
    return null;
  }
}

/** Strips the `debug` prefix ("  <color>pw:api <reset>" or "<ISO date> pw:api ") from a line. */
export function stripDebugPrefix(first: unknown): string {
  const s = String(first);
  const i = s.indexOf(NAMESPACE + ' ');
  if (i < 0) return s;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI reset `debug` prints
  return s.slice(i + NAMESPACE.length + 1).replace(/^\u001b\[0m/, '');
}

export class ActionLogHook {
  private debug: DebugModule | null = null;
  private originalLog: DebugModule['log'] | null = null;
  private previousNamespaces = '';
  private userWantsApiLogs = false;
  private listener: LineListener | null = null;
  installed = false;
  /** Why the hook could not be installed (recorded as Missing by the fixture). */
  failure: string | null = null;

  install(): boolean {
    if (this.installed) return true;
    const debug = loadDebugModule();
    if (!debug) {
      this.failure =
        `Playwright action log not reachable: playwright-core ${playwrightVersion()} has no \`debug\` ` +
        'module in lib/utilsBundle (locator timings need it; the actions analysis still has step durations)';
      return false;
    }
    try {
      this.previousNamespaces = debug.disable();
      this.userWantsApiLogs = this.namespaceEnabled(this.previousNamespaces);
      debug.enable(this.previousNamespaces ? `${this.previousNamespaces},${NAMESPACE}` : NAMESPACE);
      const original = debug.log;
      this.originalLog = original;
      const hook = this;
      debug.log = function (this: DebugFn, ...args: unknown[]) {
        if (this && this.namespace === NAMESPACE) {
          const t = performance.timeOrigin + performance.now();
          try {
            hook.listener?.(t, stripDebugPrefix(args[0]));
          } catch {
            /* never break Playwright's logging */
          }
          if (!hook.userWantsApiLogs) return;
        }
        return (original ?? console.error).apply(this, args);
      };
      this.debug = debug;
      this.installed = true;
      return true;
    } catch (e) {
      this.failure = `could not hook Playwright's action log: ${errorMessage(e)}`;
      return false;
    }
  }

  private namespaceEnabled(namespaces: string): boolean {
    // Same matching `debug` does, limited to what matters: "pw:api", "pw:*", "*", minus exclusions.
    const parts = namespaces.split(/[\s,]+/).filter(Boolean);
    let on = false;
    for (const p of parts) {
      const neg = p.startsWith('-');
      const re = new RegExp(
        '^' + (neg ? p.slice(1) : p).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*?') + '$',
      );
      if (re.test(NAMESPACE)) on = !neg;
    }
    return on;
  }

  setListener(listener: LineListener | null): void {
    this.listener = listener;
  }

  uninstall(): void {
    if (!this.installed || !this.debug) return;
    try {
      if (this.originalLog) this.debug.log = this.originalLog;
      this.debug.disable();
      if (this.previousNamespaces) this.debug.enable(this.previousNamespaces);
    } catch {
      /* ignore */
    }
    this.installed = false;
    this.listener = null;
  }
}
