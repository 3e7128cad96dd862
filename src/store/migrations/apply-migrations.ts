// Brings a database up to the newest schema this build knows, all pending steps in one
// transaction: a failing step leaves the file exactly as it was.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Clock } from '../clock.ts';
import { DatabaseVersionError } from '../errors.ts';
import { readStored } from '../stored-record.ts';
import type { Migration } from './migration.ts';

const appliedVersionSchema = z.object({ version: z.number().int() });

/** Returns the versions applied by this call (empty when the database was already current). */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], clock: Clock): number[] {
  const knownVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const migrate = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const applied = new Set(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((row) => readStored(appliedVersionSchema, row, { table: 'schema_migrations', key: {} }).version),
    );
    const newest = Math.max(0, ...applied);
    if (newest > knownVersion) throw new DatabaseVersionError(db.name, newest, knownVersion);

    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      migration.up(db);
      record.run(migration.version, migration.name, isoNow(clock));
    }
    return pending.map((m) => m.version);
  });
  // IMMEDIATE takes the write lock before reading, so two processes starting at once migrate in turn.
  return migrate.immediate();
}
