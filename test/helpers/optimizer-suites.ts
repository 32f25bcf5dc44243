// Generated suites for the optimizer's search and shard checks (tests and bench/optimizer).
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, PLAYWRIGHT_CLI, type InlineProject } from './inline-project';

export const SEARCH_SLOW_MO = 30;

const clickSpec = (names: string[]) => `import { test, expect } from '@playwright/test';
${names
  .map(
    (n) => `test('${n}', async ({ page }) => {
  await page.setContent('<button onclick="this.dataset.n = (+this.dataset.n || 0) + 1">go</button>');
  for (let i = 0; i < 4; i++) await page.click('button');
  await new Promise((r) => setTimeout(r, 300)); // waits on I/O: more workers than cores still help
  await expect(page.locator('button')).toHaveAttribute('data-n', '4');
});`,
  )
  .join('\n')}
`;

export const SEARCH_CONFIG = `import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  workers: 1,
  fullyParallel: false,
  reporter: [['playwright-perf', { html: false, summary: false }]],
  use: {
    launchOptions: { ...require('playwright-perf').chromiumLaunchOptions(), slowMo: ${SEARCH_SLOW_MO} },
  },
});
`;

/** slowMo 30 ms, files of 3, 1 and 1 tests, each test 4 clicks and a 300 ms wait; one worker, fullyParallel off. */
export function createSearchSuite(name = 'optimizer-search'): InlineProject {
  return createProject(name, {
    'playwright.config.ts': SEARCH_CONFIG,
    'tests/a.spec.ts': clickSpec(['a1', 'a2', 'a3']),
    'tests/b.spec.ts': clickSpec(['b1']),
    'tests/c.spec.ts': clickSpec(['c1']),
  });
}

const sleepTest = (title: string, ms: number) =>
  `test('${title}', async () => { await new Promise((r) => setTimeout(r, ${ms})); });\n`;
const sleepSpec = (...body: string[]) => `import { test } from '@playwright/test';\n${body.join('')}`;

/** One heavy file (3 × 900 ms) and six light ones (150 ms); fullyParallel on; the config uses the shard helper. */
export function createHeavyFileSuite(name = 'optimizer-shards'): InlineProject {
  const files: Record<string, string> = {
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
import { shardFromPlan } from 'playwright-perf/shard';
export default defineConfig({
  ...shardFromPlan(),
  testDir: './tests', workers: 1, fullyParallel: true,
  reporter: process.env.BLOB ? [['blob']] : [['playwright-perf', { html: false, summary: false }]],
});
`,
    'merge.config.ts': `export default { testDir: './tests', reporter: [['playwright-perf', { outputDir: process.env.MERGED || 'merged-report', html: false, summary: false }]] };\n`,
    'tests/a-heavy.spec.ts': sleepSpec(sleepTest('heavy 1', 900), sleepTest('heavy 2', 900), sleepTest('heavy 3', 900)),
  };
  for (let i = 1; i <= 6; i++) files[`tests/light-${i}.spec.ts`] = sleepSpec(sleepTest(`light ${i}`, 150));
  return createProject(name, files);
}

/**
 * Runs the suite as `total` shards one after another (blob reporter), merges the blobs with our
 * reporter into `<outDir>/run.json`. `shardEnv(i)` / `shardArgs(i)` select the shard.
 */
export async function runShardsAndMerge(
  p: InlineProject,
  total: number,
  how: { env?: (i: number) => Record<string, string>; args?: (i: number) => string[] },
  outDir: string,
): Promise<void> {
  const blobs = `blobs-${outDir}`;
  mkdirSync(p.file(blobs), { recursive: true });
  for (let i = 1; i <= total; i++) {
    const r = await p.run(how.args?.(i) ?? [], { env: { BLOB: '1', ...how.env?.(i) } });
    if (r.exitCode !== 0) throw new Error(`shard ${i}/${total} failed:\n${r.stdout}${r.stderr}`);
    const zip = readdirSync(p.file('blob-report')).find((f) => f.endsWith('.zip'));
    if (!zip) throw new Error(`shard ${i}/${total} wrote no blob`);
    renameSync(join(p.file('blob-report'), zip), p.file(`${blobs}/report-${i}.zip`));
  }
  const merge = await p.exec(
    process.execPath,
    [PLAYWRIGHT_CLI, 'merge-reports', '--config', 'merge.config.ts', blobs],
    { env: { MERGED: outDir } },
  );
  if (merge.exitCode !== 0) throw new Error(`merge-reports failed:\n${merge.stdout}${merge.stderr}`);
}
