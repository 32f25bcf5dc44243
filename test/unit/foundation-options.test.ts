// Reporter option validation: every key checked, one clear message naming the option, defaults kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveOptions, defaultOptions } from '../../src/reporter/options';

test('no options / empty object → defaults, no problems', () => {
  assert.deepEqual(resolveOptions(undefined), { options: defaultOptions(), problems: [] });
  assert.deepEqual(resolveOptions({}), { options: defaultOptions(), problems: [] });
  assert.equal(defaultOptions().sampleIntervalMs, 500);
  assert.equal(defaultOptions().outputDir, 'perf-report');
});

test('valid options are taken as given', () => {
  const { options, problems } = resolveOptions({
    outputDir: 'out',
    html: false,
    json: true,
    summary: false,
    slowest: 3,
    sampleIntervalMs: false,
    labels: { env: 'ci' },
    history: false,
    budgets: [{ rule: 'test.duration < 1s' }],
    gate: { failOnBudget: true },
    recommendations: false,
  });
  assert.deepEqual(problems, []);
  assert.equal(options.outputDir, 'out');
  assert.equal(options.html, false);
  assert.equal(options.sampleIntervalMs, false);
  assert.equal(options.slowest, 3);
  assert.deepEqual(options.labels, { env: 'ci' });
  assert.equal(options.history, false);
  assert.equal(options.recommendations, false);
});

test("Playwright's own keys (configDir, _private) are ignored", () => {
  assert.deepEqual(resolveOptions({ configDir: '/x', _mode: 'test' }).problems, []);
});

test('each bad option gives one message naming it, and falls back to its default', () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [
      { outputDirr: 'x' },
      /^unknown option "outputDirr" \(did you mean "outputDir"\?\); known options: outputDir, html/,
    ],
    [{ colour: 1 }, /^unknown option "colour"; known options/],
    [{ html: 'yes' }, /^option "html" must be true or false, got "yes"; using true$/],
    [{ json: 1 }, /^option "json" must be true or false, got 1/],
    [{ summary: null }, /^option "summary" must be true or false, got null/],
    [{ recommendations: 'no' }, /^option "recommendations" must be true or false/],
    [{ outputDir: '' }, /^option "outputDir" must be a non-empty folder path, got ""; using "perf-report"$/],
    [{ outputDir: 5 }, /^option "outputDir" must be a non-empty folder path, got 5/],
    [{ slowest: 0 }, /^option "slowest" must be a whole number from 1 to 1000, got 0; using 10$/],
    [{ slowest: 2.5 }, /^option "slowest" must be a whole number/],
    [
      { sampleIntervalMs: -5 },
      /^option "sampleIntervalMs" must be a number of milliseconds from 100 to 60000, or false to turn sampling off, got -5; using 500$/,
    ],
    [{ sampleIntervalMs: 50 }, /^option "sampleIntervalMs" must be/],
    [{ sampleIntervalMs: true }, /^option "sampleIntervalMs" must be/],
    [{ sampleIntervalMs: Infinity }, /^option "sampleIntervalMs" must be/],
    [{ labels: { a: 1 } }, /^option "labels" must be an object whose values are strings/],
    [{ labels: ['a'] }, /^option "labels" must be an object whose values are strings .*got an array/],
    [{ history: true }, /^option "history" must be an object of history options, or false/],
    [{ budgets: { rule: 'x' } }, /^option "budgets" must be an array of budget rules/],
    [{ gate: true }, /^option "gate" must be an object/],
  ];
  for (const [input, re] of cases) {
    const { options, problems } = resolveOptions(input);
    assert.equal(problems.length, 1, `${JSON.stringify(input)} → ${problems.join(' | ')}`);
    assert.match(problems[0], re);
    const key = Object.keys(input)[0] as keyof typeof options;
    if (key in defaultOptions()) assert.deepEqual(options[key], defaultOptions()[key], `${key} keeps its default`);
  }
});

test('several problems are all reported; options that are not an object → defaults', () => {
  assert.equal(resolveOptions({ html: 1, json: 2, nope: 3 }).problems.length, 3);
  assert.match(
    resolveOptions('perf-report').problems[0],
    /^reporter options must be an object, got "perf-report"; using the defaults$/,
  );
  assert.match(resolveOptions([1]).problems[0], /got an array/);
});

test('values JSON cannot show (BigInt, circular) still give a message, never a throw', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  for (const input of [
    { history: 10n },
    { gate: { failOnBudget: 10n } },
    { slowest: 10n },
    { history: { path: circular } },
  ]) {
    const { problems } = resolveOptions(input);
    assert.equal(problems.length, 1, problems.join(' | '));
    assert.match(problems[0], /^option "[a-zA-Z.]+" must be/);
  }
});
