// Preset options: unknown keys, wrong types and missing required options are clear errors that
// name the preset and the key, thrown before anything runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPresets, PresetOptionsError } from '../../src/fixtures/presets';
import { createFlowApi } from '../../src/fixtures/flow';
import { PerfCollector } from '../../src/fixtures/perf-collector';
import { checkOptions, urlPattern } from '../../src/fixtures/presets/options';

const page = {} as never; // never touched: validation happens first
const presets = () => createPresets(createFlowApi(new PerfCollector()), new PerfCollector());
const trigger = async () => {
  throw new Error('trigger must not run');
};

test('unknown option names the preset, the key and the known keys', async () => {
  await assert.rejects(
    presets().hebrewRendering(page, { trigger, selector: 'h1', fontFamiliy: 'X' } as never),
    (e: Error) =>
      e instanceof PresetOptionsError &&
      /hebrewRendering: unknown option "fontFamiliy" \(known: .*fontFamily/.test(e.message),
  );
  await assert.rejects(
    presets().payment(page, { trigger, until: { selector: '#ok', txt: 'x' } } as never),
    /payment\.until: unknown option "txt"/,
  );
});

test('wrong types and missing required options', async () => {
  await assert.rejects(
    presets().languageSwitch(page, { trigger, to: 'en' } as never),
    /languageSwitch: option "text" is required/,
  );
  await assert.rejects(
    presets().languageSwitch(page, { trigger, to: 'en', text: 'x', dir: 'up' } as never),
    /"dir" must be 'rtl' or 'ltr'/,
  );
  await assert.rejects(
    presets().auth(page, { trigger, until: {}, timeoutMs: -1 } as never),
    /"timeoutMs" must be a finite number ≥ 0/,
  );
  await assert.rejects(presets().auth(page, { trigger, until: {} } as never), /"until" needs a url or a selector/);
  await assert.rejects(
    presets().signature(page, { trigger: 'click', until: { selector: 'x' } } as never),
    /"trigger" must be a function/,
  );
  await assert.rejects(
    presets().documentProcessing(page, { trigger, renderedPageSelector: 'canvas' } as never),
    /exactly one of "expectedPages" or "pagesFrom"/,
  );
  await assert.rejects(
    presets().documentProcessing(page, { trigger, renderedPageSelector: 'c', pagesFrom: { selector: '#v' } } as never),
    /pagesFrom: option "attribute" is required/,
  );
  assert.throws(() => checkOptions('x', null, {}), /options must be an object/);
});

test('urlPattern: strings match literally, RegExps as given', () => {
  assert.equal(new RegExp(urlPattern('/a.b?c')!).test('http://h/a.b?c'), true);
  assert.equal(new RegExp(urlPattern('/a.b?c')!).test('http://h/aXb'), false);
  assert.equal(urlPattern(/\/documents$/), '\\/documents$');
});
