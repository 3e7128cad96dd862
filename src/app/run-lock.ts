// "The app is running on this database": `npm start` writes its pid into <db>.pid and removes it when it
// stops. `kakunin restore` refuses while that pid is alive. A pid file left by a killed app (kill -9,
// power cut) names a dead process and is ignored. A pid file rather than a SQLite lock because the app
// holds no lock while idle (WAL readers and writers only lock during a transaction).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function runLockPath(dbPath: string): string {
  return `${resolve(dbPath)}.pid`;
}

/** Marks the database as in use by this process; returns the release function. */
export function holdRunLock(dbPath: string, pid = process.pid): () => void {
  const file = runLockPath(dbPath);
  writeFileSync(file, `${pid}\n`);
  return () => {
    // Another app started on the same file later owns the lock now; leave its mark alone.
    if (runningPid(dbPath) === pid) rmSync(file, { force: true });
  };
}

/** The pid of a live app using the database, if any. */
export function runningPid(dbPath: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(runLockPath(dbPath), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else — still running.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
