// Runs real Playwright on a small project written into a temp folder, the way a user would:
// `playwright-perf` and `@playwright/test` resolve by package name through node_modules symlinks
// to this repo (built dist/) and its own @playwright/test, so there is exactly one Playwright copy.
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import type { RunRecord, JsonReport } from '../../src/types';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PLAYWRIGHT_CLI = join(REPO_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

export interface InlineProject {
  dir: string;
  /** Runs `playwright <args>` in the project. */
  run(args?: string[], opts?: RunOptions): Promise<RunOutput>;
  /** Runs any node script/CLI in the project folder. */
  exec(cmd: string, args: string[], opts?: RunOptions): Promise<RunOutput>;
  readRun(outputDir?: string): RunRecord;
  readReport(outputDir?: string): JsonReport;
  file(rel: string): string;
  write(rel: string, content: string): void;
  cleanup(): void;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Send this signal after the given delay (ms). */
  signal?: { name: NodeJS.Signals; afterMs: number } | { name: NodeJS.Signals; whenStdoutMatches: RegExp };
}

export interface RunOutput {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Launch options every inline config uses (system Chromium when Playwright's own is absent). */
export const LAUNCH_OPTIONS_SNIPPET = `launchOptions: require('playwright-perf').chromiumLaunchOptions()`;

export function createProject(
  name: string,
  files: Record<string, string>,
  options: { esm?: boolean } = {},
): InlineProject {
  const base = join(tmpdir(), 'playwright-perf-tests');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${name.replace(/[^a-z0-9-]+/gi, '-')}-`));
  mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'playwright-perf'), 'dir');
  symlinkSync(
    join(REPO_ROOT, 'node_modules', '@playwright', 'test'),
    join(dir, 'node_modules', '@playwright', 'test'),
    'dir',
  );
  symlinkSync(join(REPO_ROOT, 'node_modules', 'playwright'), join(dir, 'node_modules', 'playwright'), 'dir');
  symlinkSync(join(REPO_ROOT, 'node_modules', 'playwright-core'), join(dir, 'node_modules', 'playwright-core'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `inline-${name}`, private: true, ...(options.esm ? { type: 'module' } : {}) }, null, 2),
  );
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }

  const exec = (cmd: string, args: string[], opts: RunOptions = {}) =>
    new Promise<RunOutput>((resolvePromise) => {
      const child = spawn(cmd, args, {
        cwd: dir,
        env: {
          ...process.env,
          CI: '',
          FORCE_COLOR: '0',
          PW_TEST_HTML_REPORT_OPEN: 'never',
          ...opts.env,
        } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '',
        stderr = '';
      let signalled = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        const s = opts.signal;
        if (s && 'whenStdoutMatches' in s && !signalled && s.whenStdoutMatches.test(stdout)) {
          signalled = true;
          child.kill(s.name);
        }
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const timers: NodeJS.Timeout[] = [];
      if (opts.signal && 'afterMs' in opts.signal) {
        const s = opts.signal;
        timers.push(setTimeout(() => child.kill(s.name), s.afterMs));
      }
      timers.push(setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000));
      child.on('close', (exitCode, signal) => {
        timers.forEach(clearTimeout);
        resolvePromise({ exitCode, signal, stdout, stderr });
      });
    });

  const outPath = (outputDir = 'perf-report', f: string) => join(dir, outputDir, f);
  return {
    dir,
    run: (args = [], opts = {}) => exec(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], opts),
    exec,
    readRun: (outputDir) => JSON.parse(readFileSync(outPath(outputDir, 'run.json'), 'utf8')),
    readReport: (outputDir) => JSON.parse(readFileSync(outPath(outputDir, 'report.json'), 'utf8')),
    file: (rel) => join(dir, rel),
    write: (rel, content) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), content);
    },
    cleanup: () => {
      if (!process.env.KEEP_TMP && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A typical playwright.config.ts using our reporter; `extra` is spliced into defineConfig({...}). */
export function configTs(opts: { reporterOptions?: object; extra?: string; use?: string } = {}): string {
  return `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests',
  reporter: [['list'], ['playwright-perf', ${JSON.stringify(opts.reporterOptions ?? {})}]],
  use: { ${LAUNCH_OPTIONS_SNIPPET}, ${opts.use ?? ''} },
  ${opts.extra ?? ''}
});
`;
}

export const CLI_MAIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** Runs the built CLI (`node dist/cli/main.js …`) in `cwd`. */
export function runCli(args: string[], cwd: string, opts: RunOptions = {}): Promise<RunOutput> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd,
      env: { ...process.env, ...opts.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolvePromise({ exitCode, signal, stdout, stderr });
    });
  });
}

/** Counts occurrences of a regular expression (global) in a string. */
export function countMatches(s: string, re: RegExp): number {
  return (s.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? []).length;
}
