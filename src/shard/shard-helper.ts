// What users keep in playwright.config.ts or CI to run one shard of a duration-balanced plan.
//
//   // playwright.config.ts
//   import { shardFromPlan } from 'playwright-perf/shard';
//   export default defineConfig({ ...shardFromPlan(), testDir: './tests', ... });
//   // CI: PLAYWRIGHT_PERF_SHARD=2/3 npx playwright test
//
// Shard 1 runs everything the other shards do not, so tests added since the plan was made still run
// exactly once. Without PLAYWRIGHT_PERF_SHARD nothing is filtered (local runs are unchanged); without
// a plan file the helper falls back to Playwright's own `shard` (split by count) and says so once.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ShardPlan, ShardUnit } from '../types';
import { DEFAULT_PLAN_DIR, PLAN_FILE, invertFileName, listFileName, readPlanFile } from './plan-file';

export const SHARD_ENV = 'PLAYWRIGHT_PERF_SHARD';

export interface ShardOptions {
  /** The plan JSON; default `.playwright-perf/shards/shard-plan.json` under the current directory. */
  plan?: string;
  /** `current/total`, e.g. '2/3'; default from $PLAYWRIGHT_PERF_SHARD. */
  shard?: string;
}

/** The config keys the helper sets (a subset of Playwright's TestConfig). */
export interface ShardConfig {
  testMatch?: RegExp[];
  testIgnore?: RegExp[];
  grep?: RegExp[];
  grepInvert?: RegExp[];
  shard?: { current: number; total: number };
}

export function parseShard(text: string, where = SHARD_ENV): { current: number; total: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const current = Number(m?.[1]),
    total = Number(m?.[2]);
  if (!m || total < 1 || current < 1 || current > total)
    throw new Error(`${where} must be "current/total" with 1 ≤ current ≤ total, e.g. "2/3" (got "${text}")`);
  return { current, total };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Matches the file's absolute path (testMatch/testIgnore see absolute paths). */
export function fileRegExp(file: string): RegExp {
  return new RegExp(`(?:^|[\\\\/])${file.split('/').map(escapeRe).join('[\\\\/]')}$`);
}

/**
 * Matches one test in Playwright's grep title: `<project> <file relative to the project's testDir>
 * <describe…> <title>` followed by the test's tags. Tags on describe blocks are not supported.
 */
export function testRegExp(u: ShardUnit): RegExp {
  const base = u.file.split('/').pop()!;
  return new RegExp(
    `^${escapeRe(u.project)} (?:.*/)?${escapeRe(base)} ${escapeRe((u.titlePath ?? []).join(' '))}(?: @\\S+)*$`,
  );
}

function resolvePlan(o: ShardOptions): string {
  return resolve(o.plan ?? join(DEFAULT_PLAN_DIR, PLAN_FILE));
}

let warned = false;
function noPlan(path: string, shard: { current: number; total: number }): ShardConfig {
  if (!warned) {
    warned = true;
    console.warn(
      `playwright-perf: no shard plan at ${path}; using Playwright's split by count (--shard ${shard.current}/${shard.total})`,
    );
  }
  return { shard };
}

function checkTotal(plan: ShardPlan, path: string, total: number): void {
  if (plan.shards !== total)
    throw new Error(
      `shard plan ${path} has ${plan.shards} shards, but ${total} were asked for; regenerate it with \`playwright-perf shard-plan --shards ${total}\``,
    );
}

/** Config keys that make this run one shard of the plan (spread into defineConfig). */
export function shardFromPlan(o: ShardOptions = {}): ShardConfig {
  const text = o.shard ?? process.env[SHARD_ENV];
  if (!text) return {};
  const shard = parseShard(text, o.shard ? 'shard' : SHARD_ENV);
  const path = resolvePlan(o);
  if (!existsSync(path)) return noPlan(path, shard);
  const plan = readPlanFile(path);
  checkTotal(plan, path, shard.total);
  if (plan.grepUnsafe?.length)
    throw new Error(
      `shard plan ${path}: tests in different folders share a file name and title (${plan.grepUnsafe[0]}); a grep cannot tell them apart — use \`playwright-perf shard-args\` (--test-list) instead`,
    );
  const own = plan.plan.shards[shard.current - 1].units;
  const others = plan.plan.shards.filter((s) => s.index !== shard.current).flatMap((s) => s.units);
  const files = (us: ShardUnit[]) => [...new Set(us.filter((u) => !u.titlePath).map((u) => u.file))].map(fileRegExp);
  const tests = (us: ShardUnit[]) => us.filter((u) => u.titlePath).map(testRegExp);
  const out: ShardConfig = {};
  if (shard.current === 1) {
    // Everything not planned elsewhere: new files and tests land here.
    if (files(others).length) out.testIgnore = files(others);
    if (tests(others).length) out.grepInvert = tests(others);
    return out;
  }
  if (tests(own).length) {
    // Test-level units: files holding them must be loaded; the grep picks the tests.
    out.testMatch = [...new Set(own.map((u) => u.file))].map(fileRegExp);
    out.grep = [
      ...tests(own),
      ...own
        .filter((u) => !u.titlePath)
        .map((u) => new RegExp(`^${escapeRe(u.project)} (?:.*/)?${escapeRe(u.file.split('/').pop()!)} `)),
    ];
  } else out.testMatch = files(own);
  if (!out.testMatch!.length) out.testMatch = [/$^/]; // an empty shard runs nothing
  return out;
}

/** `playwright test` arguments for one shard (`--test-list`), e.g. for CI scripts. */
export function shardArgs(o: ShardOptions = {}): string[] {
  const text = o.shard ?? process.env[SHARD_ENV];
  if (!text) throw new Error(`no shard given: pass "current/total" or set ${SHARD_ENV}`);
  const shard = parseShard(text, o.shard ? 'shard' : SHARD_ENV);
  const path = resolvePlan(o);
  if (!existsSync(path)) return ['--shard', `${shard.current}/${shard.total}`];
  checkTotal(readPlanFile(path), path, shard.total);
  const dir = resolve(path, '..');
  return shard.current === 1
    ? ['--test-list-invert', join(dir, invertFileName(shard.total))]
    : ['--test-list', join(dir, listFileName(shard.current, shard.total))];
}
