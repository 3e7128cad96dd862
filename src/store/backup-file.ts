// A backup is a consistent copy of the live database (SQLite's online backup API, which reads page by
// page and starts over if another connection writes in between) that is only called good once the
// copy itself passes `PRAGMA integrity_check` and every history chain verifies in it.
import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { allMigrations } from './migrations/all-migrations.ts';
import { auditHistory, type HistoryAudit } from './history-audit.ts';

export class BackupCheckError extends Error {
  override readonly name = 'BackupCheckError';
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`バックアップ ${file} は使えません / the backup ${file} is not usable: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
}

export interface CheckedBackup {
  file: string;
  bytes: number;
  /** History rows whose chains verified in the copy. */
  rows: number;
  schemaVersion: number;
}

/** Copies the live database into `file` (replacing it only once the copy is complete) and checks the copy. */
export async function takeBackup(db: Database.Database, file: string): Promise<CheckedBackup> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    // The copy keeps the live file's WAL mode; a backup should be one self-contained file.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = checkBackupFile(partial);
    renameSync(partial, file);
    return { ...checked, file };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Opens a database file read-only and checks it is whole, of a schema this build knows, with intact history. */
export function checkBackupFile(file: string): CheckedBackup {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupCheckError(file, `cannot open it (${(err as Error).message})`);
  }
  try {
    let lines: string[];
    try {
      lines = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw new BackupCheckError(file, `not a SQLite database (${(err as Error).message})`);
    }
    if (lines.length !== 1 || lines[0] !== 'ok') throw new BackupCheckError(file, `integrity_check: ${lines.slice(0, 3).join('; ')}`);
    const schemaVersion = readSchemaVersion(db, file);
    const known = Math.max(...allMigrations.map((m) => m.version));
    if (schemaVersion > known) throw new BackupCheckError(file, `schema version ${schemaVersion} is newer than this build knows (${known})`);
    let audit: HistoryAudit | undefined;
    // A copy of a release before the chain has no chain to verify; opening it migrates and chains it.
    if (hasTable(db, 'history_chain_heads')) {
      audit = auditHistory(db);
      if (!audit.ok) {
        const first = audit.breaks[0];
        throw new BackupCheckError(
          file,
          first
            ? `history chain broken: ${first.table} ${first.chainKey} row ${first.position} (${first.kind})`
            : `answers differ from their history: ${audit.answerMismatches[0]!.assessmentId} ${audit.answerMismatches[0]!.itemId}`,
        );
      }
    }
    return { file, bytes: statSync(file).size, rows: audit?.rows ?? 0, schemaVersion };
  } finally {
    db.close();
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function readSchemaVersion(db: Database.Database, file: string): number {
  if (!hasTable(db, 'schema_migrations')) throw new BackupCheckError(file, 'not a kakunin database (no schema_migrations)');
  const v = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get();
  if (typeof v !== 'number') throw new BackupCheckError(file, 'not a kakunin database (no schema version)');
  return v;
}
