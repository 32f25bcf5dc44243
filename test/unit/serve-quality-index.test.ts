// The serve index's quality summaries are summarizeQuality's, run by run: on a history with every
// outcome, skipped runs, --repeat-each repeats, tests that come and go, and timeouts after a drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompactRun, CompactTest } from '../../src/types';
import { QualityIndex } from '../../src/serve/quality-index';
import { QUALITY_WINDOW, summarizeQuality } from '../../src/analyze/history/quality';
import { compact, compactTest, rng } from '../helpers/history-factories';

const OUTCOMES: CompactTest['outcome'][] = ['expected', 'expected', 'expected', 'flaky', 'unexpected', 'skipped'];

function randomRun(r: () => number, i: number): CompactRun {
  const tests: CompactTest[] = [];
  for (let t = 0; t < 40; t++) {
    if (r() < 0.1) continue; // not in this run
    const copies = r() < 0.15 ? 2 : 1; // a repeat, possibly with another outcome
    for (let c = 0; c < copies; c++) {
      const outcome = t < 25 ? 'expected' : OUTCOMES[Math.floor(r() * OUTCOMES.length)];
      const timedOut = outcome === 'unexpected' && r() < 0.5;
      const attempts: Array<[string, number]> =
        outcome === 'skipped'
          ? []
          : outcome === 'flaky'
            ? [
                ['failed', 900],
                ['passed', 1000 + i * 40],
              ]
            : [[outcome === 'expected' ? 'passed' : timedOut ? 'timedOut' : 'failed', 1000 + i * 40]];
      tests.push(compactTest(`t${t}.spec.ts › test ${t}`, [], { outcome, attempts, timeoutMs: 3000 }));
    }
  }
  // Order changes between runs: the summary's order of ties must not depend on it matching.
  if (r() < 0.3) tests.reverse();
  return compact(i, tests);
}

test("QualityIndex gives summarizeQuality's answer for every run of a mixed history", () => {
  const r = rng(5);
  const runs = Array.from({ length: 80 }, (_, i) => randomRun(r, i));
  const index = new QualityIndex(runs);
  let listed = 0;
  runs.forEach((run, i) => {
    const expected = summarizeQuality(runs.slice(Math.max(0, i - QUALITY_WINDOW), i), run);
    assert.deepEqual(index.summary(i), expected, `run ${i}`);
    listed += expected.perTest.length;
  });
  // The history is not trivially clean: most runs list tests, with every failure kind.
  assert.ok(listed > 80 * 5, `listed ${listed}`);
  const kinds = new Set(runs.flatMap((_, i) => index.summary(i).perTest.map((e) => e.failureKind)));
  for (const k of ['failure', 'likely-flaky', 'likely-performance']) assert.ok(kinds.has(k as never), k);
});

test('QualityIndex on a clean history and on a single run', () => {
  const runs = [0, 1, 2].map((i) => compact(i, [compactTest('a', [100]), compactTest('b', [200])]));
  const index = new QualityIndex(runs);
  assert.deepEqual(index.summary(2), { runs: 3, testsConsidered: 2, perTest: [] });
  assert.deepEqual(new QualityIndex(runs.slice(0, 1)).summary(0), summarizeQuality([], runs[0]));
});
