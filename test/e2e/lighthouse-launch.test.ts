// The audit Chromium launcher and the cross-process audit lock, with a real Chromium and real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import { spawn } from 'node:child_process';
import { launchAuditChromium, ChromiumLaunchError } from '../../src/lighthouse/launch-chromium';
import { acquireAuditLock, LockTimeoutError } from '../../src/lighthouse/audit-lock';
import { chromiumExecutablePath } from '../../src/browser/resolve-chromium';

test('two audit Chromiums started at once get different OS-chosen ports; close() cleans up', async () => {
  const [a, b] = await Promise.all([
    launchAuditChromium({ executablePath: chromiumExecutablePath() }),
    launchAuditChromium({ executablePath: chromiumExecutablePath() }),
  ]);
  try {
    assert.ok(a.port > 0 && b.port > 0);
    assert.notEqual(a.port, b.port);
    const version = (await (await fetch(`http://127.0.0.1:${a.port}/json/version`)).json()) as {
      webSocketDebuggerUrl: string;
    };
    assert.equal(version.webSocketDebuggerUrl, a.wsEndpoint);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  assert.ok(a.exited() && b.exited());
  assert.ok(!existsSync(a.userDataDir) && !existsSync(b.userDataDir));
});

test('a Chromium that cannot start: the error quotes its stderr, not ECONNREFUSED', {
  skip: userInfo().uid !== 0 && 'needs root (Chromium refuses to run as root without --no-sandbox)',
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pwperf-nosandbox-'));
  const wrapper = join(dir, 'chromium');
  // The real binary with --no-sandbox removed: as root it exits at once, saying why on stderr only.
  writeFileSync(
    wrapper,
    `#!/bin/sh\nfor a in "$@"; do shift; [ "$a" = "--no-sandbox" ] || set -- "$@" "$a"; done\nexec "${chromiumExecutablePath()}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  await assert.rejects(launchAuditChromium({ executablePath: wrapper }), (e: Error) => {
    assert.ok(e instanceof ChromiumLaunchError);
    assert.match(e.message, /did not start \(exited with code \d+\)/);
    assert.match(e.message, /Running as root without --no-sandbox is not supported/);
    assert.doesNotMatch(e.message, /unexpected operator/); // wrapper noise filtered out
    return true;
  });
});

test('a missing Chromium binary: the error names the path and the spawn failure', async () => {
  const missing = join(tmpdir(), 'no-such-dir-pwperf', 'chromium');
  await assert.rejects(launchAuditChromium({ executablePath: missing }), (e: Error) => {
    assert.match(e.message, /did not start \(spawn .*ENOENT\)/);
    assert.ok(e.message.includes(missing));
    return true;
  });
});

test('audit lock: a second holder waits until the first releases, across processes', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'pwperf-lock-')), 'lh');
  // Another process holds the lock for 1.5 s.
  const holder = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `
    const { acquireAuditLock } = require(${JSON.stringify(join(__dirname, '../../src/lighthouse/audit-lock.ts'))});
    acquireAuditLock({ timeoutMs: 5000, path: ${JSON.stringify(path)} }).then((l) => {
      process.stdout.write('held\\n');
      setTimeout(() => l.release().then(() => process.exit(0)), 1500);
    });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const holderExited = new Promise((r) => holder.on('exit', r));
  await new Promise<void>((resolve) =>
    holder.stdout!.on('data', (d) => {
      if (String(d).includes('held')) resolve();
    }),
  );
  const notices: string[] = [];
  const t0 = Date.now();
  const lock = await acquireAuditLock({ timeoutMs: 20_000, path, onWait: (m) => notices.push(m) });
  const waited = Date.now() - t0;
  await lock.release();
  assert.ok(waited >= 800, `waited only ${waited} ms`);
  assert.ok(lock.waitedMs >= 800);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /waiting for another Lighthouse audit/);
  await holderExited;
});

test('audit lock: gives up after lockTimeoutMs with a clear error', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'pwperf-lock-')), 'lh');
  const first = await acquireAuditLock({ timeoutMs: 1000, path });
  try {
    await assert.rejects(acquireAuditLock({ timeoutMs: 400, path }), (e: Error) => {
      assert.ok(e instanceof LockTimeoutError);
      assert.match(e.message, /waited \d+ s for another Lighthouse audit to finish/);
      return true;
    });
  } finally {
    await first.release();
  }
  const again = await acquireAuditLock({ timeoutMs: 1000, path });
  await again.release();
});
