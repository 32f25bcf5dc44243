// Every test's runs across one history snapshot, so that a run's quality summary reads only the
// tests that failed or were flaky in its window instead of scanning 30 runs × every test (3 ms per
// run at 1,000 tests, most of a cold run-detail answer). Same result as summarizeQuality(runs before
// i, run i), which a unit test checks run by run.
import type { CompactRun, CompactTest, QualitySummary } from '../types';
import {
  QUALITY_WINDOW,
  failedOrFlaky,
  mergeRepeat,
  qualityEntry,
  sortQualityEntries,
} from '../analyze/history/quality';
import { TestKeyMap } from '../analyze/history/test-key-map';
import { lowerBound } from '../util/lower-bound';

/** One test's runs, oldest first; parallel arrays, one slot per run the test appears in. */
interface Timeline {
  runIndex: number[];
  /** Its runs merged (repeats as one); undefined when it was only skipped in that run. */
  test: Array<CompactTest | undefined>;
  /** Position in the run of its first run that was not skipped (the summary's order of tests). */
  position: number[];
}

export class QualityIndex {
  private readonly timelines = new TestKeyMap<Timeline>();
  /** Per run: the tests that failed or were flaky in it (usually a handful). */
  private readonly noticed: CompactTest[][] = [];
  /** Per run: how many distinct tests it has (skipped ones included). */
  private readonly distinct: number[] = [];

  constructor(runs: CompactRun[]) {
    for (let i = 0; i < runs.length; i++) this.add(runs[i], i);
  }

  private add(run: CompactRun, i: number): void {
    const noticed: CompactTest[] = [];
    let distinct = 0;
    run.tests.forEach((t, position) => {
      if (failedOrFlaky(t)) noticed.push(t);
      let tl = this.timelines.get(t.project, t.subject);
      if (!tl) this.timelines.set(t.project, t.subject, (tl = { runIndex: [], test: [], position: [] }));
      const last = tl.runIndex.length - 1;
      const skipped = t.outcome === 'skipped';
      if (last < 0 || tl.runIndex[last] !== i) {
        distinct++;
        tl.runIndex.push(i);
        tl.test.push(skipped ? undefined : t);
        tl.position.push(position);
      } else if (!skipped) {
        const seen = tl.test[last];
        tl.test[last] = seen ? mergeRepeat(seen, t) : t;
        if (!seen) tl.position[last] = position;
      }
    });
    this.noticed.push(noticed);
    this.distinct.push(distinct);
  }

  /** Quality of run i over the QUALITY_WINDOW − 1 runs before it. */
  summary(i: number): QualitySummary {
    const from = Math.max(0, i - (QUALITY_WINDOW - 1));
    const inWindow = new TestKeyMap<Timeline>();
    for (let r = from; r <= i; r++)
      for (const t of this.noticed[r]) inWindow.set(t.project, t.subject, this.timelines.get(t.project, t.subject)!);
    const found: Array<{ seq: CompactTest[]; isCurrent: boolean; run: number; position: number }> = [];
    for (const tl of inWindow.values()) {
      const end = lowerBound(tl.runIndex, i + 1);
      if (end === 0 || tl.runIndex[end - 1] !== i) continue; // only tests that still exist
      const seq: CompactTest[] = [];
      let run = -1,
        position = 0;
      for (let k = lowerBound(tl.runIndex, from); k < end; k++) {
        const t = tl.test[k];
        if (!t) continue;
        if (run < 0) [run, position] = [tl.runIndex[k], tl.position[k]];
        seq.push(t);
      }
      if (seq.length) found.push({ seq, isCurrent: tl.test[end - 1] !== undefined, run, position });
    }
    // summarizeQuality meets tests in the order they first appear in the window.
    found.sort((a, b) => a.run - b.run || a.position - b.position);
    const perTest = found.flatMap(({ seq, isCurrent }) => qualityEntry(seq, isCurrent) ?? []);
    sortQualityEntries(perTest);
    return { runs: i - from + 1, testsConsidered: this.distinct[i], perTest };
  }
}
