// Opens (or creates) the SQLite file and brings its schema up to date.
import Database from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { allMigrations } from './migrations/all-migrations.ts';
import { applyMigrations } from './migrations/apply-migrations.ts';
import type { Migration } from './migrations/migration.ts';

export interface OpenDatabaseOptions {
  now?: Clock;
  /** Only tests replace this, to simulate older or newer builds. */
  migrations?: readonly Migration[];
}

/** How long a writer waits for another process (Slack app vs. CLI) to release the lock. */
const busyTimeoutMs = 5_000;

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(path);
  try {
    // WAL lets readers run while the app writes; both pragmas must be set outside any transaction.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // better-sqlite3 leaves NORMAL on every later open, where a power cut can lose the last commits in
    // WAL mode; an acknowledged answer must survive one, so every commit is synced (cost: README).
    db.pragma('synchronous = FULL');
    applyMigrations(db, options.migrations ?? allMigrations, options.now ?? systemClock);
  } catch (err) {
    // Do not leak the file handle when the file cannot be used; the caller gets the original error.
    db.close();
    throw err;
  }
  return db;
}
