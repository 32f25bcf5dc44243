// Pushes a run's metrics to a Prometheus Pushgateway. PUT replaces every series of the grouping key
// (job, branch, shard), so a test that was deleted or renamed does not linger as a stale series.
// Bounded in time and never throws: the caller records a failure as one warning.
import { Pushgateway } from 'prom-client';
import type { JsonReport } from '../types';
import { errorMessage } from '../util/errors';
import { buildRunRegistry } from './report-metrics';
import type { ResolvedPrometheus, ResolvedPushgateway } from './options';

/** The grouping key of a run: one group per job, branch and shard ("all" for a whole run). */
export function groupingKey(report: JsonReport, gw: ResolvedPushgateway): Record<string, string> {
  const shard = report.run.meta.shard;
  return {
    branch: report.run.meta.git?.branch || 'unknown',
    // '/' cannot appear in a grouping value of the push URL; "2-of-3" reads as well.
    shard: shard ? `${shard.current}-of-${shard.total}` : 'all',
    ...gw.grouping,
  };
}

export interface PushResult {
  url: string;
  grouping: Record<string, string>;
}

export async function pushRunMetrics(report: JsonReport, options: ResolvedPrometheus): Promise<PushResult | null> {
  const gw = options.pushgateway;
  if (!gw) return null;
  const registry = buildRunRegistry(report, options.perTest);
  const grouping = groupingKey(report, gw);
  const client = new Pushgateway(gw.url, { timeout: gw.timeoutMs }, registry);
  let timer: NodeJS.Timeout | undefined;
  // The socket timeout covers a silent gateway; this covers everything else (DNS, slow trickle).
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${gw.timeoutMs} ms`)), gw.timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([client.push({ jobName: gw.job, groupings: grouping }), deadline]);
  } catch (e) {
    throw new Error(`push to Pushgateway ${redact(gw.url)} failed: ${errorMessage(e)}`);
  } finally {
    clearTimeout(timer);
  }
  return { url: gw.url, grouping };
}

/** Credentials in a URL (https://user:secret@host) must not reach logs or run.errors. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
