// The deliberately badly configured sample suite (test/fixtures/slow-suite) as an inline project.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, type InlineProject } from './inline-project';

export const SLOW_SUITE_DIR = join(__dirname, '..', 'fixtures', 'slow-suite');

function collect(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) Object.assign(out, collect(p, `${rel}${n}/`));
    else out[rel + n] = readFileSync(p, 'utf8');
  }
  return out;
}

export function createSlowSuite(name = 'slow-suite'): InlineProject {
  return createProject(name, collect(SLOW_SUITE_DIR));
}
