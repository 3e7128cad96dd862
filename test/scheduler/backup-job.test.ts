// The daily backup is a job of the reminders' runner: on the runner's (injected) clock, the first tick
// after start takes the day's backup, later ticks that day find nothing to do, an app that was down for
// three days takes one backup when it comes back (not one per missed hour or day), and a failed backup
// is tried again an hour later, not every minute.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { dailyBackupJob } from '../../src/scheduler/backup-job.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import type { ReminderSender } from '../../src/scheduler/sender.ts';
import { createBackups } from '../../src/service/backups.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { manualClock } from '../store/helpers/manual-clock.ts';
import { openTempStore } from '../store/helpers/temp-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const tempDir = useTempDir('kakunin-backup-job-');
const flows = new Map([['mhlw-minimum-5.2', loadFlowsDir().get('mhlw-minimum-5.2')!]]);
const nobody: ReminderSender = {
  canReach: () => true,
  send: () => Promise.reject(new Error('no reminder is due in this story')),
  findDelivered: () => Promise.resolve(undefined),
};

function appWithBackups() {
  // 2026-04-01 09:00 in Tokyo.
  const clock = manualClock('2026-04-01T00:00:00.000Z');
  const store = openTempStore(join(tempDir(), 'kakunin.sqlite'), { now: clock.now });
  const dir = join(tempDir(), 'backups');
  const errors: string[] = [];
  const backups = createBackups({ store, dir, timeZone: 'Asia/Tokyo', clock: clock.now, log: { info: () => undefined, error: (_o, msg) => void errors.push(msg) } });
  const runner = createScheduler({ store, flows, clock: clock.now }).runner(nobody, { jobs: [dailyBackupJob(backups)] });
  const runs = () => store.db.prepare('SELECT taken_at AS at, ok FROM backup_runs ORDER BY id').all() as { at: string; ok: number }[];
  const tickEveryMinuteFor = async (ms: number) => {
    for (let t = 0; t < ms; t += MINUTE) {
      clock.advance(MINUTE);
      await runner.tick(clock.now());
    }
  };
  return { clock, store, dir, backups, runner, runs, errors, tickEveryMinuteFor };
}

describe('the daily backup on the scheduler’s runner', () => {
  it('the first tick takes the day’s backup; the rest of the day’s ticks do not; three days down bring one backup on return', async () => {
    const app = appWithBackups();
    await app.runner.tick(app.clock.now());
    expect(app.runs()).toEqual([{ at: '2026-04-01T00:00:00.000Z', ok: 1 }]);
    await app.tickEveryMinuteFor(3 * HOUR);
    expect(app.runs()).toHaveLength(1);
    // Down from 04-01 12:00 to 04-04 12:00 (Tokyo): the first tick after the restart takes one backup.
    app.clock.advance(3 * DAY);
    const restarted = createScheduler({ store: app.store, flows, clock: app.clock.now }).runner(nobody, { jobs: [dailyBackupJob(app.backups)] });
    await restarted.tick(app.clock.now());
    await restarted.tick(app.clock.now());
    expect(app.runs().map((r) => r.at)).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-04T03:00:00.000Z']);
    expect(readdirSync(app.dir)).toHaveLength(2);
    // The next day (after midnight in Tokyo) the next tick takes that day's.
    app.clock.advance(12 * HOUR);
    await restarted.tick(app.clock.now());
    expect(app.runs()).toHaveLength(3);
  });

  it('a failed backup is logged and tried again an hour later, not every minute', async () => {
    const app = appWithBackups();
    // Something that is not a directory where the backups go: the copy cannot be written.
    writeFileSync(app.dir, '');
    await app.runner.tick(app.clock.now());
    expect(app.runs()).toEqual([{ at: '2026-04-01T00:00:00.000Z', ok: 0 }]);
    expect(app.errors).toEqual(['backup failed; the last good backup is unchanged']);
    await app.tickEveryMinuteFor(59 * MINUTE);
    expect(app.runs()).toHaveLength(1);
    rmSync(app.dir);
    mkdirSync(app.dir);
    await app.tickEveryMinuteFor(MINUTE);
    expect(app.runs().map((r) => r.ok)).toEqual([0, 1]);
    expect(app.backups.status().lastFailure).toBeUndefined();
  });
});
