// Action-log segmentation: exact splits from synthetic, timestamped Playwright log lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionLogSegmenter, segmentCall, selectorFromWaitingLine } from '../../src/collectors/action-log-segmenter';
import { stripDebugPrefix } from '../../src/collectors/action-log-hook';

const feed = (lines: Array<[number, string]>) => {
  const s = new ActionLogSegmenter();
  for (const [t, msg] of lines) s.push({ t, msg });
  return s;
};

test('click: resolve / actionability (with a retry) / action / navigation wait', () => {
  const s = feed([
    [1000, '=> locator.click started'],
    [1001, "waiting for getByRole('button', { name: 'Sign' })"],
    [1250, '  locator resolved to <button>Sign</button>'],
    [1252, 'attempting click action'],
    [1253, '  waiting for element to be visible, enabled and stable'],
    [1260, '  element is not visible'],
    [1261, 'retrying click action'],
    [1262, '  waiting 20ms'],
    [1400, '  element is visible, enabled and stable'],
    [1401, '  scrolling into view if needed'],
    [1405, '  done scrolling'],
    [1410, '  performing click action'],
    [1430, '  click action done'],
    [1430, '  waiting for scheduled navigations to finish'],
    [1480, '  navigations have finished'],
    [1481, '<= locator.click succeeded'],
  ]);
  const [t] = s.take();
  assert.deepEqual(t, {
    selector: "getByRole('button', { name: 'Sign' })",
    action: 'click',
    startTime: 1000,
    totalMs: 481,
    resolveMs: 250,
    actionabilityMs: 150,
    actionMs: 31,
    navigationWaitMs: 50,
    retries: 1,
    kind: 'role',
    ok: true,
  });
  assert.equal(t.resolveMs + t.actionabilityMs + t.actionMs + (t.navigationWaitMs ?? 0), t.totalMs);
});

test('fill has no "element is …" line: actionability ends at the last attempt', () => {
  const t = segmentCall('page.fill', 0, 100, true, [
    { t: 1, msg: "waiting for locator('#i')" },
    { t: 10, msg: '  locator resolved to <input id="i"/>' },
    { t: 11, msg: '  fill("x")' },
    { t: 12, msg: 'attempting fill action' },
    { t: 13, msg: '  waiting for element to be visible, enabled and editable' },
    { t: 14, msg: '  element is not enabled' },
    { t: 60, msg: 'retrying fill action' },
    { t: 61, msg: '  waiting for element to be visible, enabled and editable' },
  ]);
  assert.ok(t);
  assert.equal(t.action, 'fill');
  assert.equal(t.resolveMs, 10);
  assert.equal(t.actionabilityMs, 50);
  assert.equal(t.actionMs, 40);
  assert.equal(t.retries, 1);
  assert.equal(t.kind, 'id');
});

test('a call that never resolves is all resolve time and not ok', () => {
  const [t] = feed([
    [0, '=> locator.click started'],
    [1, "waiting for locator('#nope')"],
    [300, '<= locator.click failed'],
  ]).take();
  assert.equal(t.ok, false);
  assert.equal(t.resolveMs, 300);
  assert.equal(t.actionabilityMs, 0);
  assert.equal(t.actionMs, 0);
});

test('waitFor strips the state words; calls without a locator are ignored', () => {
  const s = feed([
    [0, '=> page.goto started'],
    [1, 'navigating to "http://x/", waiting until "load"'],
    [50, '<= page.goto succeeded'],
    [60, '=> locator.waitFor started'],
    [61, "waiting for locator('#i') to be visible"],
    [90, '  locator resolved to visible <input id="i"/>'],
    [91, '<= locator.waitFor succeeded'],
  ]);
  const out = s.take();
  assert.equal(out.length, 1);
  assert.equal(out[0].selector, "locator('#i')");
  assert.equal(out[0].action, 'waitFor');
  assert.equal(out[0].resolveMs, 30);
  assert.deepEqual(s.take(), []);
});

test('overlapping calls (Promise.all) are counted, not mis-split', () => {
  const s = feed([
    [0, '=> locator.click started'],
    [1, "waiting for locator('#a')"],
    [2, '=> locator.click started'],
    [3, "waiting for locator('#b')"],
    [10, '<= locator.click succeeded'],
    [11, '<= locator.click succeeded'],
    [20, '=> locator.click started'],
    [21, "waiting for locator('#c')"],
    [25, '  locator resolved to <b id="c"/>'],
    [30, '<= locator.click succeeded'],
  ]);
  const out = s.take();
  assert.deepEqual(
    out.map((t) => t.selector),
    ["locator('#c')"],
  );
  assert.equal(s.overlapped, 2);
});

test('selectorFromWaitingLine ignores non-selector waits', () => {
  assert.equal(selectorFromWaitingLine('  waiting for element to be visible, enabled and stable'), null);
  assert.equal(selectorFromWaitingLine('waiting for fonts to load...'), null);
  assert.equal(selectorFromWaitingLine("waiting for getByText('Hi')"), "getByText('Hi')");
});

test('debug prefixes are stripped (colour and plain formats)', () => {
  assert.equal(
    stripDebugPrefix("  \u001b[38;5;45;1mpw:api \u001b[0mwaiting for locator('#i')"),
    "waiting for locator('#i')",
  );
  assert.equal(
    stripDebugPrefix('2026-11-22T22:26:19.774Z pw:api => locator.click started'),
    '=> locator.click started',
  );
});
