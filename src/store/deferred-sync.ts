// Commits whose disk sync runs off the event loop. Under `synchronous=FULL` SQLite syncs the WAL inside
// COMMIT, and better-sqlite3 is synchronous, so every answer stopped the whole app for the length of an
// fdatasync (~0.5 ms on a virtual disk; far more on a busy one) while other people's clicks waited. Here
// the use case commits under NORMAL — the same WAL frames written to the file, only not yet synced —
// and the caller is resolved once an fdatasync of the WAL, run on libuv's thread pool, has returned. That
// is the sync FULL would have made inside COMMIT (WAL mode, FULL: "the WAL file is synchronized after
// each transaction commit"), so what a caller is told is stored survives a power cut exactly as before;
// meanwhile the event loop serves other requests, and concurrent syncs share the disk's flush.
//
// What differs from FULL: for the length of that sync, other readers on this connection can already see
// the commit. The person who made it is answered only after it is on disk.
//
// Syncs are shared (group commit): at most two run at a time, and a commit made while both are running
// waits for the next one to start, together with every other commit made meanwhile. One fdatasync
// flushes everything written to the file before it started, so that sync covers them all; when many
// people answer at once the disk is asked for one flush per batch instead of one per answer. Two rather
// than one, so that a sync that is slow to return does not by itself hold up the next person's.
import type Database from 'better-sqlite3';
import { closeSync, fdatasync, openSync } from 'node:fs';
import { promisify } from 'node:util';

export type SyncFile = (fd: number) => Promise<void>;

export interface DeferredSync {
  /**
   * Runs `fn` (synchronous, committing its own transactions) and resolves with its result once what it
   * committed is on disk. Must be called outside any transaction. When `fn` throws, whatever it had
   * committed before throwing is synced before the error is passed on.
   */
  durably<T>(fn: () => T): Promise<T>;
  close(): void;
}

export interface DeferredSyncOptions {
  /** Tests hold or count syncs; the default is fdatasync on the thread pool. */
  syncFile?: SyncFile | undefined;
}

export class NestedDeferredSyncError extends Error {
  constructor() {
    super('durably() was called inside a transaction: the outer transaction commits later, under its own setting; call it outside');
    this.name = 'NestedDeferredSyncError';
  }
}

/** The disk did not confirm the sync: what was committed may not survive a power cut. */
export class DiskSyncError extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(
      `Syncing ${path} to disk failed (${cause instanceof Error ? cause.message : String(cause)}): the last answers are written but the disk did not confirm them. Check the disk, then restart kakunin.`,
      { cause },
    );
    this.name = 'DiskSyncError';
    this.path = path;
  }
}

const fdatasyncAsync: SyncFile = promisify(fdatasync);

/** Syncs of the WAL running at once; further commits share the one queued behind them. */
const MAX_RUNNING_SYNCS = 2;

export function createDeferredSync(db: Database.Database, options: DeferredSyncOptions = {}): DeferredSync {
  const syncFile = options.syncFile ?? fdatasyncAsync;
  // An in-memory database has nothing to sync.
  if (db.memory) return { durably: async (fn) => fn(), close: () => undefined };
  // Not prepared once: SQLite applies PRAGMA synchronous while it compiles the statement, so a prepared
  // one changes nothing when run again later.
  const normal = () => db.exec('PRAGMA synchronous = NORMAL');
  const full = () => db.exec('PRAGMA synchronous = FULL');
  const walPath = `${db.name}-wal`;
  // Opened once, on first use (the WAL exists by then), and kept open. It stays the file SQLite writes:
  // SQLite deletes the WAL only when the last connection to the database closes, and this one is open
  // for as long as the descriptor is. SQLite holds no locks on the WAL itself (WAL locks live in the
  // -shm file), so closing this descriptor cannot release any of SQLite's POSIX locks.
  let wal: number | undefined;
  // A sync still running (or queued) when the store closes keeps the descriptor until it returns: closed
  // under it, the number could be reused by another file before the thread pool gets to it.
  let syncing = 0;
  let closing = false;
  const release = () => {
    if (wal !== undefined) closeSync(wal);
    wal = undefined;
  };
  /** The sync that starts when a running one returns; every commit made since it was queued waits on it. */
  let queued: { done: Promise<void>; start: () => void } | undefined;
  const startSync = async (): Promise<void> => {
    syncing++;
    try {
      // Read-only is enough: fdatasync flushes the file, whichever descriptor asks.
      wal ??= openSync(walPath, 'r');
      await syncFile(wal);
    } catch (err) {
      throw new DiskSyncError(walPath, err);
    } finally {
      syncing--;
      const next = queued;
      queued = undefined;
      next?.start();
      if (closing && syncing === 0) release();
    }
  };

  /** A sync that starts after everything committed so far: the one queued, or a new one. */
  const syncCommitted = (): Promise<void> => {
    if (queued) return queued.done;
    if (syncing < MAX_RUNNING_SYNCS) return startSync();
    let start = () => {};
    const done = new Promise<void>((resolve, reject) => (start = () => void startSync().then(resolve, reject)));
    queued = { done, start };
    return done;
  };

  return {
    async durably<T>(fn: () => T): Promise<T> {
      if (db.inTransaction) throw new NestedDeferredSyncError();
      normal();
      try {
        return fn();
      } finally {
        // Also when fn threw: whatever it committed before throwing is on disk before anyone hears.
        full();
        await syncCommitted();
      }
    },
    close() {
      closing = true;
      if (syncing === 0) release();
    },
  };
}
