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

/**
 * The connection settings every kakunin connection runs with (benchmarks open their floors with them too).
 * Must run outside any transaction.
 */
export function configureConnection(db: Database.Database): void {
  // WAL lets readers run while the app writes.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // better-sqlite3 builds SQLite to behave as NORMAL in WAL mode unless told otherwise (while
  // `PRAGMA synchronous` still reads 2), and a power cut can then lose the last commits; an acknowledged
  // answer must survive one, so every commit is synced (cost: README). A Slack answer syncs right after
  // its COMMIT instead, off the event loop, before it is acknowledged (deferred-sync.ts).
  db.pragma('synchronous = FULL');
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(path);
  try {
    configureConnection(db);
    applyMigrations(db, options.migrations ?? allMigrations, options.now ?? systemClock);
  } catch (err) {
    // Do not leak the file handle when the file cannot be used; the caller gets the original error.
    db.close();
    throw err;
  }
  return db;
}
