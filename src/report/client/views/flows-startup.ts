// Business flows per direction (Hebrew rendering, language switch …) and browser startup per worker.
import { h } from '../components/dom';
import { barChart, legend, stackBar } from '../components/charts';
import { fmtInt, fmtMs } from '../components/format';
import { empty, section, stat, table } from '../components/widgets';
import type { FlowAnalysis, StartupAnalysis } from '../../../types';
import { flowTable, testLink, type ReportView } from './shared';

type FlowStat = FlowAnalysis['perFlow'][number];
type StartupPhase = StartupAnalysis['phases'][number];

export const flowsView: ReportView = {
  id: 'flows',
  label: 'Flows',
  render(ctx) {
    const vm = ctx.vm;
    const root = h('div', { class: 'view', 'data-view': 'flows' });
    const per = vm.flows ? vm.flows.perFlow : [];
    if (!per.length) {
      const hint = 'No flows were measured (wrap steps in perf.flow(…) or use a preset).';
      root.appendChild(section('Flows', empty(hint)));
      return root;
    }
    const byName = new Map<string, FlowStat[]>();
    for (const f of per) {
      const k = f.name + (f.preset ? ' (' + f.preset + ')' : '');
      byName.set(k, [...(byName.get(k) || []), f]);
    }
    root.appendChild(
      section(
        'Flow duration per direction (p50 · p95)',
        barChart(
          per.map((f) => ({
            label: f.name + (f.direction ? ' ' + f.direction : ''),
            value: f.dist.p95,
            text: fmtMs(f.dist.p50) + ' · ' + fmtMs(f.dist.p95) + (f.failures ? ' · ' + f.failures + ' failed' : ''),
            cls: f.failures ? 'bar-failed' : 'bar',
          })),
          { kind: 'flow' },
        ),
      ),
    );
    const tests = (f: FlowStat) =>
      f.tests.slice(0, 5).map((id) => {
        const i = ctx.tests.indexOf(id);
        return i === undefined ? null : h('div', null, testLink(ctx, i));
      });
    for (const [name, list] of byName) {
      root.appendChild(
        section(
          name,
          table<FlowStat>(
            [
              ['Direction', (f) => (f.direction ? h('bdi', { dir: 'ltr' }, f.direction) : '–')],
              ['Runs', (f) => fmtInt(f.count), true],
              ['Failures', (f) => fmtInt(f.failures), true],
              ['p50', (f) => fmtMs(f.dist.p50), true],
              ['p95', (f) => fmtMs(f.dist.p95), true],
              ['Max', (f) => fmtMs(f.dist.max), true],
              ['Tests', tests],
            ],
            list,
            'flow-table',
          ),
        ),
      );
    }
    const withFindings = vm.flowSamples.filter((f) => (f.findings && f.findings.length) || !f.ok);
    if (withFindings.length)
      root.appendChild(section('Flow findings (glyphs, direction, failures)', flowTable(withFindings.slice(0, 100))));
    return root;
  },
};

const STARTUP_PARTS = ['launch', 'context', 'page'] as const;

export const startupView: ReportView = {
  id: 'startup',
  label: 'Startup',
  render(ctx) {
    const root = h('div', { class: 'view', 'data-view': 'startup' });
    const st = ctx.vm.startup;
    if (!st || !st.perWorker.length) {
      root.appendChild(section('Browser startup', empty('No browser startup was measured.')));
      return root;
    }
    root.appendChild(
      h('div', { class: 'stats' }, stat('Total startup time', fmtMs(st.totalMs), st.perWorker.length + ' workers')),
    );
    root.appendChild(
      section(
        'Startup per worker (launch · context · page)',
        legend(STARTUP_PARTS),
        h(
          'div',
          { class: 'loc-stack' },
          st.perWorker.map((w) =>
            h(
              'div',
              { class: 'loc-row' },
              h('span', null, 'worker ' + w.workerIndex + ' · ' + w.browserName),
              stackBar([w.launchMs, w.contextMs, w.pageMs], {
                kind: 'startup',
                width: 500,
                height: 14,
                labels: STARTUP_PARTS,
              }),
              h('span', { class: 'num' }, fmtMs(w.launchMs + w.contextMs + w.pageMs)),
            ),
          ),
        ),
      ),
    );
    root.appendChild(
      section(
        'Phases, cold and warm',
        table<StartupPhase>(
          [
            ['Phase', (p) => p.phase],
            ['Browser', (p) => p.browserName],
            ['Temperature', (p) => p.temperature],
            ['Count', (p) => fmtInt(p.dist.count), true],
            ['p50', (p) => fmtMs(p.dist.p50), true],
            ['p95', (p) => fmtMs(p.dist.p95), true],
            ['Max', (p) => fmtMs(p.dist.max), true],
          ],
          st.phases,
        ),
      ),
    );
    return root;
  },
};
