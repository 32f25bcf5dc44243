// The gate's history (would each run have passed) and the alerts, filtered by status.
import { h } from '../../../report/client/components/dom';
import { navigate } from '../../../report/client/components/route';
import { fmtDateTime } from '../../../report/client/components/format';
import { badge, section, table } from '../../../report/client/components/widgets';
import type { AlertListResponse, GateHistoryItem, GateHistoryResponse } from '../../../types';
import { api, need } from '../data';
import { dashView } from '../view';
import { alertsTable } from './run';
import { runLink } from './shared';

export const alertsView = dashView({
  id: 'alerts',
  label: 'Gate & alerts',
  render(ctx, arg) {
    const status = arg[0] && arg[0] !== 'all' ? arg[0] : '';
    const gate = need<GateHistoryResponse>(ctx, api('gate', { window: 100 }));
    const alerts = need<AlertListResponse>(ctx, api('alerts', { status, limit: 200 }));
    if (!gate || !alerts) return null;
    const failed = gate.items.filter((g) => !g.passed).length;
    return h(
      'div',
      { 'data-view-body': 'alerts' },
      section(
        `Gate history: ${failed} of ${gate.items.length} runs had an error-level alert`,
        table<GateHistoryItem>(
          [
            ['run', (g) => runLink(g.runId)],
            ['started', (g) => fmtDateTime(g.time)],
            ['branch', (g) => g.branch ?? '–'],
            ['gate', (g) => badge(g.passed ? 'pass' : 'fail', g.passed ? 'passed' : 'failed')],
            ['regressions', (g) => String(g.regressions), true],
            ['budget breaches', (g) => String(g.budgetBreaches), true],
          ],
          gate.items.slice(0, 50),
          'gate-table',
        ),
      ),
      section(
        `Alerts (${alerts.total})`,
        h(
          'div',
          { class: 'toolbar' },
          h(
            'label',
            null,
            'status ',
            h(
              'select',
              {
                'data-role': 'alert-status',
                on: { change: (e: Event) => navigate(['alerts', (e.target as HTMLSelectElement).value]) },
              },
              ['all', 'open', 'acknowledged', 'resolved'].map((s) =>
                h('option', { value: s, selected: s === (status || 'all') }, s),
              ),
            ),
          ),
        ),
        alertsTable(alerts.items),
      ),
    );
  },
});
