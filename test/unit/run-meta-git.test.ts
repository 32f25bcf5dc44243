// The reporter reads git state without blocking (three commands in parallel, other processes):
// the same answer as the synchronous reader, in a repository and outside one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gitInfo, gitInfoAsync } from '../../src/reporter/run-meta';
import { REPO_ROOT } from '../helpers/inline-project';

test('gitInfoAsync agrees with gitInfo', async () => {
  assert.deepEqual(await gitInfoAsync(REPO_ROOT), gitInfo(REPO_ROOT));
  const outside = mkdtempSync(join(tmpdir(), 'pp-nogit-'));
  try {
    assert.equal(await gitInfoAsync(outside), undefined);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});
