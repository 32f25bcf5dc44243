// Runs the user's suite once with real `playwright test` and measures it: Playwright's own run
// duration, process wall time, and each test's outcome. Used by validation and the worker sweep.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { MeasuredRun } from '../types';

export interface MeasureOptions {
  configPath: string;
  label: string;
  /** `--workers` override for sweeps. */
  workers?: number;
  /** Extra args passed to `playwright test` (e.g. a grep). */
  args?: string[];
  env?: Record<string, string | undefined>;
  /** Kill the run after this long. Default 15 min. */
  timeoutMs?: number;
}

/** Measurement function (replaceable in tests and by callers with their own runner). */
export type Measure = (o: MeasureOptions) => Promise<MeasuredRun>;

/** The @playwright/test CLI the project itself uses (falls back to ours). */
export function playwrightCli(configPath: string): string {
  try {
    return require.resolve('@playwright/test/cli', { paths: [dirname(configPath)] });
  } catch {
    return require.resolve('@playwright/test/cli');
  }
}

function reporterPath(): string {
  const p = join(__dirname, 'measure-reporter.cjs');
  if (!existsSync(p)) throw new Error(`playwright-perf is missing ${p}; reinstall the package`);
  return p;
}

export const measureRun: Measure = (o) =>
  new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'playwright-perf-measure-'));
    const out = join(dir, 'result.json');
    const args = [
      playwrightCli(o.configPath),
      'test',
      '--config',
      o.configPath,
      '--reporter',
      reporterPath(),
      ...(o.workers ? ['--workers', String(o.workers)] : []),
      ...(o.args ?? []),
    ];
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: dirname(o.configPath),
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        PW_TEST_HTML_REPORT_OPEN: 'never',
        ...o.env,
        PLAYWRIGHT_PERF_MEASURE_FILE: out,
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 15 * 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const processMs = performance.now() - t0;
      try {
        if (!existsSync(out))
          throw new Error(
            `playwright test did not finish (exit ${exitCode}): ${stderr.trim().slice(-1500) || 'no output'}`,
          );
        const r = JSON.parse(readFileSync(out, 'utf8')) as {
          durationMs: number;
          tests: Array<{ id: string; outcome: string }>;
        };
        const count = (o2: string) => r.tests.filter((t) => t.outcome === o2).length;
        resolve({
          label: o.label,
          ...(o.workers ? { workers: o.workers } : {}),
          durationMs: Math.round(r.durationMs),
          processMs: Math.round(processMs),
          exitCode,
          passed: count('expected'),
          failed: count('unexpected'),
          flaky: count('flaky'),
          skipped: count('skipped'),
          failedTests: r.tests.filter((t) => t.outcome === 'unexpected').map((t) => t.id),
        });
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
