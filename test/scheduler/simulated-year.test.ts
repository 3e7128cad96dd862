// A year of two clinics as the scheduler sees it, on a simulated clock ticking every hour: the
// app restarts every Monday and is killed in the middle of a tick twice; people mark items done early,
// move one, ignore others. Every reminder DM arrives once, on the right business day, in one DM per
// person per day, and never after 実施済.
import { describe, expect, it } from 'vitest';
import { firstBusinessDayOfWeek, isBusinessDay } from '../../src/scheduler/business-calendar.ts';
import { addDays } from '../../src/scheduler/iso-days.ts';
import { startWorld, type World } from './helpers/world.ts';

const JST = (local: string) => new Date(`${local}+09:00`);
const HOUR = 60 * 60_000;

describe('a simulated year of reminders for two clinics', () => {
  it('sends every expected DM exactly once on the right business day', { timeout: 120_000 }, async () => {
    const world = await startWorld('2027-02-01T00:00:00+09:00');
    const ids: Record<string, string> = {};
    const events: Record<string, (w: World) => void> = {
      '2027-02-01T10:00': (w) => {
        ids.sakura = w.submitChecklist('U0SATO', 'さくら内科', {
          'technical.15': '2027-07-16', // ignored: a Friday before 海の日
          'external.6': '2027-06-30', // done early
          'physical.5': '2027-05-31', // moved, then done
        });
        ids.sakuradai = w.submitChecklist('U0SUZUKI', '桜台クリニック', {
          'external.7': '2027-09-20', // 敬老の日: its own-day reminder waits for Tuesday
          'maintenance.5': '2027-09-20',
        });
      },
      '2027-04-05T10:00': (w) =>
        void w.service.start({ organizationId: w.orgId, facilityId: w.facility('さくら内科'), respondentId: w.personId('U0SATO'), flowId: 'mhlw-minimum-5.2' }),
      '2027-05-10T10:00': (w) =>
        void w.scheduler.service.move(w.who('U0SATO'), { assessmentId: ids.sakura!, itemId: 'physical.5', newDate: '2027-08-31', reason: '業者の納期' }),
      '2027-06-01T10:00': (w) => void w.scheduler.service.markDone(w.who('U0SATO'), { assessmentId: ids.sakura!, itemId: 'external.6' }),
      '2027-09-01T10:00': (w) => void w.scheduler.service.markDone(w.who('U0SATO'), { assessmentId: ids.sakura!, itemId: 'physical.5' }),
      '2027-09-28T10:00': (w) => void w.scheduler.service.markDone(w.who('U0SUZUKI'), { assessmentId: ids.sakuradai!, itemId: 'external.7' }),
    };
    const kills: Record<string, 'before' | 'after'> = { '2027-06-16T09:00': 'after', '2027-09-13T09:00': 'before' };

    const end = JST('2028-02-01T00:00:00').getTime();
    for (let t = world.now().getTime(); t < end; t += HOUR) {
      world.setNow(new Date(t));
      const local = new Date(t + 9 * 3_600_000).toISOString().slice(0, 16);
      if (local.endsWith('T00:00') && new Date(t + 9 * 3_600_000).getUTCDay() === 1) world.restart();
      events[local]?.(world);
      const kill = kills[local];
      if (kill) world.killDuringNextSend(kill);
      await world.tick();
      if (kill) world.restart();
    }

    const days = (user: string) => world.dms(user).map((d) => d.day);
    expect(days('U0SATO')).toEqual([
      '2027-04-01', // 令和9年度の自己点検の時期です
      '2027-04-22', // started on 4/5, not submitted after 21 days
      '2027-05-06', // physical.5 30 days before 5/31: 5/1 is a Saturday, then Golden Week
      '2027-05-31', // external.6 30 days before 6/30
      '2027-06-16', // technical.15 30 days before (killed after sending: still once)
      '2027-07-09',
      '2027-07-16', // its day, the Friday before 海の日
      '2027-07-23',
      '2027-07-30',
      '2027-08-02', // physical.5 moved to 8/31: 30 days before is Sunday 8/1
      '2027-08-06',
      '2027-08-13', // technical.15's fourth weekly reminder: the last one
      '2027-08-24',
      '2027-08-31', // physical.5's day; done on 9/1, so nothing after
    ]);
    expect(days('U0SUZUKI')).toEqual([
      '2027-04-01',
      '2027-04-08', // not started after 7 days
      '2027-04-22', // not submitted after 21 days
      '2027-08-23', // 30 days before 9/20 is Saturday 8/21
      '2027-09-13', // killed before sending: sent on the next tick, the same morning
      '2027-09-21', // the day itself is 敬老の日
      '2027-09-27',
      '2027-10-04',
      '2027-10-12', // 10/11 is スポーツの日
      '2027-10-18',
    ]);

    // Each killed tick was recovered by looking in the DM's history: found once (sent before the
    // crash), not found once (sent then); no DM is left claimed.
    expect(world.fake.callsTo('conversations.history')).toHaveLength(2);
    expect(world.store.db.prepare("SELECT count(*) FROM reminder_deliveries WHERE state = 'claimed'").pluck().get()).toBe(0);
    expect(world.store.db.prepare("SELECT count(*) FROM reminders WHERE state IN ('pending', 'claimed') AND due_at < ?").pluck().get(world.now().toISOString())).toBe(0);

    const all = world.dms();
    // Exactly once: one DM per person per day, and never two with one key.
    expect(new Set(all.map((d) => `${d.user}:${d.day}`)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.key)).size).toBe(all.length);
    // Never on 土日祝 or 年末年始, always inside 9:00–18:00.
    for (const dm of all) {
      expect(isBusinessDay(dm.day), dm.day).toBe(true);
      const hour = (dm.at.getUTCHours() + 9) % 24;
      expect(hour >= 9 && hour < 18, dm.at.toISOString()).toBe(true);
    }

    const suzuki = world.dms('U0SUZUKI');
    const textOf = (dm: (typeof all)[number]) => JSON.stringify(dm.blocks);
    // Two items due the same day make one DM with two lines; after 実施済 only the other remains.
    expect(textOf(suzuki[3]!)).toContain('実施予定の項目（2件）');
    expect(textOf(suzuki[6]!)).toContain('実施予定の項目（2件）');
    expect(textOf(suzuki[7]!)).toContain('実施予定の項目（1件）');
    expect(textOf(suzuki[0]!)).toContain('令和9年度の自己点検の時期です');
    expect(textOf(suzuki[1]!)).toContain('まだ始まっていません');
    expect(textOf(suzuki[2]!)).toContain('まだ提出されていません');
    const sato = world.dms('U0SATO');
    expect(textOf(sato[0]!)).toContain('kakunin.remind.cycleStart');
    // Done early: external.6 is in the 5/31 DM and never again.
    const external6 = sato.filter((d) => textOf(d).includes('external.6'));
    expect(external6.map((d) => d.day)).toEqual(['2027-05-31']);

    // The leads' digest: the first business day of each week from the week a cycle was first overdue.
    const lead = world.dms('U0LEAD');
    const expectedLeadDays: string[] = [];
    for (let monday = '2027-04-12'; monday < '2028-02-01'; monday = addDays(monday, 7)) {
      const day = firstBusinessDayOfWeek(monday);
      if (day) expectedLeadDays.push(day);
    }
    expect(lead.map((d) => d.day)).toEqual(expectedLeadDays);
    expect(expectedLeadDays).toContain('2027-05-06'); // Golden Week: Thursday
    expect(expectedLeadDays).toContain('2027-07-20'); // after 海の日
    expect(expectedLeadDays).toContain('2028-01-04'); // after 年末年始
    // At 9:00, except the Monday the process was killed at 9:00: the recovered DM went out at the next tick.
    for (const dm of lead) expect((dm.at.getUTCHours() + 9) % 24, dm.day).toBe(dm.day === '2027-09-13' ? 10 : 9);
    const leadOn = (day: string) => textOf(lead.find((d) => d.day === day)!);
    expect(leadOn('2027-04-12')).toContain('未着手');
    expect(leadOn('2027-04-26')).toContain('未提出');
    expect(leadOn('2027-08-16')).toMatch(/期限超過 1件/);
    expect(leadOn('2027-08-23')).toMatch(/30日以内 2件/);
  });
});
