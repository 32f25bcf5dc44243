// Run metadata: versions, machine, CI flag and git state, so runs are only compared when comparable.
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import type { RunMeta } from '../types';
import { perfVersion } from '../util/version';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function gitInfo(cwd: string): RunMeta['git'] {
  // CI systems often check out a detached HEAD; their env vars name the branch.
  const envBranch = process.env.GITHUB_HEAD_REF || process.env.GITHUB_REF_NAME || process.env.CI_COMMIT_REF_NAME || process.env.BRANCH_NAME;
  const commit = git(['rev-parse', 'HEAD'], cwd);
  if (!commit) return undefined;
  const branch = envBranch || git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd);
  const dirty = git(['status', '--porcelain', '--untracked-files=no'], cwd) !== undefined;
  return { commit, ...(branch ? { branch } : {}), dirty };
}

export function collectRunMeta(playwrightVersion: string, rootDir: string, labels?: Record<string, string>): RunMeta {
  const cpus = os.cpus();
  return {
    perfVersion: perfVersion(),
    playwrightVersion,
    nodeVersion: process.version,
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model?.trim() ?? 'unknown', memoryBytes: os.totalmem(), hostname: os.hostname() },
    ci: !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0',
    git: gitInfo(rootDir),
    ...(labels ? { labels } : {}),
  };
}
