// Loads a Playwright Test spec file with the shim `test` in place of '@playwright/test' and
// 'playwright-perf' (only while this file and what it imports load), and returns its tests.
import Module from 'node:module';
import { resolve } from 'node:path';
import { registerTypeScript } from '../load-file';
import { newRegistry, type CollectedTest } from './registry';
import { shimModule } from './shim';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

export function collectTests(file: string, cwd = process.cwd()): CollectedTest[] {
  registerTypeScript();
  const abs = resolve(cwd, file);
  const registry = newRegistry();
  const pw = shimModule(registry);
  const mod = Module as unknown as { _load: Load };
  const original = mod._load;
  let perfShim: Record<string, unknown> | undefined;
  mod._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (request === '@playwright/test' || request === 'playwright/test') return pw;
    if (request === 'playwright-perf') {
      perfShim ??= { ...(require('../../index') as Record<string, unknown>), test: pw.test, expect: pw.expect };
      return perfShim;
    }
    return original.call(this, request, parent, isMain);
  } as Load;
  try {
    delete require.cache[abs];
    require(abs);
  } finally {
    mod._load = original;
    delete require.cache[abs];
  }
  return registry.tests;
}
