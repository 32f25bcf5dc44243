// `playwright-perf history …` and `playwright-perf compare …` through the CLI entry, on temp files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main';
import { openHistoryStore } from '../../src/store/history-store';
import { compact, compactTest, makeRun, makeTest, rng, noisy } from '../helpers/history-factories';

async function cli(args: string[], cwd: string) {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

test('history list / show / pin / export / prune', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-hcli-'));
  try {
    const now = Date.now();
    await openHistoryStore(join(dir, '.playwright-perf', 'history.json')).update((d) => {
      d.runs = [1, 2, 3].map((i) =>
        compact(
          i,
          [compactTest('tests/a.spec.ts › a, "quoted"', [100 * i])],
          [{ metric: 'nav.ttfb', subject: 'x/', project: 'p', values: [1, 2, 3] }],
          { runId: `run000${i}-abcd`, startTime: now - (3 - i) * 60_000 },
        ),
      );
      d.alerts = [
        {
          id: 'a1',
          runId: 'run0003-abcd',
          time: now,
          kind: 'budget',
          severity: 'error',
          metric: 'test.duration < 200',
          subject: 'a',
          message: 'too slow',
        },
      ];
    });
    let r = await cli(['history', 'list'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^run\s+started \(UTC\)\s+branch\s+status\s+tests\s+wall\s+machine\s+alerts$/);
    assert.match(lines[1], /^run0003-\s.+main\s+passed\s+1\s+5\.0 s\s+linux-x64-2cpu-8g\s+1$/);
    assert.equal(lines.at(-1), '3 run(s) in history');
    r = await cli(['history', 'show', 'run0003'], dir);
    assert.match(r.stdout, /tests 1: 1 passed, 0 failed/);
    assert.match(r.stdout, /\[error\] budget: too slow/);
    r = await cli(['history', 'pin', 'release', 'run0001'], dir);
    assert.equal(r.stdout, 'pinned "release" → run0001-\n');
    r = await cli(['history', 'export', '--format', 'csv'], dir);
    assert.equal(r.stdout.split('\n')[0], 'runId,startTime,branch,metric,project,subject,samples,median');
    assert.ok(r.stdout.includes('test.duration,chromium,"tests/a.spec.ts › a, ""quoted""",1,100'));
    r = await cli(['history', 'export', '--out', 'h.json'], dir);
    assert.equal(JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8')).pins.release[0], 'run0001-abcd');
    r = await cli(['history', 'prune', '--keep-runs', '1', '--dry-run'], dir);
    assert.equal(r.stdout, 'would remove 1 run(s): run0002-\n'); // run0001 is pinned
    r = await cli(['history', 'prune', '--keep-runs', '1'], dir);
    assert.match(r.stdout, /^removed 1 run\(s\)/);
    assert.equal((await cli(['history', 'list', '--json'], dir)).stdout.includes('run0002'), false);
    r = await cli(['history', 'show', 'nope'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no run "nope" in history/);
    r = await cli(['history', 'list', '--colour'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown option '--colour'/);
    r = await cli(['history', 'frobnicate'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown subcommand "frobnicate"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compare <baseline…> <current>: verdicts, JSON, exit code on request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-cmp-'));
  try {
    const r = rng(7);
    const mk = (slow: number) =>
      makeRun({
        tests: ['a', 'b'].map((t) =>
          makeTest({
            title: t,
            durations: [1],
            perf: {
              navigations: noisy(r, t === 'a' ? slow : 50, 0.05, 6).map((ttfb) => ({
                url: `http://127.0.0.1/${t}`,
                type: 'navigate',
                startTime: 0,
                redirectMs: 0,
                dnsMs: 0,
                connectMs: 0,
                tlsMs: 0,
                ttfbMs: ttfb,
                responseMs: 0,
                domInteractiveMs: 0,
                domContentLoadedMs: 0,
                loadMs: 0,
                durationMs: 0,
                transferBytes: 0,
                encodedBodyBytes: 0,
                decodedBodyBytes: 0,
                resources: { count: 0, transferBytes: 0, byType: {} },
              })),
            },
          }),
        ),
      });
    writeFileSync(join(dir, 'base.json'), JSON.stringify(mk(50)));
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ kind: 'playwright-perf-report', run: mk(250) }));
    let out = await cli(['compare', 'base.json', 'report.json'], dir);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /1 regression\(s\), 0 improvement\(s\)/);
    assert.match(out.stdout, /▲ slower {2}nav\.ttfb {2}127\.0\.0\.1\/a \[chromium\]/);
    // One baseline file: the regression gate is not armed (default 5), unless asked for.
    out = await cli(['compare', 'base.json', 'report.json', '--fail-on-regression'], dir);
    assert.equal(out.code, 0, out.stdout);
    assert.match(
      out.stdout,
      /gate: passed\n {2}regression gate not armed yet: the baseline has 1 earlier run; regressions fail the run from 5 on \(--min-baseline-runs\) \(1 regression\(s\) listed above did not count\)/,
    );
    out = await cli(['compare', 'base.json', 'report.json', '--fail-on-regression', '--min-baseline-runs', '1'], dir);
    assert.equal(out.code, 1);
    assert.match(out.stdout, /gate: FAILED/);
    out = await cli(['compare', 'base.json', 'report.json', '--min-baseline-runs', '0'], dir);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /--min-baseline-runs must be a whole number ≥ 1, got "0"/);
    out = await cli(
      ['compare', 'base.json', 'report.json', '--json', '--budget', 'p95(nav.ttfb) < 100', '--fail-on-budget'],
      dir,
    );
    const json = JSON.parse(out.stdout);
    assert.equal(out.code, 1);
    assert.equal(json.history.findings[0].verdict, 'regression');
    assert.equal(json.budgets.filter((b: { ok: boolean }) => !b.ok).length, 1);
    out = await cli(['compare', 'base.json', 'base.json'], dir);
    assert.match(out.stdout, /0 regression\(s\)/);
    writeFileSync(join(dir, 'bad.json'), '{"x":1}');
    out = await cli(['compare', 'base.json', 'bad.json'], dir);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /bad\.json is neither a playwright-perf run\.json nor a report\.json/);
    out = await cli(['compare', 'base.json'], dir);
    assert.equal(out.code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
