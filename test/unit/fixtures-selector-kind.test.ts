// Selector kinds and fragility flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorFlags, selectorKind, splitLocatorChain } from '../../src/protocol/selector-kind';

test('kinds', () => {
  assert.equal(selectorKind("getByRole('button', { name: 'Sign' })"), 'role');
  assert.equal(selectorKind("getByTestId('submit')"), 'testid');
  assert.equal(selectorKind("locator('#main').getByText('שלום')"), 'text');
  assert.equal(selectorKind("locator('#late')"), 'id');
  assert.equal(selectorKind('locator(\'xpath=//div[@id="a"]\')'), 'xpath');
  assert.equal(selectorKind("locator('//div/span')"), 'xpath');
  assert.equal(selectorKind("locator('div.card > ul li')"), 'css');
  assert.equal(selectorKind("locator('text=Sign in')"), 'text');
  assert.equal(selectorKind("getByLabel('Email')"), 'label');
  assert.equal(selectorKind('locator(\'[data-testid="x"]\')'), 'testid');
});

test('chain splitting honours quotes and brackets', () => {
  assert.deepEqual(
    splitLocatorChain("locator('a.b').getByRole('link', { name: 'x.y' }).first()").map((s) => s.method),
    ['locator', 'getByRole', 'first'],
  );
});

test('flags', () => {
  assert.deepEqual(selectorFlags("getByRole('button', { name: 'Sign' })"), ['language-dependent-text']);
  assert.deepEqual(selectorFlags("getByRole('button', { name: '42' })"), []);
  assert.deepEqual(selectorFlags("getByTestId('submit')"), []);
  assert.deepEqual(selectorFlags("getByText('חתימה')"), ['language-dependent-text']);
  assert.deepEqual(selectorFlags("locator('#app > div > div.main > ul > li:nth-child(3) > a')"), ['long-css-chain']);
  assert.deepEqual(selectorFlags("locator('div li:nth-child(2)')"), ['long-css-chain']);
  assert.deepEqual(selectorFlags("locator('xpath=//div/span')"), ['xpath']);
  assert.deepEqual(selectorFlags("locator('a').locator('b').locator('c').locator('d')"), ['long-locator-chain']);
  assert.deepEqual(selectorFlags("locator('li').nth(3)"), ['position-index']);
  assert.deepEqual(selectorFlags("locator('li').filter({ hasText: 'Hello' })"), ['language-dependent-text']);
  assert.deepEqual(selectorFlags("locator('#a b c d')"), []);
});
