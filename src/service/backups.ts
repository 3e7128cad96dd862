// Backups as the app and the CLI take them: a checked copy (store/backup-file.ts) into the backup
// directory, recorded in backup_runs, older generations pruned; whether today's is due (the scheduler's
// runner looks each tick: scheduler/backup-job.ts); and what the leads' App Home shows about the last good backup.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { todayIn } from '../dates/calendar-date.ts';
import { takeBackup, type CheckedBackup } from '../store/backup-file.ts';
import type { BackupRun } from '../store/backup-runs-repo.ts';
import type { Store } from '../store/store.ts';
import { backupFileName, backupsToPrune, DEFAULT_GENERATIONS, type Generations } from './backup-generations.ts';

/** The part of a pino logger backups write to. */
export interface BackupLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BackupsOptions {
  store: Store;
  /** Where the daily backups go (default: backups/ beside the database file). */
  dir: string;
  timeZone: string;
  clock?: () => Date;
  generations?: Generations;
  log?: BackupLog;
}

export interface BackupStatus {
  /** The newest backup that passed its checks. */
  lastGood: BackupRun | undefined;
  /** The newest attempt, when it failed after the last good one. */
  lastFailure: BackupRun | undefined;
  /** The same two times as the clinic reads them ("2026-04-01 03:00" in its time zone). */
  local: { lastGood: string | undefined; lastFailure: string | undefined };
}

function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export type Backups = ReturnType<typeof createBackups>;

/** The default backup directory of a database file. */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups');
}

export function createBackups({ store, dir, timeZone, clock = () => new Date(), generations = DEFAULT_GENERATIONS, log }: BackupsOptions) {
  let running: Promise<CheckedBackup> | undefined;

  const record = (run: Omit<BackupRun, 'takenAt'>, at: Date) => store.backupRuns.record({ takenAt: at.toISOString(), ...run });

  const prune = (): string[] => {
    const doomed = backupsToPrune(readdirSync(dir), timeZone, generations);
    for (const name of doomed) rmSync(join(dir, name), { force: true });
    return doomed;
  };

  const backups = {
    /**
     * Takes a checked backup: into `out` when given (kept as is), else into the backup directory under a
     * dated name, pruning older generations there. Recorded either way; a failed check throws.
     */
    async take(out?: string): Promise<CheckedBackup> {
      if (running) await running.catch(() => undefined);
      const at = clock();
      const file = out ? resolve(out) : join(dir, backupFileName(at));
      running = (async () => {
        mkdirSync(dirname(file), { recursive: true });
        return takeBackup(store.db, file);
      })();
      try {
        const checked = await running;
        record({ file, bytes: checked.bytes, rows: checked.rows, ok: true, problem: null }, at);
        const pruned = out ? [] : prune();
        log?.info({ file, bytes: checked.bytes, rows: checked.rows, pruned: pruned.length }, 'backup taken and checked');
        return checked;
      } catch (err) {
        const problem = err instanceof Error ? err.message : String(err);
        record({ file, bytes: null, rows: null, ok: false, problem }, at);
        log?.error({ file, problem }, 'backup failed; the last good backup is unchanged');
        throw err;
      } finally {
        running = undefined;
      }
    },

    /** Whether today (in the clinic's time zone) has no good backup yet. */
    due(): boolean {
      const last = store.backupRuns.lastGood();
      return !last || todayIn(timeZone, new Date(last.takenAt)) !== todayIn(timeZone, clock());
    },

    /** One look: takes today's backup if it is due. A failure is logged, not thrown. */
    async tick(): Promise<CheckedBackup | undefined> {
      if (running || !backups.due()) return undefined;
      return backups.take().catch(() => undefined);
    },

    status(): BackupStatus {
      const lastGood = store.backupRuns.lastGood();
      const last = store.backupRuns.last();
      const lastFailure = last && !last.ok ? last : undefined;
      return {
        lastGood,
        lastFailure,
        local: { lastGood: lastGood && localTime(lastGood.takenAt, timeZone), lastFailure: lastFailure && localTime(lastFailure.takenAt, timeZone) },
      };
    },

  };
  return backups;
}
