// Puts a backup in place of the database file, for when the app is stopped (the CLI checks that).
// The backup is checked first; the database it replaces is folded (its WAL checkpointed) and kept
// beside it as <db>.replaced-<time>, so a wrong restore can itself be undone.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BackupCheckError, checkBackupFile, type CheckedBackup } from './backup-file.ts';

export interface Restored {
  restored: CheckedBackup;
  /** Where the database that was replaced now is (none when there was no database yet). */
  replacedKeptAt: string | undefined;
}

export function restoreBackupFile(backupFile: string, dbPath: string, now: Date): Restored {
  const db = resolve(dbPath);
  if (resolve(backupFile) === db) throw new BackupCheckError(db, 'it is the database itself, not a backup of it');
  const restored = checkBackupFile(resolve(backupFile));
  let replacedKeptAt: string | undefined;
  if (existsSync(db)) {
    // Fold the WAL into the file so the kept copy is whole on its own.
    const current = new Database(db);
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    replacedKeptAt = `${db}.replaced-${now.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(db, replacedKeptAt);
  }
  for (const side of ['-wal', '-shm']) rmSync(`${db}${side}`, { force: true });
  copyFileSync(restored.file, `${db}.restoring`);
  renameSync(`${db}.restoring`, db);
  return { restored, replacedKeptAt };
}
