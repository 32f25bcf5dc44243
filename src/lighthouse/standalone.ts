// `playwright-perf lighthouse <urls>`: N audits per URL (serialized by the same machine-wide lock as
// in-test audits), the median run per URL, full reports for every run on disk.
import { join } from 'node:path';
import type { LighthouseResult } from '../types';
import type { ResolvedAuditOptions } from './audit-options';
import { runAudit } from './run-audit';
import { medianRun } from './median-run';
import { checkThresholds, thresholdFailureMessage } from './map-result';
import type { StandaloneUrlResult } from './standalone-record';
import type { StorageStateLike } from './share-storage';
import { errorMessage } from '../util/errors';

export function urlSlug(url: string): string {
  return (
    url
      .replace(/^https?:\/\//, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'page'
  );
}

export async function auditUrls(args: {
  urls: string[];
  runs: number;
  options: ResolvedAuditOptions;
  chromiumPath: string;
  reportDir: string;
  log: (line: string) => void;
  /** Playwright storageState (cookies + localStorage) to audit logged-in pages. */
  storageState?: StorageStateLike;
}): Promise<StandaloneUrlResult[]> {
  const out: StandaloneUrlResult[] = [];
  for (const [ui, url] of args.urls.entries()) {
    const started = Date.now();
    const results: LighthouseResult[] = [];
    const errors: string[] = [];
    for (let i = 1; i <= args.runs; i++) {
      args.log(`[${ui + 1}/${args.urls.length}] ${url} run ${i}/${args.runs}…`);
      try {
        // Thresholds are checked once, on the median, not per run.
        const { result } = await runAudit({
          url,
          mode: 'navigation',
          options: { ...args.options, thresholds: {}, shareStorage: !!args.storageState },
          chromiumPath: args.chromiumPath,
          ...(args.storageState ? { storageState: args.storageState } : {}),
          reportBase: join(args.reportDir, `${urlSlug(url)}.run${i}`),
          onProgress: args.log,
        });
        results.push(result);
        const s = Object.entries(result.scores)
          .map(([k, v]) => `${k} ${v ?? '–'}`)
          .join(', ');
        args.log(
          `  ${s}; LCP ${result.metrics.lcpMs ?? '–'} ms, TBT ${result.metrics.tbtMs ?? '–'} ms, CLS ${result.metrics.cls ?? '–'} (${(result.durationMs / 1000).toFixed(1)} s)`,
        );
      } catch (e) {
        errors.push(`run ${i}: ${errorMessage(e)}`);
        args.log(`  failed: ${errorMessage(e)}`);
      }
    }
    let median: LighthouseResult | undefined;
    if (results.length) {
      median = medianRun(results);
      // Some runs failed, others worked: the median stands, the failures become warnings.
      if (errors.length) median.warnings = [...(median.warnings ?? []), ...errors.splice(0)];
      if (Object.keys(args.options.thresholds).length) {
        median.thresholds = checkThresholds(median, args.options.thresholds);
        const msg = thresholdFailureMessage(median);
        if (msg) errors.push(msg);
      }
    }
    out.push({ url, ...(median ? { median } : {}), errors, startTime: started, durationMs: Date.now() - started });
  }
  return out;
}

/** Parses a Playwright storageState file's JSON; a clear error when it is not one. */
export function parseStorageState(text: string, file: string): StorageStateLike {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${errorMessage(e)})`);
  }
  const s = v as Partial<StorageStateLike>;
  if (
    !s ||
    typeof s !== 'object' ||
    !Array.isArray(s.cookies) ||
    (s.origins !== undefined && !Array.isArray(s.origins))
  ) {
    throw new Error(
      `${file} is not a Playwright storage state ({ cookies: [...], origins: [...] }, as written by context.storageState({ path }))`,
    );
  }
  for (const c of s.cookies) {
    if (!c || typeof c.name !== 'string' || typeof c.value !== 'string')
      throw new Error(`${file}: every cookie needs a string name and value`);
  }
  return {
    cookies: s.cookies,
    origins: (s.origins ?? []).filter((o) => o && typeof o.origin === 'string' && Array.isArray(o.localStorage)),
  };
}
