// The built CLI (dist/cli/main.js): help, version, errors and exit codes, `report` and `show`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { runCli, CLI_MAIN } from '../helpers/inline-project';
import { reportValidator } from '../helpers/report-schema';
import { makeRun, makeTest, makeResult, makeStep } from '../helpers/factories';

const dir = mkdtempSync(join(tmpdir(), 'pp-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = makeRun({
  tests: [
    makeTest({
      title: '<img src=x onerror=alert(1)>',
      results: [makeResult({ steps: [makeStep({ params: { url: 'http://x/' } })] })],
    }),
  ],
});
writeFileSync(join(dir, 'run.json'), JSON.stringify(run));

test('--help, --version, unknown command and flag', async () => {
  const help = await runCli(['--help'], dir);
  assert.equal(help.exitCode, 0);
  assert.match(help.stdout, /Usage: playwright-perf <command>/);
  assert.match(help.stdout, /report +Re-render/);
  assert.match(help.stdout, /show +Serve/);
  const version = await runCli(['--version'], dir);
  assert.equal(version.exitCode, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  const none = await runCli([], dir);
  assert.equal(none.exitCode, 2);
  const unknown = await runCli(['frobnicate'], dir);
  assert.equal(unknown.exitCode, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const flag = await runCli(['report', 'run.json', '--colour'], dir);
  assert.equal(flag.exitCode, 2);
  assert.match(flag.stderr, /Unknown option '--colour'/);
  assert.match(flag.stderr, /Usage: playwright-perf report/);
  const reportHelp = await runCli(['report', '--help'], dir);
  assert.equal(reportHelp.exitCode, 0);
  assert.match(reportHelp.stdout, /--no-html/);
});

test('report: renders run.json into a folder; --no-html; bad inputs exit 1 with the reason', async () => {
  const out = await runCli(['report', 'run.json', '--out', 'out'], dir);
  assert.equal(out.exitCode, 0, out.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
  assert.deepEqual(report.run, run);
  assert.equal(report.analysis.summary.tests, 1);
  assert.ok(reportValidator()(report).ok);
  const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
  assert.ok(!html.includes('<img src=x'), 'untrusted titles are escaped');
  // From a report.json, JSON only.
  const again = await runCli(['report', 'out/report.json', '--out', 'out2', '--no-html'], dir);
  assert.equal(again.exitCode, 0, again.stderr);
  assert.ok(existsSync(join(dir, 'out2', 'report.json')) && !existsSync(join(dir, 'out2', 'index.html')));

  writeFileSync(join(dir, 'garbage.json'), '{nope');
  writeFileSync(join(dir, 'future.json'), JSON.stringify({ ...run, schemaVersion: 99 }));
  const cases: Array<[string[], number, RegExp]> = [
    [['report'], 2, /missing the run\.json or report\.json/],
    [['report', 'missing.json'], 1, /cannot read .*missing\.json: ENOENT/],
    [['report', 'garbage.json'], 1, /is not valid JSON/],
    [['report', 'future.json'], 1, /schemaVersion 99 is newer than this playwright-perf understands/],
    [['report', 'run.json', '--slowest', 'x'], 2, /--slowest must be a whole number/],
  ];
  for (const [args, code, re] of cases) {
    const r = await runCli(args, dir);
    assert.equal(r.exitCode, code, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

test('show: serves the folder on 127.0.0.1, confined to it; --no-open; stops on SIGINT', async () => {
  mkdirSync(join(dir, 'served'));
  writeFileSync(join(dir, 'served', 'index.html'), '<p>report</p>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'served', 'link.txt'));
  const child = spawn(process.execPath, [CLI_MAIN, 'show', 'served', '--no-open'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const url = await new Promise<string>((ok, fail) => {
    const t = setTimeout(() => fail(new Error('no URL printed: ' + stdout)), 15_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/index\.html/.exec(stdout);
      if (m) {
        clearTimeout(t);
        ok(m[0]);
      }
    });
  });
  try {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(await page.text(), '<p>report</p>');
    const base = url.replace(/index\.html$/, '');
    assert.equal((await fetch(base)).status, 200);
    assert.equal((await fetch(base + '..%2fsecret.txt')).status, 404);
    assert.equal((await fetch(base + 'link.txt')).status, 404, 'symlinks cannot escape the folder');
    assert.equal((await fetch(base + 'nope.json')).status, 404);
    assert.equal((await fetch(base, { method: 'POST' })).status, 405);
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  assert.equal(code, 0);
  const missing = await runCli(['show', 'does-not-exist', '--no-open'], dir);
  assert.equal(missing.exitCode, 1);
  assert.match(missing.stderr, /does-not-exist does not exist/);
  const port = await runCli(['show', 'served', '--port', 'abc'], dir);
  assert.equal(port.exitCode, 2);
});
