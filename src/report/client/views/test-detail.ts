// Test detail: attempts, step tree with durations, navigations and Web Vitals tied to their step,
// locator timings, flows, attachments, errors, annotations, and the test's trend when history has one.
import { bidi, h } from '../components/dom';
import { legend, stackBar } from '../components/charts';
import { fmtBytes, fmtChange, fmtInt, fmtMetric, fmtMs, fmtVital } from '../components/format';
import { sparkline } from '../components/sparkline';
import { badge, empty, ratingBadge, section, table } from '../components/widgets';
import { BUCKETS, S, T, testBucketValues, type ReportContext } from '../model';
import type { AttemptDetail, TestDetail } from '../../html/view-model-types';
import { flowTable, outcomeBadge, type ReportView } from './shared';
import { stepMarkers, stepTree } from './step-tree';
import { attemptRoutesTable } from './routes';

type Of<K extends keyof AttemptDetail> = AttemptDetail[K] extends Array<infer X> ? X : never;

function sub(title: string, body: HTMLElement): HTMLElement {
  return h('div', null, h('h3', null, title), body);
}

function attemptView(ctx: ReportContext, at: AttemptDetail, n: number): HTMLElement {
  const head =
    (n > 1 ? 'Attempt ' + (at.retry + 1) + ' · ' : '') +
    at.status +
    ' · ' +
    fmtMs(at.durationMs) +
    ' · worker ' +
    at.worker +
    ' · started at ' +
    fmtMs(at.startMs);
  const box = h('section', { class: 'card attempt' }, h('h2', null, head));
  for (const e of at.errors)
    box.appendChild(
      h('pre', { class: 'error', dir: 'auto' }, e.message + (e.location ? '\n    at ' + e.location : '')),
    );
  box.appendChild(h('h3', null, 'Steps'));
  // Steps can end after the attempt's reported duration (Playwright times worker fixtures outside
  // it), so the bars' axis spans both.
  const axis = Math.max(at.durationMs, ...at.steps.map((st) => S.startMs(st) + S.durationMs(st)));
  box.appendChild(at.steps.length ? stepTree(ctx, at.steps, axis, stepMarkers(at)) : empty('No steps recorded.'));
  if (at.stepsTruncated) box.appendChild(empty('Step tree cut short; see run.json for all steps.'));
  if (at.navigations.length)
    box.appendChild(
      sub(
        'Navigations',
        table<Of<'navigations'>>(
          [
            ['URL', (x) => h('span', { class: 'url' }, bidi(x.url))],
            ['Step', (x) => bidi(x.step || '')],
            ['Status', (x) => x.httpStatus ?? '', true],
            ['TTFB', (x) => fmtMs(x.ttfbMs), true],
            ['DCL', (x) => fmtMs(x.domContentLoadedMs), true],
            ['Load', (x) => fmtMs(x.loadMs), true],
            ['Bytes', (x) => fmtBytes(x.transferBytes), true],
          ],
          at.navigations,
        ),
      ),
    );
  if (at.routes && at.routes.length) box.appendChild(sub('Route changes', attemptRoutesTable(at.routes)));
  if (at.vitals.length)
    box.appendChild(
      sub(
        'Web Vitals',
        table<Of<'vitals'>>(
          [
            ['Metric', (v) => v.name],
            ['Value', (v) => fmtVital(v.name, v.value), true],
            ['Rating', (v) => ratingBadge(v.rating)],
            ['URL', (v) => h('span', { class: 'url' }, bidi(v.url))],
            ['During step', (v) => bidi(v.step || '')],
            ['Caused by', (v) => bidi(v.attribution || '')],
          ],
          at.vitals,
        ),
      ),
    );
  if (at.locators.length)
    box.appendChild(
      sub(
        'Locators',
        table<Of<'locators'>>(
          [
            ['Locator', (l) => h('code', null, bidi(l.selector))],
            ['Action', (l) => l.action],
            ['Resolve', (l) => fmtMs(l.resolveMs), true],
            ['Actionable', (l) => fmtMs(l.actionabilityMs), true],
            ['Action', (l) => fmtMs(l.actionMs), true],
            ['Total', (l) => fmtMs(l.totalMs), true],
            ['Retries', (l) => l.retries, true],
            ['', (l) => (l.ok ? '' : badge('failed', 'failed'))],
          ],
          at.locators,
        ),
      ),
    );
  if (at.flows.length) box.appendChild(sub('Flows', flowTable(at.flows)));
  if (at.startup.length)
    box.appendChild(
      sub(
        'Browser startup paid by this test',
        table<Of<'startup'>>(
          [
            ['Phase', (x) => x.phase],
            ['Temperature', (x) => x.temperature],
            ['Duration', (x) => fmtMs(x.durationMs), true],
          ],
          at.startup,
        ),
      ),
    );
  if (at.attachments.length)
    box.appendChild(
      sub(
        'Attachments',
        table<Of<'attachments'>>(
          [
            ['Name', (a) => bidi(a.name)],
            ['Type', (a) => a.contentType],
            ['Size', (a) => (a.bytes === undefined ? '' : fmtBytes(a.bytes)), true],
          ],
          at.attachments,
        ),
      ),
    );
  if (at.missing.length)
    box.appendChild(
      sub(
        'Not measured',
        table<Of<'missing'>>(
          [
            ['Metric', (m) => m.metric],
            ['Why', (m) => bidi(m.reason)],
            ['URL', (m) => bidi(m.url || '')],
          ],
          at.missing,
        ),
      ),
    );
  if (at.collectorErrors.length)
    box.appendChild(
      sub(
        'Collector warnings',
        table<Of<'collectorErrors'>>(
          [
            ['Where', (m) => m.where],
            ['Message', (m) => bidi(m.message)],
          ],
          at.collectorErrors,
        ),
      ),
    );
  return box;
}

function detailSections(ctx: ReportContext, root: HTMLElement, d: TestDetail): void {
  if (d.annotations.length) {
    root.appendChild(
      section(
        'Annotations',
        table<TestDetail['annotations'][number]>(
          [
            ['Type', (a) => bidi(a.type)],
            ['Description', (a) => bidi(a.description || '')],
          ],
          d.annotations,
        ),
      ),
    );
  }
  for (const at of d.attempts) root.appendChild(attemptView(ctx, at, d.attempts.length));
}

export const testDetailView: ReportView = {
  id: 'test',
  label: 'Test',
  hidden: true,
  tab: 'tests',
  ready: (ctx) => ctx.details !== null,
  render(ctx, arg) {
    const vm = ctx.vm;
    const idx = Number(arg[0]);
    const t = vm.tests[idx];
    const root = h('div', { class: 'view', 'data-view': 'test' });
    if (!t) {
      root.appendChild(section('Test', empty('No such test in this report.')));
      return root;
    }
    const order = ctx.list.order;
    const pos = order.indexOf(idx);
    const prev = pos > 0 ? order[pos - 1] : undefined;
    const next = pos >= 0 && pos < order.length - 1 ? order[pos + 1] : undefined;
    root.appendChild(
      h(
        'nav',
        { class: 'pager' },
        h('a', { href: 'tests' }, '← all tests'),
        prev !== undefined ? h('a', { href: ['test', prev], 'data-role': 'prev' }, '‹ previous') : null,
        next !== undefined ? h('a', { href: ['test', next], 'data-role': 'next' }, 'next ›') : null,
      ),
    );
    const project = ctx.str(T.project(t));
    root.appendChild(
      h(
        'header',
        { class: 'card test-head' },
        h('h1', { class: 'test-title', dir: 'auto', 'data-role': 'title' }, T.title(t)),
        T.path(t) ? h('div', { class: 'sub', dir: 'auto' }, T.path(t)) : null,
        h(
          'div',
          { class: 'facts' },
          outcomeBadge(T.outcome(t)),
          h('span', { class: 'mono' }, bidi(ctx.str(T.file(t)) + ':' + T.line(t))),
          project ? h('span', null, 'project ', bidi(project)) : null,
          h('span', null, fmtMs(T.durationMs(t)) + ' over ' + T.attempts(t) + ' attempt(s)'),
          T.tags(t) ? h('span', null, bidi(T.tags(t))) : null,
        ),
        stackBar(testBucketValues(t), { kind: 'test-breakdown', labels: BUCKETS }),
        legend(BUCKETS, testBucketValues(t)),
      ),
    );
    const trend = vm.history?.trends.find(
      (tr) => tr.metric === 'test.duration' && ctx.tests.indexOf(tr.subject, tr.project) === idx,
    );
    if (trend) {
      root.appendChild(
        section(
          'Duration over past runs',
          sparkline(trend.points, {
            format: (v) => fmtMetric(trend.metric, v),
            ...(trend.verdict ? { verdict: trend.verdict } : {}),
          }),
          trend.verdict ? badge(trend.verdict + ' ' + fmtChange(trend.change), trend.verdict) : null,
        ),
      );
    }
    if (ctx.details === null) {
      root.appendChild(section('Details', empty('Reading step details…')));
      return root;
    }
    const d = ctx.details[idx];
    if (!d) {
      root.appendChild(
        section(
          'Details',
          empty(
            'Step details for this test were left out to keep the report small (' +
              fmtInt(vm.detailStats.embedded) +
              ' of ' +
              fmtInt(vm.detailStats.total) +
              ' tests embedded; failing, flaky and slowest first). The full record is in run.json.',
          ),
        ),
      );
      return root;
    }
    detailSections(ctx, root, d);
    return root;
  },
};
