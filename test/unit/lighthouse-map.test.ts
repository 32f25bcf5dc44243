// Pure mapping of Lighthouse results, thresholds, median run and option validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mapLhr,
  failingAudits,
  checkThresholds,
  thresholdFailureMessage,
  validateThresholds,
} from '../../src/lighthouse/map-result';
import { medianRun, medianRunIndex } from '../../src/lighthouse/median-run';
import { resolveAuditOptions, lighthouseSettings } from '../../src/lighthouse/audit-options';
import type { Lhr, LhAuditResult } from '../../src/lighthouse/lighthouse-types';
import type { LighthouseResult } from '../../src/types';

function audit(id: string, over: Partial<LhAuditResult> = {}): LhAuditResult {
  return { id, title: id.toUpperCase(), score: 1, scoreDisplayMode: 'numeric', ...over };
}

function makeLhr(over: Partial<Lhr> = {}): Lhr {
  return {
    lighthouseVersion: '12.8.2',
    finalDisplayedUrl: 'http://x/account',
    gatherMode: 'navigation',
    fetchTime: '2026-01-01T00:00:00.000Z',
    runWarnings: [],
    configSettings: { formFactor: 'desktop' },
    categories: {
      performance: {
        id: 'performance',
        title: 'Performance',
        score: 0.874,
        auditRefs: [
          { id: 'largest-contentful-paint', weight: 25 },
          { id: 'total-blocking-time', weight: 30 },
          { id: 'cumulative-layout-shift', weight: 25 },
          { id: 'render-blocking-resources', weight: 0 },
          { id: 'diagnostics', weight: 0 },
        ],
      },
    },
    audits: {
      'largest-contentful-paint': audit('largest-contentful-paint', { numericValue: 1234.56, score: 0.95 }),
      'total-blocking-time': audit('total-blocking-time', { numericValue: 412.4, score: 0.4, displayValue: '410 ms' }),
      'cumulative-layout-shift': audit('cumulative-layout-shift', { numericValue: 0.12345, score: 0.8 }),
      'speed-index': audit('speed-index', { numericValue: 900 }),
      'first-contentful-paint': audit('first-contentful-paint', { numericValue: 700.4 }),
      'render-blocking-resources': audit('render-blocking-resources', {
        score: 0.5,
        scoreDisplayMode: 'metricSavings',
      }),
      diagnostics: audit('diagnostics', { score: null, scoreDisplayMode: 'informative' }),
    },
    timing: { total: 9000 },
    ...over,
  };
}

const ctx = { url: 'http://x/account', durationMs: 10_000.4, startTime: 1000 };

test('mapLhr: scores ×100 rounded, metrics rounded, CLS to 3 decimals, no finalUrl when equal', () => {
  const r = mapLhr(makeLhr(), ctx);
  assert.deepEqual(r.scores, { performance: 87 });
  assert.deepEqual(r.metrics, { lcpMs: 1235, tbtMs: 412, cls: 0.123, siMs: 900, fcpMs: 700 });
  assert.equal(r.mode, 'navigation');
  assert.equal(r.formFactor, 'desktop');
  assert.equal(r.durationMs, 10000);
  assert.equal(r.finalUrl, undefined);
  assert.equal(mapLhr(makeLhr({ finalDisplayedUrl: 'http://x/login' }), ctx).finalUrl, 'http://x/login');
  assert.deepEqual(
    mapLhr(makeLhr({ categories: { performance: { id: 'performance', title: 'P', score: null, auditRefs: [] } } }), ctx)
      .scores,
    { performance: null },
  );
});

test('failingAudits: below 0.9, scored modes only, heaviest first', () => {
  assert.deepEqual(
    failingAudits(makeLhr()).map((a) => a.id),
    ['total-blocking-time', 'cumulative-layout-shift', 'render-blocking-resources'],
  );
  assert.deepEqual(failingAudits(makeLhr())[0], {
    id: 'total-blocking-time',
    title: 'TOTAL-BLOCKING-TIME',
    score: 0.4,
    displayValue: '410 ms',
  });
});

test('thresholds: scores are minimums, metrics maximums, boundaries pass, unmeasured fails', () => {
  const r = mapLhr(makeLhr(), ctx);
  assert.deepEqual(checkThresholds(r, { performance: 87, tbtMs: 412, cls: 0.1, accessibility: 50 }), [
    { key: 'performance', limit: 87, actual: 87, ok: true },
    { key: 'tbtMs', limit: 412, actual: 412, ok: true },
    { key: 'cls', limit: 0.1, actual: 0.123, ok: false },
    { key: 'accessibility', limit: 50, actual: null, ok: false },
  ]);
  assert.equal(checkThresholds(r, { performance: 88 })[0].ok, false);
});

test('threshold message lists each breach readably and nothing when all pass', () => {
  const r: LighthouseResult = { ...mapLhr(makeLhr(), { ...ctx, artifacts: { html: '/o/lh.html' } }) };
  r.thresholds = checkThresholds(r, { performance: 90, lcpMs: 1000, cls: 0.1, tbtMs: 500, seo: 80 });
  assert.equal(
    thresholdFailureMessage(r),
    'Lighthouse budget not met for http://x/account (navigation, desktop):\n' +
      '  - performance score 87 < 90\n' +
      '  - LCP 1235 ms > 1000 ms\n' +
      '  - CLS 0.123 > 0.1\n' +
      '  - seo score not measured (is "seo" among the audited categories?), needs ≥ 80\n' +
      '  top failing audits: TOTAL-BLOCKING-TIME (410 ms); CUMULATIVE-LAYOUT-SHIFT; RENDER-BLOCKING-RESOURCES\n' +
      '  full report: /o/lh.html',
  );
  r.thresholds = checkThresholds(r, { performance: 50 });
  assert.equal(thresholdFailureMessage(r), undefined);
});

test('validateThresholds: unknown key, bad value, score over 100 are clear errors', () => {
  assert.throws(() => validateThresholds({ perf: 90 }), /unknown lighthouse threshold "perf"; known: performance/);
  assert.throws(() => validateThresholds({ lcpMs: '2s' }), /"lcpMs" must be a non-negative number, got "2s"/);
  assert.throws(() => validateThresholds({ performance: 900 }), /score 0\.\.100, got 900/);
  assert.throws(() => validateThresholds([1]), /must be an object/);
  assert.deepEqual(validateThresholds(undefined), {});
});

const run = (perf: number | null, lcpMs?: number): LighthouseResult => ({
  url: 'u',
  mode: 'navigation',
  formFactor: 'mobile',
  lighthouseVersion: '12',
  scores: { performance: perf },
  metrics: lcpMs === undefined ? {} : { lcpMs },
  failingAudits: [],
  durationMs: 1,
  startTime: 0,
});

test('median run: by performance score, lower-middle for even N, ties → higher LCP ranks lower', () => {
  assert.equal(medianRunIndex([run(90), run(70), run(80)]), 2);
  assert.equal(medianRunIndex([run(90), run(70), run(80), run(60)]), 1); // 60,70 | 80,90 → 70
  assert.equal(medianRunIndex([run(80, 1000), run(80, 3000), run(80, 2000)]), 2);
  assert.equal(medianRunIndex([run(55)]), 0);
  const m = medianRun([run(90), run(70), run(80)]);
  assert.equal(m.runs, 3);
  assert.deepEqual(m.runScores, [90, 70, 80]);
  assert.equal(medianRun([run(1)]).runScores, undefined);
  assert.throws(() => medianRunIndex([]), /no Lighthouse runs/);
  // Without performance: mean of the other categories.
  const a11y = (s: number): LighthouseResult => ({ ...run(null), scores: { accessibility: s, seo: s } });
  assert.equal(medianRunIndex([a11y(100), a11y(50), a11y(75)]), 2);
});

test('audit options: defaults, and every bad option is named', () => {
  const o = resolveAuditOptions(undefined);
  assert.deepEqual(o.categories, ['performance']);
  assert.equal(o.formFactor, 'mobile');
  assert.equal(o.throttling, 'simulate');
  assert.equal(o.timeoutMs, 90_000);
  assert.equal(o.shareStorage, true);
  assert.equal(o.onError, 'throw');
  assert.throws(() => resolveAuditOptions({ categorys: ['seo'] }), /unknown lighthouse option "categorys"/);
  assert.throws(() => resolveAuditOptions({ categories: ['speed'] }), /unknown lighthouse category "speed"/);
  assert.throws(() => resolveAuditOptions({ categories: [] }), /non-empty array/);
  assert.throws(
    () => resolveAuditOptions({ formFactor: 'tablet' }),
    /"formFactor" must be one of "mobile", "desktop", got "tablet"/,
  );
  assert.throws(() => resolveAuditOptions({ timeoutMs: -1 }), /"timeoutMs" must be a positive number/);
  assert.throws(() => resolveAuditOptions({ url: 'ftp://x' }), /"url" must be an http\(s\) URL/);
  assert.throws(() => resolveAuditOptions({ thresholds: { speed: 1 } }), /unknown lighthouse threshold "speed"/);
});

test('lighthouse settings: desktop uses the desktop config; flags carry port, categories, throttling', () => {
  const desktop = { extends: 'lighthouse:default', settings: { formFactor: 'desktop' } };
  const o = resolveAuditOptions({
    formFactor: 'desktop',
    throttling: 'provided',
    categories: ['performance', 'seo'],
    timeoutMs: 30_000,
  });
  const s = lighthouseSettings(o, 9222, desktop);
  assert.equal(s.config, desktop);
  assert.equal(s.flags.port, 9222);
  assert.equal(s.flags.hostname, '127.0.0.1');
  assert.deepEqual(s.flags.onlyCategories, ['performance', 'seo']);
  assert.equal(s.flags.throttlingMethod, 'provided');
  assert.equal(s.flags.maxWaitForLoad, 15_000);
  assert.equal(lighthouseSettings(resolveAuditOptions({}), 1, desktop).config, undefined);
});
