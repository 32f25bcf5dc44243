// Validation of the history / budgets / gate reporter options: every problem names the option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHistoryOptions, DEFAULT_HISTORY_PATH } from '../../src/store/options';
import { resolveBudgets, resolveGate } from '../../src/analyze/budgets/options';
import { resolveOptions } from '../../src/reporter/options';

test('history options: defaults, false, and named problems', () => {
  assert.equal(
    resolveHistoryOptions(undefined).history && (resolveHistoryOptions(undefined).history as { path: string }).path,
    DEFAULT_HISTORY_PATH,
  );
  assert.equal(resolveHistoryOptions(false).history, false);
  const r = resolveHistoryOptions({
    path: '',
    keepRuns: 0,
    keepDays: 1.5,
    minChange: -1,
    fdr: 0.9,
    baseline: { last: 3 },
    color: 'red',
  });
  assert.deepEqual(r.problems, [
    'unknown option "history.color" (known: path, url, keepRuns, keepDays, baseline, minChange, fdr, minAbsChangeMs)',
    'option "history.path" must be a non-empty string, got ""',
    'option "history.keepRuns" must be a positive integer, got 0',
    'option "history.keepDays" must be a positive integer, got 1.5',
    'option "history.minChange" must be a number from 0 to 10 (e.g. 0.05 = 5 %), got -1',
    'option "history.fdr" must be a number above 0 to 0.5 (e.g. 0.05), got 0.9',
    'option "history.baseline" must be one of { previous: <positive integer> }, { pinned: "<name>" }, { runId: "<id>" }, got {"last":3}',
  ]);
  assert.deepEqual(resolveHistoryOptions({ baseline: { pinned: 'release' }, keepRuns: 5 }).history, {
    path: DEFAULT_HISTORY_PATH,
    keepRuns: 5,
    keepDays: 90,
    baseline: { pinned: 'release' },
    minChange: 0.05,
    fdr: 0.05,
    minAbsChangeMs: 3,
  });
  assert.match(
    resolveHistoryOptions('yes').problems[0],
    /option "history" must be an object of history options, or false/,
  );
  assert.equal(resolveHistoryOptions(true).problems.length, 1);
});

test('budgets and gate options', () => {
  const b = resolveBudgets([
    'test.duration < 30s',
    { rule: 'p95(LCP) < 2500', match: '*/checkout', severity: 'warn' },
    { rule: 'nope' },
    42,
    { rule: 'test.duration < 1', when: 'x' },
  ]);
  assert.deepEqual(
    b.budgets.map((x) => x.rule),
    ['test.duration < 30s', 'p95(LCP) < 2500', 'test.duration < 1'],
  );
  assert.match(b.problems[0], /^option "budgets\[2\]": budget "nope": cannot parse/);
  assert.match(b.problems[1], /^option "budgets\[3\]" must be a rule string/);
  assert.match(b.problems[2], /^option "budgets\[4\]": unknown key\(s\) when/);
  assert.match(resolveBudgets({}).problems[0], /option "budgets" must be an array/);
  assert.deepEqual(resolveGate({ failOnBudget: true }), {
    gate: { failOnBudget: true, failOnRegression: false, minBaselineRuns: 5, minSamples: 5 },
    problems: [],
  });
  assert.deepEqual(resolveGate({ failOnRegresion: true, failOnBudget: 'yes' }).problems, [
    'unknown option "gate.failOnRegresion" (known: failOnBudget, failOnRegression, minBaselineRuns, minSamples)',
    'option "gate.failOnBudget" must be true or false, got "yes"',
  ]);
  const g = resolveGate({ failOnRegression: true, minBaselineRuns: 8, minSamples: 0.5 });
  assert.deepEqual(g.gate, { failOnBudget: false, failOnRegression: true, minBaselineRuns: 8, minSamples: 5 });
  assert.deepEqual(g.problems, ['option "gate.minSamples" must be a whole number ≥ 1, got 0.5']);
});

test('the reporter option resolver reports inner problems', () => {
  const { options, problems } = resolveOptions({ history: { keepRun: 3 }, gate: { failOnBudget: true } });
  assert.deepEqual(problems, [
    'unknown option "history.keepRun" (known: path, url, keepRuns, keepDays, baseline, minChange, fdr, minAbsChangeMs)',
  ]);
  assert.deepEqual(options.gate, { failOnBudget: true, failOnRegression: false, minBaselineRuns: 5, minSamples: 5 });
});
