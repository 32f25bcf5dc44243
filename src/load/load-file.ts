// Loads a load-test file (TypeScript or JavaScript) the way Playwright loads specs: compiled on the
// fly (tsx's CommonJS hook), so page objects and helpers it imports work unchanged. An import
// that throws becomes one clear error naming the file, before any browser starts.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { errorMessage } from '../util/errors';
import { LoadDefinitionError, resolveLoadTest } from './validate';
import type { ResolvedLoadTest } from './resolved';

let registered = false;

export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  const { register } = require('tsx/cjs/api') as { register(): void };
  register();
}

export async function loadDefinitionFile(file: string, cwd: string): Promise<ResolvedLoadTest> {
  const abs = resolve(cwd, file);
  if (!existsSync(abs)) throw new LoadDefinitionError([`file not found: ${abs}`], file);
  registerTypeScript();
  let mod: { default?: unknown };
  try {
    // Evaluated afresh on every load: a definition may read the environment (LOAD_* variables).
    delete require.cache[abs];
    mod = require(abs);
  } catch (e) {
    const where = e instanceof Error && e.stack ? `\n${e.stack.split('\n').slice(0, 4).join('\n')}` : '';
    throw new LoadDefinitionError([`importing the file threw: ${errorMessage(e)}${where}`], file);
  }
  return resolveLoadTest(mod.default ?? mod, file);
}
