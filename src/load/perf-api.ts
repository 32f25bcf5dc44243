// The `perf` object a load iteration receives: the fixtures' API (flows, presets, marks, measures,
// time) built on the same PerfSession, so code written for `test` runs unchanged as a load
// iteration. One thing is not offered: Lighthouse audits (one audit takes ~10 s of a whole core;
// under load it would measure the generator, not the app).
import type { BrowserContext } from '@playwright/test';
import { createFlowApi, type FlowApi } from '../fixtures/flow';
import { createPresets, type PerfPresets } from '../fixtures/presets';
import type { PerfCollector } from '../fixtures/perf-collector';
import type { PerfSession } from '../fixtures/perf-session';
import type { ResolvedPerfOptions } from '../fixtures/options';

export interface LoadPerfApi {
  readonly collector: PerfCollector;
  readonly options: Readonly<ResolvedPerfOptions>;
  mark(name: string): number;
  measure(name: string, startMark?: string, endMark?: string): number;
  time<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
  instrument(context: BrowserContext): Promise<void>;
  flush(context: BrowserContext): Promise<void>;
  readonly flow: FlowApi;
  readonly presets: PerfPresets;
  /** Not available under load: throws, saying why. */
  lighthouse(...args: unknown[]): Promise<never>;
}

export class LighthouseUnderLoadError extends Error {
  constructor() {
    super(
      'perf.lighthouse is not available in load tests: an audit takes ~10 s of a whole CPU core, so under load ' +
        'it would measure the load generator, not the app. Audit in a normal test instead.',
    );
    this.name = 'LighthouseUnderLoadError';
  }
}

export function createLoadPerfApi(session: PerfSession): LoadPerfApi {
  const flow = createFlowApi(session.collector);
  return {
    flow,
    presets: createPresets(flow, session.collector),
    collector: session.collector,
    options: session.options,
    mark: (name) => session.mark(name),
    measure: (name, startMark, endMark) => session.measure(name, startMark, endMark),
    time: (name, fn) => session.time(name, fn),
    instrument: (context) => session.instrument(context),
    flush: (context) => session.flush(context),
    lighthouse: async () => {
      throw new LighthouseUnderLoadError();
    },
  };
}
