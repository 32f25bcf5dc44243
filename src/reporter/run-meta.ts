// Run metadata: versions, machine, CI flag and git state, so runs are only compared when comparable.
import os from 'node:os';
import { execFile, execFileSync } from 'node:child_process';
import type { RunMeta } from '../types';
import { perfVersion } from '../util/version';

function git(args: string[], cwd: string): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

export function gitInfo(cwd: string): RunMeta['git'] {
  // CI systems often check out a detached HEAD; their env vars name the branch.
  const envBranch =
    process.env.GITHUB_HEAD_REF ||
    process.env.GITHUB_REF_NAME ||
    process.env.CI_COMMIT_REF_NAME ||
    process.env.BRANCH_NAME;
  const commit = git(['rev-parse', 'HEAD'], cwd);
  if (!commit) return undefined;
  const branch = envBranch || git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd);
  const dirty = git(['status', '--porcelain', '--untracked-files=no'], cwd) !== undefined;
  return { commit, ...(branch ? { branch } : {}), dirty };
}

function gitAsync(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', args, { cwd, encoding: 'utf8', timeout: 2000 }, (err, out) =>
        resolve(err ? undefined : out.trim() || undefined),
      );
    } catch {
      resolve(undefined);
    }
  });
}

/** gitInfo without blocking: the three commands run in parallel, in other processes, while the run
 *  (or a merge's event replay) goes on; the reporter awaits the result at the end. */
export async function gitInfoAsync(cwd: string): Promise<RunMeta['git']> {
  const envBranch =
    process.env.GITHUB_HEAD_REF ||
    process.env.GITHUB_REF_NAME ||
    process.env.CI_COMMIT_REF_NAME ||
    process.env.BRANCH_NAME;
  const [commit, branch, status] = await Promise.all([
    gitAsync(['rev-parse', 'HEAD'], cwd),
    envBranch ? Promise.resolve(envBranch) : gitAsync(['rev-parse', '--abbrev-ref', 'HEAD'], cwd),
    gitAsync(['status', '--porcelain', '--untracked-files=no'], cwd),
  ]);
  if (!commit) return undefined;
  return { commit, ...(branch ? { branch } : {}), dirty: status !== undefined };
}

/** `git: false` leaves git out (the caller fills it in from gitInfoAsync). */
export function collectRunMeta(
  playwrightVersion: string,
  rootDir: string,
  labels?: Record<string, string>,
  git = true,
): RunMeta {
  const cpus = os.cpus();
  return {
    perfVersion: perfVersion(),
    playwrightVersion,
    nodeVersion: process.version,
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
      memoryBytes: os.totalmem(),
      hostname: os.hostname(),
    },
    ci: !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0',
    ...(git ? { git: gitInfo(rootDir) } : {}),
    ...(labels ? { labels } : {}),
  };
}
