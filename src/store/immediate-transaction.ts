// Runs a function in an IMMEDIATE transaction (a savepoint when already inside one). better-sqlite3 builds
// a new wrapper for every db.transaction(fn) call; this builds one per database and reuses it.
import type Database from 'better-sqlite3';

export function immediateTransaction(db: Database.Database): <T>(fn: () => T) => T {
  const run = db.transaction((fn: () => unknown) => fn());
  return <T>(fn: () => T): T => run.immediate(fn) as T;
}

/**
 * Like immediateTransaction, but inside a caller's transaction it simply joins it instead of opening a
 * savepoint: for writes on the answer path that never catch their own errors, so a failure rolls back the
 * caller's whole transaction anyway, and the two extra statements per call are saved.
 */
export function joinOrImmediateTransaction(db: Database.Database): <T>(fn: () => T) => T {
  const immediately = immediateTransaction(db);
  return <T>(fn: () => T): T => (db.inTransaction ? fn() : immediately(fn));
}
