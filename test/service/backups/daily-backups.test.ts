// The clinic never thinks about backups: the app takes one a day by itself, checks it, keeps seven
// daily and four weekly generations, and tells the leads when the last good one was.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToPrune } from '../../../src/service/backup-generations.ts';
import { createBackups } from '../../../src/service/backups.ts';
import { withBackupLine } from '../../../src/slack/views/backup-line.ts';
import { homeView } from '../../../src/slack/views/home-view.ts';
import { checkBackupFile } from '../../../src/store/backup-file.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { manualClock } from '../../store/helpers/manual-clock.ts';
import { seedClinic } from '../../store/helpers/seed.ts';
import { openTempStore } from '../../store/helpers/temp-store.ts';

const DAY = 24 * 60 * 60 * 1000;
const tempDir = useTempDir('kakunin-backups-');

function logCapture() {
  const lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  return {
    lines,
    log: {
      info: (obj: object, msg: string) => void lines.push({ level: 'info', msg, obj: obj as Record<string, unknown> }),
      error: (obj: object, msg: string) => void lines.push({ level: 'error', msg, obj: obj as Record<string, unknown> }),
    },
  };
}

describe('daily backups', () => {
  it('sixty simulated days leave 7 daily and 4 weekly checked generations, one backup a day', async () => {
    // 2026-04-01 03:00 in Tokyo.
    const clock = manualClock('2026-03-31T18:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    const { assessment, respondent } = seedClinic(store);
    const dir = join(tempDir(), 'backups');
    const { lines, log } = logCapture();
    const backups = createBackups({ store, dir, timeZone: 'Asia/Tokyo', clock: clock.now, log });
    writeFileSync(join(tempDir(), 'unrelated.sqlite'), 'not ours');

    for (let day = 0; day < 60; day++) {
      store.answers.apply(assessment.id, [{ itemId: 'devices', answer: { kind: 'number', value: day } }], { personId: respondent.id, channel: 'slack' });
      expect(backups.due()).toBe(true);
      expect(await backups.tick()).toBeDefined();
      // The hourly looks later that day find nothing to do.
      clock.advance(60 * 60 * 1000);
      expect(await backups.tick()).toBeUndefined();
      clock.advance(DAY - 60 * 60 * 1000);
    }

    const kept = readdirSync(dir).sort();
    const taken = (d: number) => backupFileName(new Date(new Date('2026-03-31T18:00:00.000Z').getTime() + d * DAY));
    // Days 53–59 (Tokyo 05-24 to 05-30) daily; then the newest of each of the four ISO weeks before:
    // 05-23 (Sat, the rest of 05-24's week), 05-17, 05-10 and 05-03 (Sundays).
    expect(kept).toEqual([32, 39, 46, 52, 53, 54, 55, 56, 57, 58, 59].map(taken));
    expect(kept).toHaveLength(11);
    // Every kept copy is whole and its history verifies.
    for (const name of kept) expect(checkBackupFile(join(dir, name)).rows).toBeGreaterThan(0);
    expect(lines.filter((l) => l.msg === 'backup taken and checked')).toHaveLength(60);
    expect(backups.status().local).toEqual({ lastGood: '2026-05-30 03:00', lastFailure: undefined });
  });

  it('a failed backup is logged and shown to leads beside the last good one; the next day tries again', async () => {
    const clock = manualClock('2026-04-01T00:00:00.000Z');
    const store = openTempStore(undefined, { now: clock.now });
    const dir = tempDir();
    const { lines, log } = logCapture();
    const backups = createBackups({ store, dir, timeZone: 'Asia/Tokyo', clock: clock.now, log });
    await backups.take();
    clock.advance(DAY);
    // A file where the backup's directory should be: the copy cannot be written.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    await expect(backups.take(join(blocked, 'x.sqlite'))).rejects.toThrow();
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'backup failed; the last good backup is unchanged' });
    const status = backups.status();
    expect(status.local).toEqual({ lastGood: '2026-04-01 09:00', lastFailure: '2026-04-02 09:00' });

    const home = withBackupLine(homeView({ open: [], submitted: [], flows: [], locale: 'ja' }), status.local, 'ja');
    expect(JSON.stringify(home.blocks.at(-1))).toContain('最後の正常なバックアップ: 2026-04-01 09:00\\n2026-04-02 09:00 のバックアップに失敗しました。ログを確認してください。');
    expect(backups.due()).toBe(true);
    expect(await backups.tick()).toBeDefined();
    expect(backups.status().lastFailure).toBeUndefined();
  });
});

describe('which generations are kept', () => {
  it('keeps the newest of each day for seven days, then the newest of each of four earlier weeks, and never touches other files', () => {
    const at = (iso: string) => backupFileName(new Date(iso));
    const names = [
      ...Array.from({ length: 40 }, (_, d) => at(new Date(Date.UTC(2026, 3, 1 + d, 18)).toISOString())),
      at('2026-05-10T19:00:00.000Z'),
      'kakunin-manual.sqlite',
    ];
    const doomed = backupsToPrune(names, 'Asia/Tokyo');
    const kept = names.filter((n) => !doomed.includes(n));
    expect(kept).toContain('kakunin-manual.sqlite');
    expect(kept).toHaveLength(1 + 7 + 4);
    // Two backups on the same Tokyo day (03:00 and 04:00 on 05-11): the later one is that day's.
    expect(doomed).toContain(at('2026-05-10T18:00:00.000Z'));
    expect(kept).toContain(at('2026-05-10T19:00:00.000Z'));
    expect(existsSync('kakunin-manual.sqlite')).toBe(false);
  });
});
