// Chromium-only runtime counters through CDP `Performance.getMetrics` (JS heap, script/task time,
// layouts, style recalcs, DOM nodes). One CDP session per page, opened when the page appears and
// read once at the end of its life. Other browsers: absent by design (the caller only creates this
// for Chromium), never an error.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { RuntimeMetric } from '../types';
import { quietly } from './quiet';
import { urlForReport } from './page-snapshot';
import { errorMessage } from '../util/errors';

interface Tracked {
  session: Promise<CDPSession | null>;
}

export class CdpRuntimeCollector {
  private readonly pages = new Map<Page, Tracked>();
  readonly errors: Array<{ where: string; message: string }> = [];

  constructor(private readonly context: BrowserContext) {}

  track(page: Page): void {
    if (this.pages.has(page)) return;
    const session = quietly(this.context, async () => {
      const s = await this.context.newCDPSession(page);
      await s.send('Performance.enable');
      return s;
    }).catch((e: unknown) => {
      if (!page.isClosed()) this.errors.push({ where: 'collector.runtime', message: errorMessage(e) });
      return null;
    });
    this.pages.set(page, { session });
  }

  /** Reads the counters of every still-open page. Closed pages have nothing left to read. */
  async collect(): Promise<RuntimeMetric[]> {
    const out: RuntimeMetric[] = [];
    for (const [page, t] of this.pages) {
      const s = await t.session;
      if (!s || page.isClosed()) continue;
      try {
        const { metrics } = await quietly(this.context, () => s.send('Performance.getMetrics'));
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        out.push({
          url: urlForReport(page.url()),
          time: Date.now(),
          jsHeapUsedBytes: m.JSHeapUsedSize,
          jsHeapTotalBytes: m.JSHeapTotalSize,
          scriptDurationMs: m.ScriptDuration !== undefined ? Math.round(m.ScriptDuration * 1e5) / 100 : undefined,
          taskDurationMs: m.TaskDuration !== undefined ? Math.round(m.TaskDuration * 1e5) / 100 : undefined,
          layoutCount: m.LayoutCount,
          recalcStyleCount: m.RecalcStyleCount,
          nodes: m.Nodes,
        });
        // No detach: the session ends with the page/context, and a round trip less matters here.
      } catch (e) {
        if (!page.isClosed()) this.errors.push({ where: 'collector.runtime', message: errorMessage(e) });
      }
    }
    return out;
  }
}
