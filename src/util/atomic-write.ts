// Atomic file writes: write to a temp file in the same folder, fsync, then rename over the target,
// so a crash or a concurrent reader never sees a half-written report or history file.
import { mkdirSync, writeFileSync, writeSync, renameSync, openSync, fsyncSync, closeSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** `data` may be a list of pieces, written one after the other: a file bigger than the longest
 *  string V8 allows (~512 M characters, e.g. report.json of 100,000 tests) never exists as one. */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly string[]): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(tmp, data);
    else writePieces(tmp, data);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function writePieces(path: string, pieces: readonly string[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}
