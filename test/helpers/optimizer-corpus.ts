// The optimizer's config corpus (test/fixtures/configs): cases and their edits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigEdit } from '../../src/types';

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'configs');

export const STD_EDITS: ConfigEdit[] = [
  { path: 'workers', from: 1, to: 4 },
  { path: 'fullyParallel', from: false, to: true },
  { path: 'use.trace', from: 'on', to: 'retain-on-failure' },
];

export interface CorpusCase {
  file: string;
  edits: ConfigEdit[];
  env: 'ci' | 'local';
  expect: 'edit' | 'partial' | 'refuse';
  golden?: boolean;
  reason?: string;
  refused?: Record<string, string>;
}

export function loadCorpus(): CorpusCase[] {
  const raw = JSON.parse(readFileSync(join(CORPUS_DIR, 'cases.json'), 'utf8')) as {
    cases: Array<Omit<CorpusCase, 'edits' | 'env'> & { edits: 'std' | ConfigEdit[]; env?: 'ci' | 'local' }>;
  };
  return raw.cases.map((c) => ({ ...c, edits: c.edits === 'std' ? STD_EDITS : c.edits, env: c.env ?? 'local' }));
}
