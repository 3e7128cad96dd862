// A lead sets how often a facility re-assesses, with /kakunin schedule; the facility's pending cycle
// prompts are recomputed in the same transaction. A manager may only look.
import { describe, expect, it } from 'vitest';
import type { FakeEphemeral } from '../slack/fake-slack-api.ts';
import { startWorld } from './helpers/world.ts';

/** Two clinics that submitted on 2027-02-01, their lead, and each facility's pending cycle prompts. */
async function twoClinicsSubmitted() {
  const world = await startWorld('2027-02-01T10:00:00+09:00', { slack: true });
  world.submitChecklist('U0SATO', 'さくら内科', {});
  world.submitChecklist('U0SUZUKI', '桜台クリニック', {});
  const cycles = (facility: string) =>
    world.store.db
      .prepare("SELECT DISTINCT cycle_key FROM reminders WHERE kind = 'cycle' AND state = 'pending' AND facility_id = ?")
      .pluck()
      .all(world.facility(facility));
  return { world, lead: world.user('U0LEAD'), cycles };
}

describe('/kakunin schedule', () => {
  it('a lead lists the cadences and changes one facility to every 6 months', async () => {
    const { world, lead, cycles } = await twoClinicsSubmitted();
    expect(cycles('さくら内科')).toEqual(['fy2027']);

    const list = JSON.parse((await lead.command('schedule')).body) as { text: string };
    expect(list.text).toContain('さくら内科 — 医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト: 年度ごと（4月1日から）');
    expect(list.text).toContain('桜台クリニック');

    const set = JSON.parse((await lead.command('schedule 6か月 さくら内科')).body) as { text: string };
    expect(set.text).toContain('さくら内科の「');
    expect(set.text).toContain('前回の提出から6か月ごと');
    // Submitted on 2027-02-01: the next cycle opens on 8/1; the 年度 prompts are gone. The other clinic keeps 年度.
    expect(cycles('さくら内科')).toEqual(['m2027-08-01']);
    expect(cycles('桜台クリニック')).toEqual(['fy2027']);

    const unknown = JSON.parse((await lead.command('schedule weekly')).body) as { text: string };
    expect(unknown.text).toContain('「weekly」はスケジュールとして読めません');

    const manager = JSON.parse((await world.user('U0SATO').command('schedule なし')).body) as { text: string };
    expect(manager.text).toContain('責任者だけ');
    expect(cycles('さくら内科')).toEqual(['m2027-08-01']);

    await lead.command('schedule なし');
    expect(cycles('さくら内科')).toEqual([]);
    expect(cycles('桜台クリニック')).toEqual([]);
  });

  it('from the App Home: 点検の周期… opens a modal; the lead picks a facility and 6か月, and gets the confirmation', async () => {
    const { world, lead, cycles } = await twoClinicsSubmitted();
    await lead.openHome();
    await lead.click('点検の周期…', 'home');
    const modal = world.fake.openedViews.at(-1)!.view;
    expect(modal).toMatchObject({ callback_id: 'kakunin.cadence.modal' });
    expect(JSON.stringify(modal.blocks)).toContain('さくら内科（年度ごと（4月1日から））');
    const r = await lead.submitModal({
      facility: { selected_option: { value: world.facility('さくら内科') } },
      cadence: { selected_option: { value: '6か月' } },
    });
    expect(r.body).toBe('');
    expect(cycles('さくら内科')).toEqual(['m2027-08-01']);
    expect(cycles('桜台クリニック')).toEqual(['fy2027']);
    expect(JSON.stringify(lead.dm().at(-1)!.blocks)).toContain('前回の提出から6か月ごと');

    // A manager's Home has no such control (setting a cadence is refused to managers by the service too).
    const sato = world.user('U0SATO');
    await sato.openHome();
    expect(JSON.stringify(sato.homeBlocks())).not.toContain('点検の周期');
  });

  it('lists the stopped reminders for the lead at any time, with 再開する', async () => {
    const world = await startWorld('2027-03-10T10:00:00+09:00', { slack: true });
    world.submitChecklist('U0SATO', 'さくら内科', {});
    world.setNow(new Date('2027-04-01T09:00:00+09:00'));
    await world.tick();
    world.scheduler.service.stopCycle(world.who('U0SATO'), { facilityId: world.facility('さくら内科'), flowId: 'mhlw-minimum-5.2', cycleKey: 'fy2027' });
    world.setNow(new Date('2027-04-02T10:00:00+09:00')); // a Friday: no weekly digest today
    const lead = world.user('U0LEAD');
    const reply = JSON.parse((await lead.command('schedule')).body) as { text: string; blocks: FakeEphemeral['blocks'] };
    expect(JSON.stringify(reply.blocks)).toContain('さくら内科 — リマインド停止中: 令和9年度の自己点検の案内');
    await lead.click(/^再開する/, { channel: 'D0LEAD', user: 'U0LEAD', text: reply.text, blocks: reply.blocks, ts: '1.000001' });
    expect(lead.lastEphemeral()?.text).toContain('再開しました');
    expect(world.store.db.prepare('SELECT count(*) FROM reminder_cycle_stops').pluck().get()).toBe(0);
    // A manager is not shown the list (only leads see what is stopped across facilities).
    const manager = JSON.parse((await world.user('U0SATO').command('schedule')).body) as { text: string };
    expect(manager.text).toContain('責任者だけ');
  });
});
