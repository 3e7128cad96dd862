// The daily backup as a job of the scheduler's runner. Every tick looks (so once at start, then each
// minute, on the runner's clock) whether today has a good backup; backup_runs is the durable record,
// so an app that was down for days takes one backup when it comes back, not one per missed hour. After
// a failed attempt it waits an hour before trying again, rather than every minute.
import type { Backups } from '../service/backups.ts';
import type { RunnerJob } from './runner.ts';

const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

export function dailyBackupJob(backups: Backups): RunnerJob {
  return {
    name: 'daily backup',
    async run(now) {
      const failed = backups.status().lastFailure;
      if (failed && now.getTime() - Date.parse(failed.takenAt) < RETRY_AFTER_FAILURE_MS) return;
      await backups.tick();
    },
  };
}
