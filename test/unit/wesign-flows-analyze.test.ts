// analyzeFlows: grouping by name/preset/direction, successful-only distributions, failures,
// findings, numeric details and parents, with exact values from factory-built run records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFlows } from '../../src/analyze/run/flows';
import { analyzeRun } from '../../src/analyze/run';
import type { FlowResult, RunRecord, TestRecord } from '../../src/types';

function flow(over: Partial<FlowResult> = {}): FlowResult {
  return { name: 'login', parents: [], startTime: 1_000, durationMs: 100, ok: true, ...over };
}
function testRec(id: string, flowsPerAttempt: FlowResult[][]): TestRecord {
  return {
    id,
    file: 'a.spec.ts',
    line: 1,
    column: 1,
    titlePath: [id],
    title: id,
    project: '',
    expectedStatus: 'passed',
    outcome: 'expected',
    timeoutMs: 30_000,
    annotations: [],
    tags: [],
    results: flowsPerAttempt.map((flows, retry) => ({
      retry,
      status: 'passed',
      workerIndex: 0,
      parallelIndex: 0,
      startTime: 0,
      durationMs: 1,
      errors: [],
      steps: [],
      attachments: [],
      perf: { flows },
    })),
  } as TestRecord;
}
function runOf(tests: TestRecord[]): RunRecord {
  return { tests } as unknown as RunRecord;
}

test('no flows → no section', () => {
  assert.equal(analyzeFlows(runOf([testRec('t1', [[]])])), undefined);
});

test('groups by name, preset and direction; dist over successful runs only', () => {
  const run = runOf([
    testRec('t1', [
      [
        flow({
          name: 'language switch',
          preset: 'languageSwitch',
          direction: 'he→en',
          durationMs: 300,
          details: { cls: 0.1, lang: 'en' },
        }),
        flow({
          name: 'language switch',
          preset: 'languageSwitch',
          direction: 'en→he',
          durationMs: 500,
          details: { cls: 0 },
        }),
      ],
    ]),
    testRec('t2', [
      [
        flow({
          name: 'language switch',
          preset: 'languageSwitch',
          direction: 'he→en',
          durationMs: 9_999,
          ok: false,
          error: 'timeout',
        }),
      ],
      [
        flow({
          name: 'language switch',
          preset: 'languageSwitch',
          direction: 'he→en',
          durationMs: 100,
          details: { cls: 0.3 },
          findings: [{ kind: 'wrong-direction', message: 'x' }],
        }),
      ],
    ]),
  ]);
  const a = analyzeFlows(run)!;
  assert.equal(a.perFlow.length, 2);
  const [enHe, heEn] = a.perFlow; // sorted by name then direction
  assert.equal(enHe.direction, 'en→he');
  assert.equal(heEn.direction, 'he→en');
  assert.equal(heEn.count, 3);
  assert.equal(heEn.failures, 1);
  assert.deepEqual(heEn.dist, { count: 2, p50: 100, p95: 300, max: 300, mean: 200 });
  assert.equal(heEn.findings, 1);
  assert.deepEqual(heEn.tests, ['t1', 't2']);
  assert.deepEqual(heEn.details?.cls, { count: 2, p50: 0.1, p95: 0.3, max: 0.3, mean: 0.2 });
  assert.equal(heEn.details?.lang, undefined, 'string details are not distributions');
  assert.equal(a.samples?.length, 4);
});

test('parents: most common enclosing path', () => {
  const a = analyzeFlows(
    runOf([
      testRec('t', [
        [
          flow({ name: 'signature', parents: ['sign and pay'] }),
          flow({ name: 'signature', parents: ['sign and pay'] }),
          flow({ name: 'signature', parents: [] }),
        ],
      ]),
    ]),
  )!;
  assert.deepEqual(a.perFlow[0].parents, ['sign and pay']);
});

test('malformed flow entries are skipped, the rest analysed', () => {
  const a = analyzeFlows(
    runOf([testRec('t', [[flow(), { name: 'bad', durationMs: NaN } as FlowResult, null as unknown as FlowResult]])]),
  )!;
  assert.equal(a.perFlow.length, 1);
  assert.equal(a.perFlow[0].name, 'login');
});

test('analyzeRun registers the flow section', () => {
  const run = {
    ...runOf([testRec('t', [[flow({ durationMs: 42 })]])]),
    kind: 'playwright-perf-run',
    startTime: 0,
    durationMs: 1,
    status: 'passed',
    config: { workers: 1 },
    errors: [],
  } as unknown as RunRecord;
  const analysis = analyzeRun(run);
  assert.equal(analysis.flows?.perFlow[0].dist.p50, 42);
});
