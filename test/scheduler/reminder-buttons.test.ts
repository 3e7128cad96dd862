// Sato answers her reminder DM in Slack: marks one item done, another done on an earlier day, moves a
// third with a reason, looks at its details, and stops the reminders; the lead sees the stop in the
// weekly digest and resumes them. Every click goes through the real Bolt app over signed HTTP.
import { describe, expect, it } from 'vitest';
import type { FakeMessage } from '../slack/fake-slack-api.ts';
import { startWorld, type World } from './helpers/world.ts';

const JST = (local: string) => new Date(`${local}+09:00`);
const text = (m: FakeMessage) => JSON.stringify(m.blocks);

async function satoWithThreeItems(): Promise<{ world: World; assessmentId: string }> {
  const world = await startWorld('2027-06-01T08:00:00+09:00', { slack: true });
  const assessmentId = world.submitChecklist('U0SATO', 'さくら内科', {
    'technical.15': '2027-06-08', // 7 days before: today
    'physical.5': '2027-06-08',
    'external.6': '2027-07-01', // 30 days before: today
  });
  world.setNow(JST('2027-06-01T09:00'));
  await world.tick();
  return { world, assessmentId };
}

describe('the buttons of a reminder DM', () => {
  it('実施済にした, an earlier day, 時期を変更 and 詳細 each change the item once and turn its line into a record', async () => {
    const { world, assessmentId } = await satoWithThreeItems();
    const sato = world.user('U0SATO');
    const [dm] = sato.dm();
    expect(sato.dm()).toHaveLength(1);
    expect(text(dm!)).toContain('実施予定の項目（3件）');
    world.setNow(JST('2027-06-01T10:15'));

    // 実施済にした on the first line (技術的安全対策 15, due 6/8): done today.
    await sato.click('実施済にした', dm);
    let answers = world.store.answers.current(assessmentId);
    expect(answers['technical.15']).toEqual({ kind: 'done', on: '2027-06-01' });
    const updated = sato.message(dm!.ts);
    expect(text(updated)).toContain('実施済（2027年6月1日）');
    expect(updated.blocks.filter((b) => b.type === 'actions' && String(b.block_id).startsWith('ra:'))).toHaveLength(2);
    // A double click (Slack retrying the same request) changes nothing and complains about nothing.
    await sato.sendPayload(sato.lastPayload);
    expect(world.store.answers.history(assessmentId, 'technical.15')).toHaveLength(2); // answered planned, then done
    expect(world.fake.ephemerals('U0SATO')).toHaveLength(0);

    // The earlier-day picker: a future day is refused, a past one recorded.
    await sato.pickDate('2027-06-05', sato.message(dm!.ts));
    expect(sato.lastEphemeral()?.text).toContain('未来の日付');
    expect(world.store.answers.current(assessmentId)['physical.5']).toEqual({ kind: 'planned', date: '2027-06-08' });
    await sato.pickDate('2027-05-20', sato.message(dm!.ts));
    expect(world.store.answers.current(assessmentId)['physical.5']).toEqual({ kind: 'done', on: '2027-05-20' });
    expect(text(sato.message(dm!.ts))).toContain('実施済（2027年5月20日）');

    // 時期を変更: refused in the past, more than three years ahead, or without a reason; then moved.
    await sato.click('時期を変更', sato.message(dm!.ts));
    const modal = world.fake.openedViews.at(-1)!.view;
    expect(JSON.stringify(modal.blocks)).toContain('"initial_date":"2027-07-01"');
    const submit = (date: string, reason: string) =>
      sato.submitModal({ 'move.date': { selected_date: date }, 'move.reason': { value: reason } });
    expect(JSON.parse((await submit('2027-05-31', '業者の納期')).body)).toMatchObject({ response_action: 'errors', errors: { 'move.date': expect.stringContaining('過去') } });
    expect(JSON.parse((await submit('2030-06-02', '業者の納期')).body)).toMatchObject({ errors: { 'move.date': expect.stringContaining('3年') } });
    expect(JSON.parse((await submit('2027-09-30', '  ')).body)).toMatchObject({ errors: { 'move.reason': expect.stringContaining('理由') } });
    expect(world.store.answers.current(assessmentId)['external.6']).toEqual({ kind: 'planned', date: '2027-07-01' });
    expect((await submit('2027-09-30', '業者の納期')).body).toBe('');
    answers = world.store.answers.current(assessmentId);
    expect(answers['external.6']).toEqual({ kind: 'planned', date: '2027-09-30' });
    const record = text(sato.message(dm!.ts));
    expect(record).toContain('2027年7月1日 → 2027年9月30日（理由: 業者の納期）');
    expect(sato.message(dm!.ts).blocks.some((b) => b.type === 'actions' && String(b.block_id).startsWith('ra:'))).toBe(false);

    // Each click is one of the lifecycle's follow-up events, with who and through which channel.
    expect(
      world.store.lifecycleEvents
        .list(assessmentId)
        .filter((e) => e.kind.startsWith('followup'))
        .map((e) => [e.kind, e.itemId, e.channel, e.personId === world.personId('U0SATO')]),
    ).toEqual([
      ['followup.done', 'technical.15', 'slack', true],
      ['followup.done', 'physical.5', 'slack', true],
      ['followup.reschedule', 'external.6', 'slack', true],
    ]);

    // The reminders follow: the old date's are cancelled, the new date's scheduled.
    const pending = world.store.db
      .prepare("SELECT item_id AS item, target_date AS target, step FROM reminders WHERE state = 'pending' AND kind = 'plan' ORDER BY due_date")
      .all();
    expect(pending).toEqual([
      { item: 'external.6', target: '2027-09-30', step: 'before:30' },
      { item: 'external.6', target: '2027-09-30', step: 'before:7' },
      { item: 'external.6', target: '2027-09-30', step: 'before:0' },
      { item: 'external.6', target: '2027-09-30', step: 'after:1' },
      { item: 'external.6', target: '2027-09-30', step: 'after:2' },
      { item: 'external.6', target: '2027-09-30', step: 'after:3' },
      { item: 'external.6', target: '2027-09-30', step: 'after:4' },
    ]);

    // 詳細 (from the DM as it first arrived): the item and its story, only to Sato.
    await sato.click('詳細', { message: sato.message(dm!.ts), version: 0 });
    const details = JSON.stringify(sato.lastEphemeral()!.blocks);
    expect(details).toContain('技術的安全管理対策 15');
    expect(details).toContain('履歴');
    expect(details).toMatch(/実施予定（2027年6月8日） → 実施済/);
    expect(world.fake.invalidBlocks).toEqual([]);
  });

  it('始める in the new 年度’s prompt starts the re-assessment that carries last year’s answers over', async () => {
    const world = await startWorld('2027-03-10T10:00:00+09:00', { slack: true });
    const lastYear = world.submitChecklist('U0SATO', 'さくら内科', { 'technical.15': '2027-09-30' });
    world.setNow(JST('2027-04-01T09:00'));
    await world.tick();
    const sato = world.user('U0SATO');
    const prompt = sato.dm().find((m) => text(m).includes('令和9年度の自己点検の時期です'))!;
    expect(prompt).toBeDefined();
    world.setNow(JST('2027-04-01T09:30'));
    await sato.click('始める', prompt);
    const started = world.store.assessments.listForFacility(world.orgId, world.facility('さくら内科')).find((a) => a.id !== lastYear)!;
    expect(started).toBeDefined();
    expect(world.store.reassessments.of(started.id)).toMatchObject({ previousAssessmentId: lastYear, startMode: 'carried' });
    // The reminder DM stays as it was; the conversation goes on in new messages.
    expect(text(sato.message(prompt.ts))).toContain('令和9年度の自己点検の時期です');
  });

  it('only the respondent or a lead may act: another manager clicking a forwarded DM changes nothing', async () => {
    const { world, assessmentId } = await satoWithThreeItems();
    const [dm] = world.user('U0SATO').dm();
    const suzuki = world.user('U0SUZUKI');
    await suzuki.click('実施済にした', dm);
    expect(suzuki.lastEphemeral()?.text).toContain('回答者か責任者だけ');
    expect(world.store.answers.current(assessmentId)['technical.15']).toEqual({ kind: 'planned', date: '2027-06-08' });
    // A lead may.
    const lead = world.user('U0LEAD');
    await lead.click('実施済にした', dm);
    expect(world.store.answers.current(assessmentId)['technical.15']).toEqual({ kind: 'done', on: '2027-06-01' });
  });

  it('今後このリマインドを止める: nothing more for that assessment until a lead resumes it from the weekly digest', async () => {
    const { world, assessmentId } = await satoWithThreeItems();
    const sato = world.user('U0SATO');
    const [dm] = sato.dm();
    await sato.click('今後このリマインドを止める', dm);
    expect(world.store.db.prepare('SELECT count(*) FROM reminder_stops WHERE assessment_id = ?').pluck().get(assessmentId)).toBe(1);
    expect(text(sato.message(dm!.ts))).toContain('リマインド停止中');

    // 6/7 is 7 days before 6/8... skipped. The lead's Monday digest shows the stop.
    world.setNow(JST('2027-06-07T09:00'));
    await world.tick();
    expect(sato.dm()).toHaveLength(1);
    const lead = world.user('U0LEAD');
    const digest = lead.dm().at(-1)!;
    expect(text(digest)).toContain('リマインド停止中');
    await lead.click(/^再開する/, digest);
    expect(world.store.db.prepare('SELECT count(*) FROM reminder_stops').pluck().get()).toBe(0);
    expect(lead.lastEphemeral()?.text).toContain('再開しました');

    // Resumed: the item's own day brings a DM again.
    world.setNow(JST('2027-06-08T09:00'));
    await world.tick();
    expect(sato.dm()).toHaveLength(2);
    expect(text(sato.dm()[1]!)).toContain('実施予定の項目（2件）');
  });
});

describe('今後このリマインドを止める on the new 年度’s prompts', () => {
  it('from the 時期です prompt it stops that cycle’s follow-ups; the lead sees it in the weekly digest, resumes it, and the 未提出 reminder comes with its own stop', async () => {
    const world = await startWorld('2027-03-10T10:00:00+09:00', { slack: true });
    world.submitChecklist('U0SATO', 'さくら内科', {});
    world.setNow(JST('2027-04-01T09:00'));
    await world.tick();
    const sato = world.user('U0SATO');
    const prompt = sato.dm().find((m) => text(m).includes('令和9年度の自己点検の時期です'))!;
    await sato.click('今後このリマインドを止める', prompt);
    expect(world.store.db.prepare('SELECT cycle_key FROM reminder_cycle_stops').pluck().all()).toEqual(['fy2027']);
    expect(text(sato.message(prompt.ts))).toContain('停止中');
    expect(text(sato.message(prompt.ts))).not.toContain('今後このリマインドを止める');

    // Monday 4/5: the lead sees the stop; Thursday 4/8 (not started after 7 days) brings Sato nothing.
    world.setNow(JST('2027-04-05T09:00'));
    await world.tick();
    const lead = world.user('U0LEAD');
    expect(text(lead.dm().at(-1)!)).toContain('リマインド停止中: 令和9年度の自己点検の案内');
    world.setNow(JST('2027-04-08T09:00'));
    await world.tick();
    expect(sato.dm()).toHaveLength(1);

    // Monday 4/12: the lead resumes it.
    world.setNow(JST('2027-04-12T09:00'));
    await world.tick();
    await lead.click(/^再開する/, lead.dm().at(-1)!);
    expect(lead.lastEphemeral()?.text).toContain('再開しました');
    expect(world.store.db.prepare('SELECT count(*) FROM reminder_cycle_stops').pluck().get()).toBe(0);

    // 4/22 (not submitted after 21 days): the reminder comes, and it can be stopped too.
    world.setNow(JST('2027-04-22T09:00'));
    await world.tick();
    expect(sato.dm()).toHaveLength(2);
    const notSubmitted = sato.dm()[1]!;
    expect(text(notSubmitted)).toContain('令和9年度の自己点検がまだ提出されていません');
    await sato.click('今後このリマインドを止める', notSubmitted);
    expect(world.store.db.prepare('SELECT stopped_by FROM reminder_cycle_stops').pluck().all()).toEqual([world.personId('U0SATO')]);
    expect(text(sato.message(notSubmitted.ts))).toContain('停止中');
    expect(world.fake.invalidBlocks).toEqual([]);
  });

  it('once that 年度 is submitted, its stop is no longer news in the leads’ summary', async () => {
    const world = await startWorld('2027-03-10T10:00:00+09:00');
    world.submitChecklist('U0SATO', 'さくら内科', {});
    world.setNow(JST('2027-04-01T09:00'));
    await world.tick();
    const ref = { facilityId: world.facility('さくら内科'), flowId: 'mhlw-minimum-5.2', cycleKey: 'fy2027' };
    world.scheduler.service.stopCycle(world.who('U0SATO'), ref);
    const stopped = () => world.scheduler.digests.leadsSummary(world.orgId, 'ja', world.now()).flatMap((f) => f.stoppedCycles.map((c) => c.cycleKey));
    expect(stopped()).toEqual(['fy2027']);
    world.setNow(JST('2027-04-15T10:00'));
    world.submitChecklist('U0SATO', 'さくら内科', {});
    expect(stopped()).toEqual([]);
  });

  it('another facility’s manager cannot stop a cycle’s prompts', async () => {
    const world = await startWorld('2027-03-10T10:00:00+09:00', { slack: true });
    world.submitChecklist('U0SATO', 'さくら内科', {});
    world.submitChecklist('U0SUZUKI', 'みどり歯科', {});
    world.setNow(JST('2027-04-01T09:00'));
    await world.tick();
    const prompt = world.user('U0SATO').dm().find((m) => text(m).includes('令和9年度の自己点検の時期です'))!;
    const suzuki = world.user('U0SUZUKI');
    await suzuki.click('今後このリマインドを止める', prompt);
    expect(suzuki.lastEphemeral()?.text).toContain('この拠点の担当者か責任者だけ');
    expect(world.store.db.prepare('SELECT count(*) FROM reminder_cycle_stops').pluck().get()).toBe(0);
  });
});
