// Backups of edited configs: a byte-identical copy plus a manifest entry, written before the edit,
// so `playwright-perf rollback` can restore the original exactly. Lives in
// <config dir>/.playwright-perf/backups/. All writes are atomic.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupEntry, BackupManifest, ConfigEdit } from '../types';
import { writeFileAtomic } from '../util/atomic-write';
import { errorMessage } from '../util/errors';

export const BACKUP_DIR = join('.playwright-perf', 'backups');
const MANIFEST = 'manifest.json';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function backupDirFor(configPath: string): string {
  return join(dirname(configPath), BACKUP_DIR);
}

export function readManifest(dir: string): BackupManifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return { kind: 'playwright-perf-backups', schemaVersion: 1, entries: [] };
  let parsed: BackupManifest;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `backup manifest ${file} is not valid JSON (${errorMessage(e)}); the backup files next to it are intact — restore one by hand`,
    );
  }
  if (parsed?.kind !== 'playwright-perf-backups' || !Array.isArray(parsed.entries))
    throw new Error(`${file} is not a playwright-perf backup manifest`);
  return parsed;
}

function writeManifest(dir: string, m: BackupManifest): void {
  writeFileAtomic(join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}

/** Copies the current config byte for byte and records the entry; returns it (status 'applied'). */
export function createBackup(configPath: string, newText: string, edits: ConfigEdit[]): BackupEntry {
  const dir = backupDirFor(configPath);
  mkdirSync(dir, { recursive: true });
  const original = readFileSync(configPath);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const id = `${stamp}-${randomBytes(3).toString('hex')}`;
  const backupPath = join(dir, `${id}-${basename(configPath)}`);
  copyFileSync(configPath, backupPath);
  if (sha256(readFileSync(backupPath)) !== sha256(original))
    throw new Error(`backup copy ${backupPath} differs from the original; nothing was changed`);
  const entry: BackupEntry = {
    id,
    createdAt: new Date().toISOString(),
    configPath,
    backupPath,
    sha256Before: sha256(original),
    sha256After: sha256(newText),
    edits,
    status: 'applied',
  };
  const m = readManifest(dir);
  m.entries.push(entry);
  writeManifest(dir, m);
  return entry;
}

/** Edits an entry in place (status, validation results). */
export function updateBackup(configPath: string, id: string, patch: Partial<BackupEntry>): BackupEntry {
  const dir = backupDirFor(configPath);
  const m = readManifest(dir);
  const e = m.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no backup ${id} in ${dir}`);
  Object.assign(e, patch);
  writeManifest(dir, m);
  return e;
}

/** Backup + atomic write of the edited config. */
export function applyWithBackup(configPath: string, newText: string, edits: ConfigEdit[]): BackupEntry {
  const entry = createBackup(configPath, newText, edits);
  writeFileAtomic(configPath, newText);
  return entry;
}

export interface RollbackOptions {
  /** Entry id; default: the newest entry not rolled back yet. */
  id?: string;
  /** Restore even when the config changed since the edit. */
  force?: boolean;
}

/** Restores the original bytes. Refuses when the file was changed by hand after our edit (unless forced). */
export function rollback(configPath: string, opts: RollbackOptions = {}): BackupEntry {
  const dir = backupDirFor(configPath);
  const m = readManifest(dir);
  const candidates = m.entries.filter((e) => e.configPath === configPath && e.status !== 'rolled-back');
  const entry = opts.id ? m.entries.find((e) => e.id === opts.id) : candidates[candidates.length - 1];
  if (!entry)
    throw new Error(
      opts.id ? `no backup ${opts.id} in ${dir}` : `nothing to roll back for ${configPath} (no backup in ${dir})`,
    );
  if (entry.status === 'rolled-back' && !opts.force)
    throw new Error(`backup ${entry.id} was already rolled back at ${entry.rolledBackAt}`);
  if (!existsSync(entry.backupPath)) throw new Error(`backup file ${entry.backupPath} is missing`);
  const backup = readFileSync(entry.backupPath);
  if (sha256(backup) !== entry.sha256Before)
    throw new Error(`backup file ${entry.backupPath} does not match its checksum; not restoring`);
  const current = existsSync(configPath) ? readFileSync(configPath) : null;
  if (current && sha256(current) !== entry.sha256After && !opts.force) {
    throw new Error(
      `${configPath} changed since playwright-perf edited it; rerun with --force to restore the backup anyway (your later changes would be lost)`,
    );
  }
  writeFileAtomic(configPath, backup);
  entry.status = 'rolled-back';
  entry.rolledBackAt = new Date().toISOString();
  writeManifest(dir, m);
  return entry;
}
