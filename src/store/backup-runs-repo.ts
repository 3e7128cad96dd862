// The log of backups taken (by the daily timer or `kakunin backup`): when, where, and whether the copy
// passed its checks, so the app can say when the last good backup was.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { readStored } from './stored-record.ts';

export const backupRunSchema = z.object({
  takenAt: z.string(),
  file: z.string(),
  bytes: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  ok: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  problem: z.string().nullable(),
});
export type BackupRun = z.output<typeof backupRunSchema>;

export type BackupRunsRepo = ReturnType<typeof createBackupRunsRepo>;

export function createBackupRunsRepo(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO backup_runs (taken_at, file, bytes, rows, ok, problem) VALUES (@takenAt, @file, @bytes, @rows, @ok, @problem)',
  );
  const columns = 'taken_at AS takenAt, file, bytes, rows, ok, problem';
  const lastGood = db.prepare(`SELECT ${columns} FROM backup_runs WHERE ok = 1 ORDER BY taken_at DESC, id DESC LIMIT 1`);
  const last = db.prepare(`SELECT ${columns} FROM backup_runs ORDER BY taken_at DESC, id DESC LIMIT 1`);
  const read = (row: unknown) => (row === undefined ? undefined : readStored(backupRunSchema, row, { table: 'backup_runs', key: {} }));
  return {
    record(run: BackupRun): void {
      insert.run({ ...run, ok: run.ok ? 1 : 0 });
    },
    lastGood: (): BackupRun | undefined => read(lastGood.get()),
    last: (): BackupRun | undefined => read(last.get()),
  };
}
