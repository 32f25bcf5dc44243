// The action-log hook on playwright-core's bundled `debug`: lines reach the listener with a
// timestamp, are not printed (unless the user enabled pw:api), other namespaces are untouched, and
// uninstall restores the previous state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionLogHook } from '../../src/collectors/action-log-hook';

const { debug } = require('playwright-core/lib/utilsBundle') as { debug: any };

test('install → lines arrive timestamped and silenced; uninstall restores', () => {
  const printed: string[] = [];
  const originalLog = debug.log;
  debug.log = (...args: unknown[]) => {
    printed.push(String(args[0]));
  };
  const before = debug.disable();
  debug.enable('pw:browser');
  try {
    const hook = new ActionLogHook();
    assert.equal(hook.install(), true);
    const got: Array<[number, string]> = [];
    hook.setListener((t, msg) => got.push([t, msg]));
    const t0 = Date.now();
    debug('pw:api')("waiting for locator('#x')");
    debug('pw:browser')('other namespace');
    assert.equal(got.length, 1);
    assert.equal(got[0][1], "waiting for locator('#x')");
    assert.ok(Math.abs(got[0][0] - t0) < 50);
    assert.equal(printed.length, 1, 'pw:api swallowed, pw:browser printed');
    assert.match(printed[0], /other namespace/);
    hook.uninstall();
    assert.equal(debug.enabled('pw:api'), false);
    assert.equal(debug.enabled('pw:browser'), true, 'user namespaces kept');
    debug('pw:api')('after uninstall');
    assert.equal(got.length, 1);
  } finally {
    debug.log = originalLog;
    debug.disable();
    if (before) debug.enable(before);
  }
});

test('a user who set DEBUG=pw:api still sees the lines', () => {
  const printed: string[] = [];
  const originalLog = debug.log;
  debug.log = (...args: unknown[]) => {
    printed.push(String(args[0]));
  };
  const before = debug.disable();
  debug.enable('pw:*');
  try {
    const hook = new ActionLogHook();
    hook.install();
    hook.setListener(() => undefined);
    debug('pw:api')('visible to the user');
    assert.equal(printed.length, 1);
    hook.uninstall();
  } finally {
    debug.log = originalLog;
    debug.disable();
    if (before) debug.enable(before);
  }
});
