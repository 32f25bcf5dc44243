// Alerts: the list, acknowledge and resolve (writes, under the store's lock), and the gate's history
// (per run: would an error-severity alert have failed the gate).
import type {
  AlertListResponse,
  AlertStatus,
  AlertUpdateResponse,
  GateHistoryResponse,
  HistoryAlert,
} from '../../types';
import { badRequest, conflict, notFound } from '../api-error';
import { checkId } from '../ids';
import { enumParam, intParam, stringParam } from '../query';
import { MAX_PAGE, MAX_WINDOW } from '../api-spec';
import type { Handler, RequestContext } from '../context';

const STATUSES: AlertStatus[] = ['open', 'acknowledged', 'resolved'];
const MAX_NOTE = 2000;

export const statusOf = (a: HistoryAlert): AlertStatus => a.status ?? 'open';

export const listAlerts: Handler = async (ctx): Promise<AlertListResponse> => {
  const status = enumParam(ctx.query, 'status', STATUSES);
  const kind = enumParam(ctx.query, 'kind', ['budget', 'regression'] as const);
  const runId = ctx.query.get('runId') ? checkId('runId', stringParam(ctx.query, 'runId')!) : undefined;
  const limit = intParam(ctx.query, 'limit', { min: 1, max: MAX_PAGE, fallback: 50 });
  const offset = intParam(ctx.query, 'offset', { min: 0, max: 10_000_000, fallback: 0 });
  const index = await ctx.history();
  const rows = index.data.alerts
    .filter((a) => (!status || statusOf(a) === status) && (!kind || a.kind === kind) && (!runId || a.runId === runId))
    .sort((a, b) => b.time - a.time);
  return { total: rows.length, offset, limit, items: rows.slice(offset, offset + limit) };
};

function noteOf(body: Record<string, unknown>): string | undefined {
  const extra = Object.keys(body).filter((k) => k !== 'note');
  if (extra.length) throw badRequest(extra[0], `unknown body property "${extra[0]}" (known: note)`);
  if (body.note === undefined) return undefined;
  if (typeof body.note !== 'string') throw badRequest('note', 'body property "note" must be a string');
  if (body.note.length > MAX_NOTE)
    throw badRequest('note', `body property "note" is longer than ${MAX_NOTE} characters`);
  return body.note;
}

async function setStatus(ctx: RequestContext, to: 'acknowledged' | 'resolved'): Promise<AlertUpdateResponse> {
  const id = checkId('alertId', ctx.params.alertId);
  const note = noteOf(ctx.body);
  const alert = await ctx.store.update((data) => {
    const a = data.alerts.find((x) => x.id === id);
    if (!a) throw notFound(`no alert "${id}" in history`, 'alertId');
    if (to === 'acknowledged' && statusOf(a) === 'resolved')
      throw conflict(`alert "${id}" is already resolved`, 'alertId');
    a.status = to;
    if (to === 'acknowledged') a.acknowledgedAt = Date.now();
    else a.resolvedAt = Date.now();
    if (note !== undefined) a.statusNote = note;
    return { ...a };
  });
  await ctx.cache.reload();
  return { alert };
}

export const acknowledgeAlert: Handler = (ctx) => setStatus(ctx, 'acknowledged');
export const resolveAlert: Handler = (ctx) => setStatus(ctx, 'resolved');

export const gateHistory: Handler = async (ctx): Promise<GateHistoryResponse> => {
  const window = intParam(ctx.query, 'window', { min: 1, max: MAX_WINDOW, fallback: 100 });
  const index = await ctx.history();
  const byRun = new Map<string, HistoryAlert[]>();
  for (const a of index.data.alerts) {
    const list = byRun.get(a.runId);
    if (list) list.push(a);
    else byRun.set(a.runId, [a]);
  }
  const items = index.runs.slice(-window).map((r) => {
    const alerts = byRun.get(r.runId) ?? [];
    return {
      runId: r.runId,
      time: r.startTime,
      ...(r.branch ? { branch: r.branch } : {}),
      passed: !alerts.some((a) => a.severity === 'error'),
      regressions: alerts.filter((a) => a.kind === 'regression').length,
      budgetBreaches: alerts.filter((a) => a.kind === 'budget').length,
    };
  });
  return { items: items.reverse() };
};
