// A database written before the scheduler existed: on the first tick after the upgrade, its submitted
// checklist's 実施予定 items get their reminders (none sent late), and the first one arrives on its day.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/app/bootstrap.ts';
import type { Digest } from '../../src/scheduler/digest.ts';
import type { ReminderSender } from '../../src/scheduler/sender.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'db');

describe('the scheduler after an upgrade', () => {
  const tempDir = useTempDir();

  it('release 0.1.0: the submitted checklist’s planned items are followed from the first tick', async () => {
    expect(readdirSync(fixturesDir)).toContain('release-0.1.0.sqlite');
    const file = join(tempDir(), 'kakunin.sqlite');
    copyFileSync(join(fixturesDir, 'release-0.1.0.sqlite'), file);
    let now = new Date('2027-03-01T00:30:00+09:00');
    const app = bootstrap({ KAKUNIN_DB: file }, () => now);
    const sent: Digest[] = [];
    const sender: ReminderSender = {
      canReach: () => true,
      send: (digest) => {
        sent.push(digest);
        return Promise.resolve({ channelId: 'console', ts: String(sent.length) });
      },
      findDelivered: () => Promise.resolve(undefined),
    };
    const runner = app.scheduler.runner(sender);
    await runner.tick(now); // the night before: the backfill runs, nothing is sent outside the window
    expect(sent).toEqual([]);
    now = new Date('2027-03-01T09:00:00+09:00');
    await runner.tick(now);
    const withItems = sent.filter((d) => d.items.length);
    expect(withItems.map((d) => d.items.map((i) => [i.itemId, i.plannedDate]))).toEqual([[['organizational.3', '2027-03-31']]]);
    // 0.1.0 stored everyone as a lead, and 3/1 is a Monday: the others got the leads' weekly digest.
    for (const d of sent.filter((x) => !x.items.length)) expect(d.leads?.length).toBeGreaterThan(0);
    const steps = app.store.db
      .prepare("SELECT item_id AS item, step FROM reminders WHERE kind = 'plan' ORDER BY item_id, due_date")
      .all() as { item: string; step: string }[];
    // organizational.3 (3/31): from 30 days before; technical.5 (6/30): all of them.
    expect(steps.filter((s) => s.item === 'organizational.3').map((s) => s.step)).toEqual(['before:30', 'before:7', 'before:0', 'after:1', 'after:2', 'after:3', 'after:4']);
    expect(steps.filter((s) => s.item === 'technical.5')).toHaveLength(7);
    app.store.close();
  });
});
