// Slowest tests, files, steps and actions, with where their time went.
import { bidi, h } from '../components/dom';
import { barChart, legend, stackBar } from '../components/charts';
import { fmtInt, fmtMs } from '../components/format';
import { empty, section, table } from '../components/widgets';
import { BUCKETS, T, testBucketValues } from '../model';
import type { ActionAnalysis, StepStat, UserTimingAnalysis } from '../../../types';
import { subjectCell, testLink, type ReportView } from './shared';

type ActionKind = ActionAnalysis['perKind'][number];
type SlowAction = ActionAnalysis['slowest'][number];
type UserTiming = UserTimingAnalysis['perName'][number];

export const slowestView: ReportView = {
  id: 'slowest',
  label: 'Slowest',
  render(ctx) {
    const vm = ctx.vm;
    const root = h('div', { class: 'view', 'data-view': 'slowest' });
    const slow = vm.tests
      .map((t, i) => ({ t, i }))
      .sort((a, b) => T.durationMs(b.t) - T.durationMs(a.t))
      .slice(0, 25);
    root.appendChild(
      section(
        'Slowest tests and where their time went',
        legend(BUCKETS),
        table<(typeof slow)[number]>(
          [
            ['Test', ({ i }) => testLink(ctx, i)],
            ['File', ({ t }) => h('span', { class: 'mono' }, bidi(ctx.str(T.file(t))))],
            ['Duration', ({ t }) => fmtMs(T.durationMs(t)), true],
            [
              'Breakdown',
              ({ t }) =>
                h(
                  'div',
                  { class: 'row-stack' },
                  stackBar(testBucketValues(t), { kind: 'test-breakdown', labels: BUCKETS, width: 300, height: 14 }),
                ),
            ],
          ],
          slow,
        ),
      ),
    );
    root.appendChild(
      section(
        'Slowest files',
        vm.slowestFiles.length
          ? barChart(
              vm.slowestFiles.slice(0, 20).map((f) => ({
                label: f.file,
                value: f.durationMs,
                text: fmtMs(f.durationMs) + ' · ' + f.tests + ' tests',
              })),
              { kind: 'slowest-file' },
            )
          : empty('No files.'),
      ),
    );
    root.appendChild(
      section(
        'Slowest steps',
        vm.slowestSteps.length
          ? table<StepStat>(
              [
                ['Step', (st) => bidi(st.title)],
                ['Category', (st) => st.category],
                ['Count', (st) => fmtInt(st.count), true],
                ['Total', (st) => fmtMs(st.totalMs), true],
                ['p50', (st) => fmtMs(st.p50Ms), true],
                ['p95', (st) => fmtMs(st.p95Ms), true],
                ['Max', (st) => fmtMs(st.maxMs), true],
              ],
              vm.slowestSteps.slice(0, 50),
            )
          : empty('No step statistics in this report.'),
      ),
    );
    const actions = vm.actions;
    if (actions && actions.perKind.length) {
      const total = (a: ActionKind) => a.dist.mean * a.dist.count;
      root.appendChild(
        section(
          'Actions by kind',
          table<ActionKind>(
            [
              ['Action', (a) => a.kind],
              ['Count', (a) => fmtInt(a.dist.count), true],
              ['p50', (a) => fmtMs(a.dist.p50), true],
              ['p95', (a) => fmtMs(a.dist.p95), true],
              ['Max', (a) => fmtMs(a.dist.max), true],
              ['Total', (a) => fmtMs(total(a)), true],
            ],
            [...actions.perKind].sort((a, b) => total(b) - total(a)),
          ),
        ),
      );
      if (actions.slowest.length) {
        root.appendChild(
          section(
            'Slowest single actions',
            table<SlowAction>(
              [
                ['Test', (a) => subjectCell(ctx, { subject: a.testId })],
                ['Action', (a) => bidi(a.title)],
                ['Target', (a) => h('code', null, bidi(a.params || ''))],
                ['Duration', (a) => fmtMs(a.durationMs), true],
              ],
              actions.slowest.slice(0, 25),
            ),
          ),
        );
      }
    }
    const timings = vm.userTimings;
    if (timings && timings.perName.length) {
      root.appendChild(
        section(
          'User timings (performance.mark/measure, perf.measure)',
          table<UserTiming>(
            [
              ['Name', (u) => bidi(u.name)],
              ['Source', (u) => u.source],
              ['Count', (u) => fmtInt(u.dist.count), true],
              ['p50', (u) => fmtMs(u.dist.p50), true],
              ['p95', (u) => fmtMs(u.dist.p95), true],
              ['Max', (u) => fmtMs(u.dist.max), true],
            ],
            timings.perName.slice(0, 100),
          ),
        ),
      );
    }
    root.appendChild(
      section(
        'Run breakdown',
        stackBar(vm.buckets, { kind: 'run-breakdown', labels: BUCKETS }),
        legend(BUCKETS, vm.buckets),
      ),
    );
    return root;
  },
};
