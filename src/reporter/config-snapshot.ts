// Snapshot of the resolved config: the inputs the optimizer reasons about (workers, retries,
// trace/video settings, timeouts…). Values that are not JSON-safe are stringified.
import type { FullConfig } from '@playwright/test/reporter';
import type { ConfigSnapshot, ProjectSnapshot } from '../types';

function mode(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'mode' in (v as object)) return String((v as { mode: unknown }).mode);
  return String(v);
}

function globalSetupFiles(config: FullConfig): string[] {
  const g = (config as { globalSetup?: unknown }).globalSetup;
  return (Array.isArray(g) ? g : [g]).filter((x): x is string => typeof x === 'string' && x.length > 0);
}

export function snapshotConfig(config: FullConfig): ConfigSnapshot {
  const projects: ProjectSnapshot[] = config.projects.map((p) => {
    const use = (p.use ?? {}) as Record<string, unknown>;
    const storageState = use.storageState;
    const launch = (use.launchOptions ?? {}) as { slowMo?: unknown };
    return {
      name: p.name,
      testDir: p.testDir,
      retries: p.retries,
      timeoutMs: p.timeout,
      repeatEach: p.repeatEach,
      dependencies: [...(p.dependencies ?? [])],
      use: {
        browserName: typeof use.browserName === 'string' ? use.browserName : undefined,
        headless: typeof use.headless === 'boolean' ? use.headless : undefined,
        slowMo: typeof launch.slowMo === 'number' && launch.slowMo > 0 ? launch.slowMo : undefined,
        trace: mode(use.trace),
        video: mode(use.video),
        screenshot: mode(use.screenshot),
        actionTimeout: typeof use.actionTimeout === 'number' ? use.actionTimeout : undefined,
        navigationTimeout: typeof use.navigationTimeout === 'number' ? use.navigationTimeout : undefined,
        storageState: typeof storageState === 'string' ? storageState : storageState ? true : undefined,
        baseURL: typeof use.baseURL === 'string' ? use.baseURL : undefined,
      },
    };
  });
  const ws = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
  return {
    configFile: config.configFile,
    rootDir: config.rootDir,
    workers: config.workers,
    fullyParallel: config.fullyParallel,
    globalTimeoutMs: config.globalTimeout,
    maxFailures: config.maxFailures,
    forbidOnly: config.forbidOnly,
    projects,
    ...(globalSetupFiles(config).length ? { globalSetup: globalSetupFiles(config) } : {}),
    webServer: ws
      ? {
          command: (ws as { command?: string }).command,
          url: (ws as { url?: string }).url,
          port: (ws as { port?: number }).port,
          reuseExistingServer: (ws as { reuseExistingServer?: boolean }).reuseExistingServer,
        }
      : null,
  };
}
