// Bad load-test definitions fail before any browser starts, with one error naming each bad key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resolveLoadTest, LoadDefinitionError } from '../../src/load/validate';
import { loadDefinitionFile } from '../../src/load/load-file';
import { parseDuration } from '../../src/load/duration';
import { parseThreshold } from '../../src/load/threshold-parse';

const exec = async () => {};

function problems(def: unknown): string[] {
  try {
    resolveLoadTest(def);
  } catch (e) {
    assert.ok(e instanceof LoadDefinitionError);
    return e.problems;
  }
  assert.fail('expected a LoadDefinitionError');
}

test('unknown executor is named with the list of known ones', () => {
  const p = problems({ scenarios: { browse: { executor: 'constant-users', vus: 2, duration: '1s', exec } } });
  assert.equal(p.length, 1);
  assert.match(
    p[0],
    /^scenarios\.browse\.executor: unknown executor "constant-users" \(known: constant-vus, ramping-vus/,
  );
});

test('zero and negative rates, VUs and durations name their key', () => {
  const p = problems({
    scenarios: {
      open: { executor: 'constant-arrival-rate', rate: 0, duration: '2s', preAllocatedVUs: 2, exec },
      ramp: { executor: 'ramping-arrival-rate', preAllocatedVUs: -1, stages: [{ duration: '1s', target: -3 }], exec },
      closed: { executor: 'constant-vus', vus: 0, duration: '-1s', exec },
    },
  });
  assert.ok(p.includes('scenarios.open.rate must be > 0, got 0'), p.join('\n'));
  assert.ok(p.includes('scenarios.ramp.preAllocatedVUs must be > 0, got -1'), p.join('\n'));
  assert.ok(p.includes('scenarios.ramp.stages[0].target must be >= 0, got -3'), p.join('\n'));
  assert.ok(p.includes('scenarios.closed.vus must be > 0, got 0'), p.join('\n'));
  assert.ok(
    p.some((x) => x.startsWith('scenarios.closed.duration must be a duration')),
    p.join('\n'),
  );
});

test('a threshold that does not parse names the metric and index', () => {
  const p = problems({
    scenarios: { s: { executor: 'constant-vus', vus: 1, duration: '1s', exec } },
    thresholds: { 'flow.login': ['p95 < 2000', 'p95 lower than 2000'], errors: [{ threshold: 'rate << 1' }] },
  });
  assert.equal(p.length, 2);
  assert.match(p[0], /^thresholds\["flow\.login"\]\[1\]: "p95 lower than 2000" does not parse/);
  assert.match(p[1], /^thresholds\["errors"\]\[0\]: "rate << 1" does not parse/);
});

test('missing exec, unknown option keys and bad top-level keys are reported together', () => {
  const p = problems({ scenarios: { s: { executor: 'constant-vus', vus: 1, duration: '1s', rate: 3 } }, thresold: {} });
  assert.ok(
    p.some((x) => x.startsWith('thresold is not a load-test key')),
    p.join('\n'),
  );
  assert.ok(
    p.some((x) => x.startsWith('scenarios.s.exec must be the iteration function')),
    p.join('\n'),
  );
  assert.ok(
    p.some((x) => x.startsWith('scenarios.s.rate is not an option of executor "constant-vus"')),
    p.join('\n'),
  );
});

test('a valid definition resolves with k6 defaults', () => {
  const r = resolveLoadTest({
    scenarios: {
      s: {
        executor: 'ramping-arrival-rate',
        startRate: 2,
        timeUnit: '1s',
        preAllocatedVUs: 3,
        stages: [{ duration: '1m30s', target: 10 }],
        exec,
      },
    },
    thresholds: { 'flow.pay': [{ threshold: 'p(99)<=3000', abortOnFail: true, delayAbortEval: '10s' }] },
    options: { workers: 2, window: '2s' },
  });
  const s = r.scenarios[0];
  assert.equal(s.executor, 'ramping-arrival-rate');
  if (s.executor !== 'ramping-arrival-rate') return;
  assert.equal(s.maxVUs, 3);
  assert.equal(s.gracefulStopMs, 30_000);
  assert.deepEqual(s.stages, [{ durationMs: 90_000, target: 0.01 }]);
  assert.equal(s.startRatePerMs, 0.002);
  assert.deepEqual(r.thresholds[0], {
    source: 'p(99)<=3000',
    aggregation: { kind: 'percentile', q: 99 },
    operator: '<=',
    value: 3000,
    metric: 'flow.pay',
    abortOnFail: true,
    delayAbortEvalMs: 10_000,
  });
  assert.equal(r.windowMs, 2000);
  assert.equal(r.workers, 2);
});

test('durations and threshold expressions parse as k6 writes them', () => {
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration(1500), 1500);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('soon'), null);
  assert.deepEqual(parseThreshold('p95<2000'), {
    source: 'p95<2000',
    aggregation: { kind: 'percentile', q: 95 },
    operator: '<',
    value: 2000,
  });
  assert.deepEqual(parseThreshold(' med >= 1.5 ').valueOf(), {
    source: ' med >= 1.5 ',
    aggregation: { kind: 'percentile', q: 50 },
    operator: '>=',
    value: 1.5,
  });
  assert.equal(typeof parseThreshold('p0 < 1'), 'string');
});

test('a load file that throws on import gives one error naming the file', async () => {
  const file = join('test', 'fixtures', 'load', 'throws-on-import.load.ts');
  await assert.rejects(loadDefinitionFile(file, join(__dirname, '..', '..')), (e: unknown) => {
    assert.ok(e instanceof LoadDefinitionError);
    assert.match(e.message, /throws-on-import\.load\.ts/);
    assert.match(e.problems[0], /^importing the file threw: .*JSON/);
    return true;
  });
});
