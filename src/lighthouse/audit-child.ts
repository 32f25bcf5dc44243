// Entry of the audit process (see audit-process.ts): runs navigation audits sent over IPC, one at a
// time, and answers with the outcome. Lives as long as its parent (a Playwright worker) keeps the
// IPC channel open.
import { runAudit, type AuditRequest } from './run-audit';
import type { AuditChildMessage, AuditParentMessage } from './audit-process';
import { errorMessage } from '../util/errors';

function send(msg: AuditChildMessage): void {
  if (process.send && process.connected) process.send(msg);
}

process.on('message', (msg: AuditParentMessage) => {
  if (!msg || msg.type !== 'audit') return;
  const { id } = msg;
  const req: AuditRequest = {
    ...msg.request,
    onProgress: (message) => send({ type: 'progress', id, message }),
    onLockAcquired: (waitedMs) => send({ type: 'lock', id, waitedMs }),
    onChromiumStarted: (pid) => send({ type: 'chromium', id, pid }),
  };
  runAudit(req).then(
    (outcome) => send({ type: 'done', id, outcome }),
    (e: Error) => send({ type: 'error', id, name: e?.name ?? 'Error', message: errorMessage(e) }),
  );
});

// The parent went away (worker finished or crashed): exit; launch-chromium's exit hook kills a
// Chromium still running.
process.on('disconnect', () => process.exit(0));
