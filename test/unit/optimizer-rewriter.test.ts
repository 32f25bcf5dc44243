// The config rewriter over the corpus: each shape is edited correctly or refused with a reason, the
// result always parses, golden diffs match, and apply + rollback restores the original bytes.
// UPDATE_GOLDEN=1 rewrites the .golden.diff files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { rewriteConfig } from '../../src/optimize/config-rewriter';
import { parseConfigSource, syntaxErrors } from '../../src/optimize/config-source';
import { applyWithBackup, rollback, readManifest, backupDirFor, sha256 } from '../../src/optimize/backup';
import { loadCorpus, CORPUS_DIR } from '../helpers/optimizer-corpus';

const cases = loadCorpus();

test('the corpus has at least 30 config shapes', () => {
  assert.ok(cases.length >= 30, `${cases.length} cases`);
});

for (const c of cases) {
  test(`rewrite ${c.file} → ${c.expect}`, () => {
    const original = readFileSync(join(CORPUS_DIR, c.file), 'utf8');
    const r = rewriteConfig(original, c.file, c.edits, { env: c.env });
    if (c.expect === 'refuse') {
      assert.equal(r.text, original, 'a refused file is not changed');
      assert.equal(r.diff, '');
      assert.ok(r.fileRefusal, 'a reason is given');
      assert.match(r.fileRefusal!, new RegExp(c.reason!));
      return;
    }
    assert.equal(r.fileRefusal, undefined);
    assert.deepEqual(syntaxErrors(parseConfigSource(r.text, c.file)), [], 'the edited file parses');
    if (c.expect === 'edit') assert.deepEqual(r.refused, [], JSON.stringify(r.refused));
    else {
      for (const [path, why] of Object.entries(c.refused ?? {})) {
        const x = r.refused.find((f) => f.edit.path === path);
        assert.ok(x, `${path} refused`);
        assert.match(x!.reason, new RegExp(why));
      }
    }
    assert.equal(r.applied.length + r.refused.length, c.edits.length);
    assert.ok(r.applied.length > 0);
    assert.notEqual(r.text, original);
    // Comments survive, and so does every line the diff does not touch.
    for (const comment of original.match(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g) ?? [])
      assert.ok(r.text.includes(comment), `comment kept: ${comment}`);
    const removed = r.diff
      .split('\n')
      .filter((l) => l.startsWith('-') && !l.startsWith('---'))
      .map((l) => l.slice(1).replace(/\r$/, ''));
    for (const line of original.split(/\r?\n/))
      if (!removed.includes(line)) assert.ok(r.text.includes(line), `line kept: ${line}`);
    if (original.includes('\r\n')) assert.ok(!/[^\r]\n/.test(r.text), 'CRLF line endings kept');
    if (c.golden) {
      const golden = join(CORPUS_DIR, c.file + '.golden.diff');
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, r.diff);
      assert.equal(r.diff, readFileSync(golden, 'utf8'));
    }
    // Applying the same edits again changes nothing more (idempotent).
    const again = rewriteConfig(
      r.text,
      c.file,
      r.applied.map((a) => a.edit),
      { env: c.env },
    );
    assert.equal(again.text, r.text);
  });
}

test('apply with backup, then rollback restores every edited corpus file byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-rollback-'));
  try {
    for (const c of cases.filter((x) => x.expect !== 'refuse')) {
      const file = join(dir, c.file);
      copyFileSync(join(CORPUS_DIR, c.file), file);
      const before = readFileSync(file);
      const r = rewriteConfig(before.toString('utf8'), c.file, c.edits, { env: c.env });
      const entry = applyWithBackup(
        file,
        r.text,
        r.applied.map((a) => a.edit),
      );
      assert.equal(readFileSync(file, 'utf8'), r.text);
      assert.equal(sha256(readFileSync(entry.backupPath)), sha256(before));
      const back = rollback(file);
      assert.equal(back.id, entry.id);
      assert.ok(readFileSync(file).equals(before), `${c.file} restored byte-identical`);
    }
    const m = readManifest(backupDirFor(join(dir, 'x.ts')));
    assert.ok(m.entries.every((e) => e.status === 'rolled-back'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rollback refuses when the config was changed by hand after the edit, unless forced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-rollback-'));
  try {
    const file = join(dir, 'playwright.config.ts');
    copyFileSync(join(CORPUS_DIR, '01-define-config.ts'), file);
    const before = readFileSync(file);
    const r = rewriteConfig(before.toString(), file, [{ path: 'workers', from: 1, to: 2 }]);
    applyWithBackup(
      file,
      r.text,
      r.applied.map((a) => a.edit),
    );
    writeFileSync(file, r.text + '\n// my own change\n');
    assert.throws(() => rollback(file), /changed since playwright-perf edited it/);
    rollback(file, { force: true });
    assert.ok(readFileSync(file).equals(before));
    assert.throws(() => rollback(file), /nothing to roll back/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt backup manifest gives a clear error and loses nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-rollback-'));
  try {
    const file = join(dir, 'playwright.config.ts');
    copyFileSync(join(CORPUS_DIR, '01-define-config.ts'), file);
    const r = rewriteConfig(readFileSync(file, 'utf8'), file, [{ path: 'workers', from: 1, to: 2 }]);
    const e = applyWithBackup(
      file,
      r.text,
      r.applied.map((a) => a.edit),
    );
    writeFileSync(join(backupDirFor(file), 'manifest.json'), '{ nope');
    assert.throws(() => rollback(file), /not valid JSON.*backup files next to it are intact/);
    assert.ok(existsSync(e.backupPath));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a kept trailing comment on an edited line is pointed out', () => {
  const r = rewriteConfig(readFileSync(join(CORPUS_DIR, '29-trailing-comments.ts'), 'utf8'), 'x.ts', [
    { path: 'workers', from: 1, to: 4 },
  ]);
  assert.match(r.applied[0].note ?? '', /comment `\/\/ one at a time, for now` on that line was kept/);
});
