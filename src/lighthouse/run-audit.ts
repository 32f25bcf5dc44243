// One Lighthouse audit end to end: lock → own Chromium (port 0) → test storage copied in →
// Lighthouse (navigation, snapshot or timespan) with a timeout → full reports saved → our result.
// Used by the fixture (with the test's storage) and the CLI (without).
import type { Browser, BrowserType, Page } from '@playwright/test';
import { acquireAuditLock } from './audit-lock';
import type { ResolvedAuditOptions } from './audit-options';
import { lighthouseSettings } from './audit-options';
import { explainStderr, launchAuditChromium, type AuditChromium } from './launch-chromium';
import { loadLighthouse, loadPuppeteer } from './load-lighthouse';
import type { Lhr, LighthouseModule, RunnerResult } from './lighthouse-types';
import { checkThresholds, mapLhr } from './map-result';
import { connectPlaywright, hasStorage, writeStorage, writeStorageCdp, type StorageStateLike } from './share-storage';
import { saveReports } from './save-reports';
import type { LighthouseResult } from '../types';

export type AuditMode = 'navigation' | 'snapshot' | 'timespan';

export interface AuditRequest {
  url: string;
  mode: AuditMode;
  options: ResolvedAuditOptions;
  chromiumPath: string;
  /** Test context's cookies/localStorage to copy into the audit browser. */
  storageState?: StorageStateLike;
  /** Playwright's chromium BrowserType: needed to copy storage and for snapshot/timespan. */
  browserType?: Pick<BrowserType, 'connectOverCDP'>;
  /** snapshot: brings the audit page into the state to audit; timespan: the interaction measured. */
  action?: (auditPage: Page) => Promise<void>;
  /** Path without extension for the saved reports (`<base>.html`, `<base>.json`). */
  reportBase?: string;
  /** Progress lines (waiting for the lock, phases). */
  onProgress?: (message: string) => void;
  /** Called when the lock is held, before the audit (the fixture extends the test timeout here). */
  onLockAcquired?: (waitedMs: number) => void;
  /** Called with the audit Chromium's pid (its process group) once it runs. */
  onChromiumStarted?: (pid: number) => void;
}

export interface AuditOutcome {
  result: LighthouseResult;
  lhr: Lhr;
  lockWaitMs: number;
}

export class LighthouseAuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LighthouseAuditError';
  }
}

export async function runAudit(req: AuditRequest): Promise<AuditOutcome> {
  // Import Lighthouse while we may wait for the lock: a one-time CPU cost per process, no worse for a
  // running audit than the ordinary tests other workers run meanwhile.
  loadLighthouse().catch(() => undefined);
  const lock = await acquireAuditLock({ timeoutMs: req.options.lockTimeoutMs, onWait: req.onProgress });
  try {
    req.onLockAcquired?.(lock.waitedMs);
    const outcome = await auditHoldingLock(req);
    outcome.result.phasesMs = { lockWaitMs: lock.waitedMs, ...outcome.result.phasesMs };
    if (lock.compromised)
      outcome.result.warnings = [
        ...(outcome.result.warnings ?? []),
        `audit lock lost while auditing (${lock.compromised}): another audit may have overlapped`,
      ];
    return { ...outcome, lockWaitMs: lock.waitedMs };
  } finally {
    await lock.release();
  }
}

async function auditHoldingLock(req: AuditRequest): Promise<Omit<AuditOutcome, 'lockWaitMs'>> {
  const started = Date.now();
  const o = req.options;
  // Where the audit's time went (our overhead vs Lighthouse itself), kept in the result.
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = (phases[name] ?? 0) + now - mark;
    mark = now;
  };
  // Start loading Lighthouse while Chromium starts (import ≈ 1–3 s the first time in a process).
  const lhPromise = loadLighthouse();
  lhPromise.catch(() => undefined);
  const chromium = await launchAuditChromium({ executablePath: req.chromiumPath, flags: o.chromiumFlags });
  if (chromium.pid !== undefined) req.onChromiumStarted?.(chromium.pid);
  phase('launchMs');
  let pw: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  try {
    const work = (async (): Promise<RunnerResult | undefined> => {
      const lh = await lhPromise;
      phase('loadLighthouseMs');
      const { flags, config } = lighthouseSettings(o, chromium.port, lh.desktopConfig);
      if (req.mode === 'navigation') {
        if (!(o.shareStorage && hasStorage(req.storageState)))
          return lh.default(req.url, flags, config).finally(() => phase('lighthouseMs'));
        // Logged-in navigation: one Puppeteer connection seeds the storage and hands Lighthouse the tab.
        const puppeteer = await loadPuppeteer();
        const pBrowser = await puppeteer.connect({ browserWSEndpoint: chromium.wsEndpoint, defaultViewport: null });
        try {
          await writeStorageCdp(pBrowser, req.storageState);
          const tab = await pBrowser.newPage();
          phase('shareStorageMs');
          return await lh.navigation(tab, req.url, { flags, ...(config ? { config } : {}) });
        } finally {
          phase('lighthouseMs');
          await pBrowser.disconnect().catch(() => undefined);
        }
      }
      if (!req.browserType) throw new Error(`${req.mode} audits need Playwright's chromium BrowserType`);
      const { browser, context } = await connectPlaywright(req.browserType, chromium.wsEndpoint);
      pw = browser;
      if (o.shareStorage && hasStorage(req.storageState)) await writeStorage(context, req.storageState);
      phase('shareStorageMs');
      return userFlowStep(lh, req, context, chromium, flags, config).finally(() => phase('lighthouseMs'));
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(
          new LighthouseAuditError(
            `Lighthouse audit of ${req.url} timed out after ${o.timeoutMs} ms (option timeoutMs)`,
          ),
        );
        void chromium.close(); // makes the pending Lighthouse calls fail fast instead of hanging on
      }, o.timeoutMs);
    });
    work.catch(() => undefined);
    const runnerResult = await Promise.race([work, timeout]);
    if (!runnerResult?.lhr) throw new LighthouseAuditError(`Lighthouse returned no result for ${req.url}`);
    const lhr = runnerResult.lhr;
    if (lhr.runtimeError && lhr.runtimeError.code !== 'NO_ERROR') {
      throw new LighthouseAuditError(
        `Lighthouse could not audit ${req.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
      );
    }
    const artifacts = req.reportBase ? saveReports(await lhPromise, lhr, req.reportBase) : undefined;
    if (artifacts) phase('saveReportsMs');
    const result = mapLhr(lhr, {
      url: req.url,
      durationMs: Date.now() - started,
      startTime: started,
      ...(artifacts ? { artifacts } : {}),
    });
    result.phasesMs = phases;
    if (o.name) result.name = o.name;
    if (Object.keys(o.thresholds).length) result.thresholds = checkThresholds(result, o.thresholds);
    return { result, lhr };
  } catch (e) {
    if (timedOut || e instanceof LighthouseAuditError) throw e;
    throw withChromiumCause(e, chromium);
  } finally {
    clearTimeout(timer);
    if (pw) await (pw as Browser).close().catch(() => undefined);
    await chromium.close();
  }
}

/** Lighthouse errors after Chromium died say ECONNREFUSED / "Target closed": add what Chromium said. */
function withChromiumCause(e: unknown, chromium: AuditChromium): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (!chromium.exited()) return err;
  const said = explainStderr(chromium.stderr());
  return new LighthouseAuditError(
    `${err.message}\n  the audit Chromium exited during the audit.${said ? ` Chromium said:\n    ${said.split('\n').join('\n    ')}` : ''}`,
  );
}

/** snapshot / timespan: Lighthouse's user-flow API needs a Puppeteer Page. The test drives the same
 *  tab through Playwright (connected over CDP), Lighthouse observes it through Puppeteer. */
async function userFlowStep(
  lh: LighthouseModule,
  req: AuditRequest,
  context: import('@playwright/test').BrowserContext,
  chromium: AuditChromium,
  flags: Record<string, unknown>,
  config: Record<string, unknown> | undefined,
): Promise<RunnerResult | undefined> {
  const page = await context.newPage();
  await page.goto(req.url);
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
  await cdp.detach();
  const puppeteer = await loadPuppeteer();
  const pBrowser = await puppeteer.connect({ browserWSEndpoint: chromium.wsEndpoint, defaultViewport: null });
  try {
    let pPage: unknown;
    for (const candidate of await pBrowser.pages()) {
      const s = await candidate.createCDPSession();
      const info = (await s.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
      await s.detach();
      if (info.targetInfo.targetId === targetInfo.targetId) {
        pPage = candidate;
        break;
      }
    }
    if (!pPage) throw new Error('could not find the audit tab through Puppeteer');
    // Playwright already sized the tab; Lighthouse must not re-emulate a device on a live page.
    const flowFlags = { ...flags, screenEmulation: { disabled: true } };
    if (req.mode === 'snapshot') {
      if (req.action) await req.action(page);
      return await lh.snapshot(pPage, { flags: flowFlags, ...(config ? { config } : {}) });
    }
    const span = await lh.startTimespan(pPage, { flags: flowFlags, ...(config ? { config } : {}) });
    if (req.action) await req.action(page);
    // An interaction's event timing (INP) is recorded with the frame after it: let two frames be
    // presented before the trace stops, or a timespan that ends right after a click loses its INP.
    await page
      .evaluate(
        () =>
          new Promise<void>((resolve) => {
            setTimeout(() => resolve(), 100);
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(), 0)));
          }),
      )
      .catch(() => undefined);
    return await span.endTimespan();
  } finally {
    await pBrowser.disconnect().catch(() => undefined);
  }
}
