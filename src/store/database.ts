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
  // SQLite checkpoints inside the COMMIT that takes the WAL past this many pages, on the event loop:
  // it copies every page of the WAL into the database file and syncs both. At the default (1,000
  // pages, ~100 answers) that was a third to a half of COMMIT's time under load; most pages of a small
  // database are in every checkpoint, so waiting for 10,000 frames (~40 MB of WAL) copies each once
  // instead of ten times. The WAL file keeps that size between checkpoints.
  db.pragma('wal_autocheckpoint = 10000');
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
