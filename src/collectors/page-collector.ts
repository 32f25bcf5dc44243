// Worker side of the in-page collectors for one browser context: installs the binding and the init
// script, keeps the latest snapshot per document, flushes open pages at the end of the test, and
// turns everything into metrics + Missing entries (page-snapshot.ts).
import type { BrowserContext, Page } from '@playwright/test';
import { buildPageScript, PAGE_BINDING, PAGE_FLUSH, type PageScriptConfig } from './page-script';
import {
  parseSnapshot,
  snapshotsToFindings,
  type CommittedNavigation,
  type PageFindings,
  type PageSnapshot,
} from './page-snapshot';
import { CdpRuntimeCollector } from './cdp-runtime';
import { quietly, quietUnsupportedReason } from './quiet';
import type { RuntimeMetric } from '../types';

/** Longest we wait for two more frames before finalising (headless Chromium paints at ~60 Hz; on
 *  a busy machine two frames took over 100 ms). */
const FLUSH_FRAME_WAIT_MS = 250;
/** Longest we wait for the first contentful paint of a page that has content but reported none. */
const FLUSH_PAINT_WAIT_MS = 1000;
/** Longest we wait for one page's flush; a hung page must not hold up teardown. */
export const FLUSH_TIMEOUT_MS = 2000;

export interface PageCollectorOptions extends PageScriptConfig {
  runtime: boolean;
}

export class PageCollector {
  private readonly snapshots = new Map<string, PageSnapshot>();
  private readonly committed: CommittedNavigation[] = [];
  private readonly pages = new Set<Page>();
  /** Document ids per page, and ids of documents whose page the test closed before our flush. */
  private readonly docsOf = new Map<Page, Set<string>>();
  private readonly closedByTest = new Set<string>();
  private flushing = false;
  /** While the `page` fixture times page creation, CDP sessions wait (they share the worker's event
   *  loop with Playwright's in-process server and would inflate the measured creation time). */
  private held: Page[] | null = null;
  private readonly runtime: CdpRuntimeCollector | null;
  private readonly errors: Array<{ where: string; message: string }> = [];
  private installed = false;

  constructor(
    private readonly context: BrowserContext,
    private readonly options: PageCollectorOptions,
    browserName: string,
  ) {
    this.runtime = options.runtime && browserName === 'chromium' ? new CdpRuntimeCollector(context) : null;
  }

  get needsPageScript(): boolean {
    const o = this.options;
    return o.webVitals || o.navigation || o.longTasks || o.userTimings || o.routes;
  }

  async install(): Promise<void> {
    const unquiet = quietUnsupportedReason(this.context);
    if (unquiet) this.errors.push({ where: 'collector.quiet', message: unquiet });
    if (this.needsPageScript) {
      // Two independent round trips to the browser: in parallel. Both are in place before the first
      // page of the context exists (the fixture awaits install before creating it).
      await Promise.all([
        quietly(this.context, () =>
          this.context.exposeBinding(PAGE_BINDING, (source, payload: unknown) => this.onSnapshot(payload, source.page)),
        ),
        quietly(this.context, () => this.context.addInitScript({ content: buildPageScript(this.options) })),
      ]);
    }
    this.installed = true;
    this.context.on('page', (p) => this.track(p));
    for (const p of this.context.pages()) this.track(p);
  }

  private track(page: Page): void {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    if (this.needsPageScript) {
      page.on('domcontentloaded', () => {
        try {
          this.committed.push({ url: page.url(), time: Date.now() });
        } catch {
          /* page gone */
        }
      });
    }
    page.once('close', () => {
      if (this.flushing) return;
      for (const id of this.docsOf.get(page) ?? []) this.closedByTest.add(id);
    });
    if (this.held) this.held.push(page);
    else this.runtime?.track(page);
  }

  holdRuntime(): void {
    this.held ??= [];
  }

  releaseRuntime(): void {
    const pages = this.held ?? [];
    this.held = null;
    for (const p of pages) this.runtime?.track(p);
  }

  private onSnapshot(payload: unknown, page?: Page): void {
    if (typeof payload !== 'string') return;
    const s = parseSnapshot(payload);
    if (!s) return;
    if (page) {
      let ids = this.docsOf.get(page);
      if (!ids) this.docsOf.set(page, (ids = new Set()));
      ids.add(s.id);
    }
    const prev = this.snapshots.get(s.id);
    // A late, non-final message must not overwrite the final snapshot.
    if (prev?.final && !s.final) return;
    this.snapshots.set(s.id, s);
  }

  /** Finalises every open page (web-vitals report LCP/CLS/INP on hide) and reads runtime counters. */
  async flush(): Promise<{ runtime: RuntimeMetric[]; runtimeMs: number }> {
    if (!this.installed) return { runtime: [], runtimeMs: 0 };
    this.flushing = true;
    this.releaseRuntime();
    // The CDP counters and the page flushes are independent round trips: run them side by side
    // (the page flush waits for frames; the counters need no frame).
    let runtimeEnd = 0;
    const runtimeDone = this.runtime
      ? this.runtime.collect().finally(() => {
          runtimeEnd = performance.now();
        })
      : Promise.resolve<RuntimeMetric[]>([]);
    if (this.needsPageScript) {
      await Promise.all(
        [...this.pages]
          .filter((p) => !p.isClosed())
          .map(async (page) => {
            try {
              const json = await Promise.race([
                quietly(page, () =>
                  page.evaluate(
                    async ([name, framesMs, paintMs]) => {
                      // An interaction's Event Timing entry (what INP is made of) only exists once the frame
                      // after it has been presented; a test that ends right after a click would otherwise
                      // lose its INP, and one that ends right after the load event its FCP (and LCP, CLS).
                      // The page script says what can still be pending (0 nothing, 1 two frames, 2 the
                      // first contentful paint); we let frames pass until it is not — bounded, as rAF may
                      // never fire and a page may never paint.
                      const w = window as unknown as Record<string, unknown>;
                      const f = w[name];
                      if (typeof f !== 'function') return null;
                      const pending = w[`${name}Pending`];
                      const need = () => (typeof pending === 'function' ? Number((pending as () => number)()) : 1);
                      const start = performance.now();
                      const frame = (ms: number) =>
                        new Promise<void>((resolve) => {
                          const timer = setTimeout(() => resolve(), ms);
                          requestAnimationFrame(() =>
                            setTimeout(() => {
                              clearTimeout(timer);
                              resolve();
                            }, 0),
                          );
                        });
                      for (let frames = 0; ; frames++) {
                        const n = need();
                        if (n === 0 || (n === 1 && frames >= 2)) break;
                        const left = (n === 2 ? paintMs : framesMs) - (performance.now() - start);
                        if (left <= 0) break;
                        await frame(left);
                      }
                      return (f as () => string)();
                    },
                    [PAGE_FLUSH, FLUSH_FRAME_WAIT_MS, FLUSH_PAINT_WAIT_MS] as const,
                  ),
                ),
                new Promise<null>((r) => setTimeout(() => r(null), FLUSH_TIMEOUT_MS).unref?.()),
              ]);
              if (typeof json === 'string') this.onSnapshot(json, page);
            } catch {
              // Page crashed/closed while flushing: its streamed snapshots remain; gaps become Missing.
            }
          }),
      );
    }
    const pagesEnd = performance.now();
    const runtime = await runtimeDone;
    // Reported as 'runtime': only the time the counters added after the page flushes were done.
    return { runtime, runtimeMs: Math.max(0, runtimeEnd - pagesEnd) };
  }

  findings(): PageFindings & { runtimeErrors: Array<{ where: string; message: string }> } {
    const f = snapshotsToFindings([...this.snapshots.values()], this.committed, this.options, this.closedByTest);
    return { ...f, runtimeErrors: [...this.errors, ...(this.runtime?.errors ?? [])] };
  }
}
