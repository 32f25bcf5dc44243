// A realistic history for the serve tests: runs replayed through the real recorder (recordRun, the
// reporter's history stage), so baselines, regressions, budget alerts and retention are the real
// ones. Two branches, two machine classes, flaky and failing tests, a regression from run 30 on, a
// test whose title carries script payloads, and one optimisation applied with a real config backup.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompactRun, CompactTest, MetricSeries } from '../../src/types';
import { openHistoryStore } from '../../src/store/history-store';
import { recordRun } from '../../src/store/record-run';
import { defaultHistoryOptions } from '../../src/store/options';
import { applyWithBackup } from '../../src/optimize/backup';
import { recordInHistory } from '../../src/optimize/record-effect';
import { noisy, rng } from './history-factories';

export const XSS_TITLE =
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> "\'><svg onload=alert(3)>';
export const T0 = Date.UTC(2026, 10, 1, 8, 0, 0);
const HOUR = 3_600_000;

export interface ServeHistory {
  file: string;
  configPath: string;
  runIds: string[];
  regressedSubject: string;
  flakySubject: string;
  xssSubject: string;
}

function tests(i: number, r: () => number): CompactTest[] {
  const out: CompactTest[] = [];
  for (let t = 0; t < 12; t++) {
    const subject = `tests/area-${t % 3}.spec.ts › feature ${t}`;
    // feature 5 is 2.5× slower from run 30 on: a real regression for the engine to find.
    const base = 200 + t * 50 * (t === 5 && i >= 30 ? 2.5 : 1);
    const d = Math.round(noisy(r, base, 0.05, 1)[0]);
    let test: CompactTest = {
      subject,
      project: 'chromium',
      outcome: 'expected',
      attempts: [['passed', d]],
      timeoutMs: 30_000,
    };
    if (t === 7 && i % 4 === 1)
      test = {
        ...test,
        outcome: 'flaky',
        attempts: [
          ['failed', d],
          ['passed', d],
        ],
      };
    if (t === 9 && i % 11 === 3) test = { ...test, outcome: 'unexpected', attempts: [['timedOut', 30_000]] };
    out.push(test);
  }
  out.push({
    subject: `tests/xss.spec.ts › ${XSS_TITLE}`,
    project: 'chromium',
    outcome: 'expected',
    attempts: [['passed', 120 + (i % 3)]],
    timeoutMs: 30_000,
  });
  return out;
}

function metrics(i: number, r: () => number): MetricSeries[] {
  return [
    { metric: 'nav.ttfb', subject: 'app.local/', project: 'chromium', values: noisy(r, 40, 0.1, 4) },
    {
      metric: 'vital.LCP',
      subject: 'app.local/',
      project: 'chromium',
      values: noisy(r, 900 + (i >= 30 ? 400 : 0), 0.05, 4),
    },
    {
      metric: 'step.duration',
      subject: `login <b>${XSS_TITLE}</b>`,
      project: 'chromium',
      values: noisy(r, 300, 0.1, 3),
    },
  ];
}

export function serveRun(i: number, seed = 7): CompactRun {
  const r = rng(seed * 1000 + i);
  const t = tests(i, r);
  const failed = t.some((x) => x.outcome === 'unexpected');
  return {
    runId: `run-${String(i).padStart(3, '0')}-${Math.floor(r() * 1e8).toString(16)}`,
    startTime: T0 + i * HOUR,
    wallTimeMs: Math.round(noisy(r, 60_000, 0.05, 1)[0]),
    status: failed ? 'failed' : 'passed',
    interrupted: false,
    branch: i % 5 === 4 ? 'feature/x' : 'main',
    commit: `c${i}`.padEnd(40, '0'),
    machineClass: i % 10 === 9 ? 'linux-x64-8cpu-32g' : 'linux-x64-2cpu-8g',
    env: {
      playwrightVersion: '1.65.1',
      perfVersion: '0.1.0',
      nodeVersion: 'v20.20.0',
      cpuModel: 'cpu',
      ci: true,
      workers: 2,
    },
    tests: t,
    metrics: metrics(i, r),
  };
}

/** Records `runs` runs into dir/.playwright-perf/history.json; an optimisation is applied after run 20. */
export async function buildServeHistory(dir: string, runs = 36): Promise<ServeHistory> {
  const file = join(dir, '.playwright-perf', 'history.json');
  const store = openHistoryStore(file);
  const opts = defaultHistoryOptions();
  const now = T0 + (runs + 1) * HOUR;
  const configPath = join(dir, 'playwright.config.ts');
  writeFileSync(configPath, 'export default { workers: 1 };\n');
  mkdirSync(join(dir, '.playwright-perf'), { recursive: true });
  const runIds: string[] = [];
  for (let i = 0; i < runs; i++) {
    const run = serveRun(i);
    const slow = run.tests.find((t) => t.subject.endsWith('feature 11'))!;
    const d = slow.attempts[0][1];
    const budgets = [
      {
        rule: 'test.duration < 740',
        subject: slow.subject,
        severity: 'warn' as const,
        limit: 740,
        actual: d,
        ok: d < 740,
        message: `${slow.subject} took ${d} ms (limit 740)`,
      },
    ];
    await recordRun(store, run, opts, { budgets, now });
    runIds.push(run.runId);
    if (i === 20) {
      const entry = applyWithBackup(configPath, 'export default { workers: 2 };\n', [
        { path: 'workers', from: 1, to: 2 },
      ]);
      const msg = await recordInHistory(entry, file);
      if (!msg.startsWith('recorded')) throw new Error(msg);
    }
  }
  return {
    file,
    configPath,
    runIds,
    regressedSubject: 'tests/area-2.spec.ts › feature 5',
    flakySubject: 'tests/area-1.spec.ts › feature 7',
    xssSubject: `tests/xss.spec.ts › ${XSS_TITLE}`,
  };
}
