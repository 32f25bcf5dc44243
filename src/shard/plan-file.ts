// The shard plan on disk: `shard-plan.json` plus one Playwright test list per shard
// (`--test-list`, Playwright ≥ 1.56), written atomically. Reading checks the kind and version and
// names the field that is wrong, so a stale or hand-edited plan fails with a clear message.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ShardPlan, ShardUnit } from '../types';
import { writeFileAtomic } from '../util/atomic-write';

export const DEFAULT_PLAN_DIR = join('.playwright-perf', 'shards');
export const PLAN_FILE = 'shard-plan.json';

export const listFileName = (index: number, total: number) => `shard-${index}-of-${total}.txt`;
/** Shard 1 runs everything the other shards do not (so tests added since the plan still run once). */
export const invertFileName = (total: number) => `shard-1-of-${total}.invert.txt`;

/** One `--test-list` line: `[project] › file › describe › title` (project and titles only when set). */
export function testListLine(u: ShardUnit): string {
  return [...(u.project ? [`[${u.project}]`] : []), u.file, ...(u.titlePath ?? [])].join(' › ');
}

export function writePlanFiles(plan: ShardPlan, dir: string): string[] {
  const written: string[] = [];
  const put = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileAtomic(f, text);
    written.push(f);
  };
  put(PLAN_FILE, JSON.stringify(plan, null, 2) + '\n');
  const header = (what: string) => `# playwright-perf shard plan ${plan.createdAt}: ${what}\n`;
  for (const s of plan.plan.shards)
    put(
      listFileName(s.index, plan.shards),
      header(`shard ${s.index}/${plan.shards}`) + s.units.map(testListLine).join('\n') + '\n',
    );
  const others = plan.plan.shards.filter((s) => s.index !== 1).flatMap((s) => s.units);
  put(
    invertFileName(plan.shards),
    header(`everything shard 1/${plan.shards} does not run`) + others.map(testListLine).join('\n') + '\n',
  );
  return written;
}

function fail(file: string, what: string): never {
  throw new Error(`shard plan ${file}: ${what} (regenerate it with \`playwright-perf shard-plan --shards N\`)`);
}

export function readPlanFile(file: string): ShardPlan {
  const path = resolve(file);
  if (!existsSync(path)) fail(path, 'not found');
  let plan: ShardPlan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(path, `not valid JSON (${(e as Error).message})`);
  }
  if (plan?.kind !== 'playwright-perf-shard-plan') fail(path, 'field "kind" is not "playwright-perf-shard-plan"');
  if (plan.version !== 1) fail(path, `field "version" is ${JSON.stringify(plan.version)}, this version reads 1`);
  if (!Number.isInteger(plan.shards) || plan.shards < 1) fail(path, `field "shards" is ${JSON.stringify(plan.shards)}`);
  if (!Array.isArray(plan.plan?.shards) || plan.plan.shards.length !== plan.shards)
    fail(path, 'field "plan.shards" does not list every shard');
  for (const s of plan.plan.shards) {
    if (!Array.isArray(s.units) || s.units.some((u) => typeof u?.file !== 'string'))
      fail(path, `shard ${s.index}: field "units" must list { file } entries`);
  }
  return plan;
}
