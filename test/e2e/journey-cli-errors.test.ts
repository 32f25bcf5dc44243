// A user's bad inputs to every CLI command: wrong flags, missing/corrupt/foreign files, an output
// folder that cannot be written. Each must end with one clear message naming the problem and a
// non-zero exit code — never a Node stack trace, never a hang.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli, countMatches } from '../helpers/inline-project';
import { makeRun, makeTest, makeResult } from '../helpers/factories';

const dir = mkdtempSync(join(tmpdir(), 'pp-journey-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'run.json'), JSON.stringify(makeRun({ tests: [makeTest({ results: [makeResult()] })] })));
writeFileSync(join(dir, 'corrupt.json'), '{"kind":"playwright-perf-run"');
writeFileSync(join(dir, 'empty.json'), '');
writeFileSync(join(dir, 'foreign.json'), '{"hello":"world"}');
writeFileSync(join(dir, 'a-file'), 'not a folder');

const STACK = /^\s+at .+\(|node:internal|Node\.js v\d/m;

const cases: Array<{ args: string[]; code: number; message: RegExp }> = [
  // Wrong arguments: usage errors, exit 2.
  ...['report', 'show', 'history', 'compare', 'lighthouse', 'optimize', 'rollback'].map((cmd) => ({
    args: [cmd, '--no-such-flag'],
    code: 2,
    message: /Unknown option '--no-such-flag'/,
  })),
  { args: ['report'], code: 2, message: /missing the run\.json or report\.json/ },
  { args: ['report', 'run.json', 'run.json'], code: 2, message: /expected one input file, got 2/ },
  { args: ['compare', 'run.json'], code: 2, message: /need at least two files/ },
  { args: ['lighthouse', 'not-a-url'], code: 2, message: /not an http\(s\) URL/ },
  { args: ['show', '--port', 'abc'], code: 2, message: /--port must be a whole number/ },
  // Missing, corrupt and foreign files: exit 1 with the file named.
  { args: ['report', 'missing.json'], code: 1, message: /cannot read .*missing\.json: ENOENT/ },
  { args: ['report', 'corrupt.json'], code: 1, message: /corrupt\.json is not valid JSON/ },
  { args: ['report', 'empty.json'], code: 1, message: /empty\.json is not valid JSON/ },
  { args: ['report', 'foreign.json'], code: 1, message: /foreign\.json: not a playwright-perf run record/ },
  { args: ['compare', 'run.json', 'corrupt.json'], code: 1, message: /corrupt\.json/ },
  { args: ['compare', 'run.json', 'missing.json'], code: 1, message: /cannot read .*missing\.json/ },
  { args: ['optimize', '--run', 'corrupt.json'], code: 1, message: /corrupt\.json is not valid JSON/ },
  {
    args: ['optimize', '--run', 'foreign.json'],
    code: 1,
    message: /foreign\.json is not a playwright-perf run record/,
  },
  {
    args: ['optimize', '--run', 'run.json', '--config', 'missing.config.ts'],
    code: 1,
    message: /--config .*missing\.config\.ts does not exist/,
  },
  { args: ['show', 'missing-folder'], code: 1, message: /missing-folder does not exist/ },
  { args: ['history', 'list', '--history', 'corrupt.json'], code: 1, message: /corrupt\.json is corrupt/ },
  // An output folder that cannot be created (a file is in the way): one message, not one per file.
  {
    args: ['history', 'export', '--out', 'a-file/history.json'],
    code: 1,
    message: /cannot write .*a-file\/history\.json: /,
  },
  { args: ['report', 'run.json', '--out', 'a-file/out'], code: 1, message: /cannot write to a-file\/out: ENOTDIR/ },
];

test('bad CLI input: one clear message, non-zero exit, no stack trace', async () => {
  for (const { args, code, message } of cases) {
    const r = await runCli(args, dir, { timeoutMs: 20_000 });
    const label = `playwright-perf ${args.join(' ')}\n${r.stderr}`;
    assert.equal(r.signal, null, `${label}: did not hang`);
    assert.equal(r.exitCode, code, label);
    assert.match(r.stderr, message, label);
    assert.equal(countMatches(r.stderr, new RegExp(message.source)), 1, `${label}: the message is printed once`);
    assert.doesNotMatch(r.stderr + r.stdout, STACK, `${label}: no stack trace`);
  }
});
