// Every corpus config the rewriter edited still loads in real Playwright (`playwright test --list`),
// and Playwright resolves the new values (a probe reporter prints the resolved config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, type RunOutput } from '../helpers/inline-project';
import { rewriteConfig } from '../../src/optimize/config-rewriter';
import { loadCorpus, CORPUS_DIR } from '../helpers/optimizer-corpus';

const PROBE = `class Probe {
  printsToStdio() { return true; }
  onBegin(config, suite) {
    const mode = (v) => (v && typeof v === 'object' ? v.mode : v);
    console.log('PROBE ' + JSON.stringify({
      workers: config.workers, fullyParallel: config.fullyParallel, tests: suite.allTests().length,
      projects: config.projects.map((p) => ({ name: p.name, retries: p.retries, trace: mode(p.use.trace), screenshot: mode(p.use.screenshot), video: mode(p.use.video), slowMo: p.use.launchOptions?.slowMo, headless: p.use.headless })),
    }));
  }
}
module.exports = Probe;
`;

interface Probe {
  workers: number;
  fullyParallel: boolean;
  tests: number;
  projects: Array<{
    name: string;
    retries: number;
    trace?: string;
    screenshot?: string;
    video?: string;
    slowMo?: number;
    headless?: boolean;
  }>;
}

test('edited corpus configs load in Playwright and resolve to the new values', async () => {
  const cases = loadCorpus().filter((c) => c.expect !== 'refuse');
  const files: Record<string, string> = {
    'tests/a.spec.ts': `import { test } from '@playwright/test';\ntest('a', async () => {});\n`,
    '_base.config.ts': readFileSync(join(CORPUS_DIR, '_base.config.ts'), 'utf8'),
    'probe.cjs': PROBE,
  };
  const results = cases.map((c) => ({
    c,
    r: rewriteConfig(readFileSync(join(CORPUS_DIR, c.file), 'utf8'), c.file, c.edits, { env: c.env }),
  }));
  for (const { c, r } of results) files[c.file] = r.text;
  const p = createProject('optimizer-corpus', files);
  try {
    // Two at a time: each --list is mostly process start-up.
    const outs = new Map<string, RunOutput>();
    const queue = [...results];
    await Promise.all(
      [0, 1].map(async () => {
        for (let x = queue.shift(); x; x = queue.shift()) {
          outs.set(
            x.c.file,
            await p.run(['--list', '--config', x.c.file, '--reporter', './probe.cjs'], {
              env: { CI: x.c.env === 'ci' ? '1' : '' },
              timeoutMs: 60_000,
            }),
          );
        }
      }),
    );
    for (const { c, r } of results) {
      const out = outs.get(c.file)!;
      assert.equal(out.exitCode, 0, `${c.file} loads:\n${out.stdout}\n${out.stderr}`);
      const line = out.stdout.split('\n').find((l) => l.startsWith('PROBE '));
      assert.ok(line, `${c.file}: probe output`);
      const probe = JSON.parse(line!.slice(6)) as Probe;
      assert.ok(probe.tests >= 1, `${c.file}: tests listed`);
      for (const { edit } of r.applied) {
        const m = /^(?:projects\[([^\]]+)\]\.)?use\.(trace|screenshot|video|headless|launchOptions\.slowMo)$/.exec(
          edit.path,
        );
        if (edit.path === 'workers') assert.equal(probe.workers, edit.to, `${c.file}: workers`);
        else if (edit.path === 'fullyParallel') assert.equal(probe.fullyParallel, edit.to, `${c.file}: fullyParallel`);
        else if (edit.path === 'retries')
          assert.ok(
            probe.projects.every((x) => x.retries === (c.env === 'ci' ? edit.from : edit.to)),
            `${c.file}: retries`,
          );
        else if (m) {
          const projects = m[1] ? probe.projects.filter((x) => x.name === m[1]) : probe.projects;
          assert.ok(projects.length > 0, `${c.file}: project ${m[1]}`);
          // Every project (they override the top level themselves in some shapes) ends up with the new value.
          const field = (m[2] === 'launchOptions.slowMo' ? 'slowMo' : m[2]) as 'trace';
          for (const x of projects)
            assert.equal(x[field], edit.to, `${c.file}: ${edit.path} in project ${x.name || '(default)'}`);
        }
      }
    }
  } finally {
    p.cleanup();
  }
});
