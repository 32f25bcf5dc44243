// The search lands near the best configuration: a generated suite with slowMo, unbalanced files
// (3 tests in one file, 1 in each of two others) and tests that mostly wait (sleeps) starts at one
// worker without fullyParallel. `optimize --apply --validate --sweep 2,4` picks a config; an
// exhaustive sweep of the same space in the same test (slowMo kept/off × fullyParallel off/on ×
// 2, 4 workers; one run per point, then two more for the two fastest points and the chosen one,
// interleaved) gives the best median. The chosen config's median must be within 10 % of it, with
// no new failures. Timing-based, so it lives in test/accuracy (serial). On a busy machine one round
// can rank two close configs either way, so while the verdict is not clear yet (chosen > 1.1 × best)
// further interleaved rounds are measured, up to MAX_ROUNDS: medians of more runs, not a looser bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/inline-project';
import { createSearchSuite, SEARCH_CONFIG, SEARCH_SLOW_MO } from '../helpers/optimizer-suites';
import { measureRun } from '../../src/optimize/measure';
import { median } from '../../src/optimize/compare';
import { rewriteConfig } from '../../src/optimize/config-rewriter';
import type { ConfigEdit, MeasuredRun, ValidationSummary } from '../../src/types';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const WORKERS = [2, 4];

interface Point {
  slowMo: boolean;
  fp: boolean;
  workers: number;
}
const key = (p: Point) => `slowMo=${p.slowMo ? SEARCH_SLOW_MO : 0} fullyParallel=${p.fp} workers=${p.workers}`;

/** Interleaved rounds of the contenders after the one-run-per-point sweep: at least, and at most. */
const MIN_ROUNDS = 2;
const MAX_ROUNDS = 6;
const WITHIN = 1.1;

test('optimize --validate picks a config within 10 % of the best of an exhaustive sweep', {
  timeout: 1_800_000,
}, async () => {
  const p = createSearchSuite();
  try {
    const first = await p.run([]);
    assert.equal(first.exitCode, 0, first.stdout + first.stderr);
    const out = await p.exec(
      process.execPath,
      [CLI, 'optimize', '--apply', '--validate', '--runs', '2', '--sweep', WORKERS.join(','), '--json'],
      { timeoutMs: 1_200_000 },
    );
    assert.equal(out.exitCode, 0, out.stdout + out.stderr);
    assert.match(out.stderr, /\[\d+\/\d+\] sweep workers=\d: .* · ETA/, 'progress with an ETA');
    const { validation: v } = JSON.parse(out.stdout) as { validation: ValidationSummary };
    assert.deepEqual(v.newFailures, []);
    for (const r of [...v.baseline, ...v.candidate]) assert.equal(r.failed, 0, JSON.stringify(r));
    assert.ok(
      v.edits?.some((e) => e.paths.includes('use.launchOptions.slowMo')),
      `slowMo is one of the changes searched: ${JSON.stringify(v.edits)}`,
    );

    // The config the search left behind, as a point of the grid (rolled back = the original, not in the grid: fails below).
    const final = readFileSync(p.file('playwright.config.ts'), 'utf8');
    const chosen: Point = {
      slowMo: new RegExp(`slowMo: ${SEARCH_SLOW_MO}`).test(final),
      fp: /fullyParallel: true/.test(final),
      workers: Number(/workers: (\d+)/.exec(final)![1]),
    };

    const variant = (pt: Point) => {
      const edits: ConfigEdit[] = [];
      if (!pt.slowMo) edits.push({ path: 'use.launchOptions.slowMo', from: SEARCH_SLOW_MO, to: 0 });
      if (pt.fp) edits.push({ path: 'fullyParallel', from: false, to: true });
      const file = p.file(`sweep-${pt.slowMo ? 's' : 'n'}${pt.fp ? 'p' : 'f'}.config.ts`);
      writeFileSync(file, rewriteConfig(SEARCH_CONFIG, file, edits).text);
      return file;
    };
    const points: Point[] = [];
    for (const slowMo of [true, false])
      for (const fp of [false, true]) for (const workers of WORKERS) points.push({ slowMo, fp, workers });
    const runs = new Map<string, MeasuredRun[]>();
    const measure = async (pt: Point) => {
      const r = await measureRun({ configPath: variant(pt), label: key(pt), workers: pt.workers });
      assert.equal(r.failed, 0, `${key(pt)}: ${JSON.stringify(r)}`);
      runs.set(key(pt), [...(runs.get(key(pt)) ?? []), r]);
    };
    const med = (pt: Point) => median(runs.get(key(pt))!.map((r) => r.durationMs));
    for (const pt of points) await measure(pt);
    const contenders = [...points].sort((a, b) => med(a) - med(b)).slice(0, 2);
    if (!contenders.some((c) => key(c) === key(chosen))) contenders.push(chosen);
    const bestOf = () => contenders.reduce((a, b) => (med(b) < med(a) ? b : a));
    let rounds = 0;
    while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && med(chosen) > WITHIN * med(bestOf()))) {
      for (const pt of contenders) await measure(pt);
      rounds++;
    }
    const best = bestOf();
    const table = contenders
      .map(
        (pt) =>
          `${key(pt)}: ${runs
            .get(key(pt))!
            .map((r) => r.durationMs)
            .join('/')} ms`,
      )
      .join('; ');
    const ratio = med(chosen) / med(best);
    console.log(
      `chosen ${key(chosen)} median ${med(chosen)} ms; best ${key(best)} median ${med(best)} ms (×${ratio.toFixed(3)}); runs spent by --validate ${v.runsSpent}; ${rounds} rounds; ${table}`,
    );
    assert.ok(ratio <= WITHIN, `chosen within 10 % of the best after ${rounds} rounds: ${table}`);
  } finally {
    p.cleanup();
  }
});
