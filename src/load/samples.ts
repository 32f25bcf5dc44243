// Turns what a PerfSession measured in one iteration into load samples, named by what they time:
//   flow.<name>   perf.flow / presets (passed flows)     step.<name>  perf.time / perf.measure
//   page.<path>   navigation start → load end           vital.<LCP|FCP|TTFB|CLS|INP>
// Samples are placed in the window of their own end time, not the iteration's.
import type { TestPerfData } from '../types';
import type { LoadRecorder } from './recorder';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** `epochToTestMs` converts an epoch time to ms since the test start. */
export function recordPerfData(
  recorder: LoadRecorder,
  data: TestPerfData,
  nowMs: () => number,
  epochToTestMs: (epoch: number) => number = () => nowMs(),
): void {
  for (const f of data.flows ?? []) {
    if (!f.ok) continue;
    const at = epochToTestMs(f.startTime + f.durationMs);
    recorder.sample(`flow.${f.name}`, f.durationMs, at);
    recorder.flow(at);
  }
  for (const t of data.userTimings ?? []) {
    if (t.type !== 'measure' || t.source !== 'test') continue;
    recorder.sample(`step.${t.name}`, t.durationMs, epochToTestMs(t.startTime + t.durationMs));
  }
  for (const n of data.navigations ?? []) {
    if (n.durationMs > 0)
      recorder.sample(`page.${pathOf(n.url)}`, n.durationMs, epochToTestMs(n.startTime + n.durationMs));
  }
  for (const v of data.vitals ?? []) recorder.sample(`vital.${v.name}`, v.value, epochToTestMs(v.time));
}
