// Starts `playwright-perf serve` as a user would: the built CLI in a child process on port 0, the URL
// read from what it prints. stop() sends SIGINT (Ctrl-C) and waits for the process to exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './inline-project';

export const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const START_TIMEOUT_MS = 20_000;

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; output: string }>;
}

export function startServeProcess(
  args: string[],
  env: Record<string, string> = {},
  cwd = REPO_ROOT,
): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | null>((r) =>
      child.on('exit', (code, signal) => {
        if (signal) out += `[killed by ${signal}]`;
        r(code);
      }),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in time:\n${out}`));
    }, START_TIMEOUT_MS);
    const onData = (d: Buffer) => {
      out += d;
      const m = /playwright-perf dashboard: (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (x: Buffer) => {
        out += x;
      });
      resolve({
        url: m[1],
        child,
        output: () => out,
        async stop(signal = 'SIGINT') {
          child.kill(signal);
          const code = await exited;
          return { code, output: out };
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d;
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${out}`));
    });
  });
}
