// report.json is written as pieces around the run.json text (the run record is serialised once and
// the whole file never has to be one string): the same JSON value as serialising the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { reportJsonPieces } from '../../src/report/write-reports';
import { writeFileAtomic } from '../../src/util/atomic-write';
import { syntheticReport } from '../helpers/synthetic-report';

test('report.json from pieces parses to the same value as the report itself', () => {
  const report = syntheticReport({ tests: 30, seed: 3, historyRuns: 2, payload: '</script>\u2028"\u0000' });
  const dir = mkdtempSync(join(tmpdir(), 'pp-pieces-'));
  try {
    const file = join(dir, 'report.json');
    writeFileAtomic(file, reportJsonPieces(report, JSON.stringify(report.run)));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(report)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
