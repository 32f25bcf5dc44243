// Locating playwright.config.* in a folder (no ts-morph here: the CLI loads this for every command).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CONFIG_NAMES = [
  'playwright.config.ts',
  'playwright.config.js',
  'playwright.config.mts',
  'playwright.config.mjs',
  'playwright.config.cts',
  'playwright.config.cjs',
];

export function findConfig(dir: string): string | null {
  for (const n of CONFIG_NAMES) if (existsSync(resolve(dir, n))) return resolve(dir, n);
  return null;
}
