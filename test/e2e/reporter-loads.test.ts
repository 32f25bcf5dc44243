// The reporter loads by package name from CJS and ESM projects, and writes a run record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProject, configTs } from '../helpers/inline-project';

const SPEC = `import { test, expect } from 'playwright-perf';
test('adds', async () => { expect(1 + 1).toBe(2); });
test('fails', async () => { expect(1).toBe(2); });
`;

for (const esm of [false, true]) {
  test(`reporter + fixtures load by package name (${esm ? 'ESM' : 'CJS'} project)`, async () => {
    const p = createProject(
      esm ? 'load-esm' : 'load-cjs',
      {
        'playwright.config.ts': configTs()
          .replace("require('playwright-perf').chromiumLaunchOptions()", 'chromiumLaunchOptions()')
          .replace(
            "import { defineConfig } from '@playwright/test';",
            "import { defineConfig } from '@playwright/test';\nimport { chromiumLaunchOptions } from 'playwright-perf';",
          ),
        'tests/a.spec.ts': SPEC,
      },
      { esm },
    );
    try {
      const out = await p.run();
      assert.equal(out.exitCode, 1, out.stdout + out.stderr); // one test fails, as without us
      const run = p.readRun();
      assert.equal(run.kind, 'playwright-perf-run');
      assert.equal(run.schemaVersion, 1);
      assert.equal(run.tests.length, 2);
      const byTitle = Object.fromEntries(run.tests.map((t) => [t.title, t]));
      assert.equal(byTitle['adds'].outcome, 'expected');
      assert.equal(byTitle['fails'].outcome, 'unexpected');
      assert.match(out.stdout, /playwright-perf: wall/);
      assert.doesNotMatch(out.stderr, /\[playwright-perf\] warning/);
    } finally {
      p.cleanup();
    }
  });
}
