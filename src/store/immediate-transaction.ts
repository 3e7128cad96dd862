// Runs a function in an IMMEDIATE transaction (a savepoint when already inside one). better-sqlite3 builds
// a new wrapper for every db.transaction(fn) call; this builds one per database and reuses it.
import type Database from 'better-sqlite3';

export function immediateTransaction(db: Database.Database): <T>(fn: () => T) => T {
  const run = db.transaction((fn: () => unknown) => fn());
  return <T>(fn: () => T): T => run.immediate(fn) as T;
}
