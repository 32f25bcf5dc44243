// Unified diff of a config before/after an edit (jsdiff's createTwoFilesPatch), paths a/… b/… like git.
import { createTwoFilesPatch } from 'diff';
import { basename } from 'node:path';

export function unifiedDiff(fileName: string, before: string, after: string): string {
  const name = basename(fileName);
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
}
