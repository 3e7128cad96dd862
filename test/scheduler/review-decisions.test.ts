// A lead's 承認 or 差し戻し changes what the app will remind about, in the decision's own transaction —
// not later, when a reminder happens to fall due. さくら内科 submitted last year's checklist (3/10, one item
// planned for 5/20); the 令和9年度 cycle opened 4/1; Sato submits this year's on 4/12 with 物理的 5 planned
// for 5/20 and 外部 6 for 6/30 (last year's planned item is 実施済 now).
import { describe, expect, it } from 'vitest';
import { startWorld, type World } from './helpers/world.ts';

const JST = (local: string) => new Date(`${local}+09:00`);

interface Row {
  assessment: string | null;
  item: string | null;
  step: string;
  key: string;
  dueDate: string;
  dueAt: string;
  state: string;
  outcome: string | null;
}

const rows = (world: World, where: string, ...params: string[]): Row[] =>
  world.store.db
    .prepare(
      `SELECT assessment_id AS assessment, item_id AS item, step, reminder_key AS key, due_date AS dueDate, due_at AS dueAt, state, outcome
       FROM reminders WHERE ${where} ORDER BY due_date, item_id, step`,
    )
    .all(...params) as Row[];
const planOf = (world: World, assessmentId: string) => rows(world, "kind = 'plan' AND assessment_id = ?", assessmentId);
const pending = (r: Row[]) => r.filter((x) => x.state === 'pending').map((x) => `${x.item}@${x.dueDate}`);
const notSubmitted = (world: World) => rows(world, "kind = 'cycle' AND step = 'not_submitted' AND cycle_key = 'fy2027'");

async function thisYearSubmitted() {
  const world = await startWorld('2027-03-10T10:00:00+09:00');
  const lastYear = world.submitChecklist('U0SATO', 'さくら内科', { 'technical.15': '2027-05-20' });
  world.setNow(JST('2027-04-01T09:00'));
  await world.tick(); // the 令和9年度 prompt
  world.setNow(JST('2027-04-12T10:00'));
  const thisYear = world.submitChecklist('U0SATO', 'さくら内科', { 'physical.5': '2027-05-20', 'external.6': '2027-06-30' });
  const lead = world.who('U0LEAD');
  return { world, lastYear, thisYear, lead };
}

describe('承認 and 差し戻し keep the reminders in step, in the same transaction', () => {
  it('提出 of this year’s checklist ends the follow-up of last year’s (its items were answered again)', async () => {
    const { world, lastYear } = await thisYearSubmitted();
    expect(pending(planOf(world, lastYear))).toEqual([]);
    expect(planOf(world, lastYear).every((r) => r.state !== 'pending' && (r.outcome === 'superseded' || r.state === 'sent'))).toBe(true);
  });

  it('承認 → the follow-ups of the open 実施予定 items stay as they are', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    const before = pending(planOf(world, thisYear));
    expect(before).toContain('physical.5@2027-05-13');
    world.setNow(JST('2027-04-13T10:00'));
    world.leads.review.approve(lead, thisYear);
    expect(pending(planOf(world, thisYear))).toEqual(before);
  });

  it('差し戻し → no longer submitted, so its 実施予定 follow-ups stop at once', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    world.setNow(JST('2027-04-13T10:00'));
    world.leads.review.returnForRevision(lead, thisYear, { comment: '物理的5の時期を見直してください。', flags: [{ itemId: 'physical.5', comment: '' }] });
    expect(pending(planOf(world, thisYear))).toEqual([]);
    expect(new Set(planOf(world, thisYear).filter((r) => r.state === 'cancelled').map((r) => r.outcome))).toEqual(new Set(['returned']));
  });

  it('a refused 差し戻し (no comment) changes no reminder', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    const before = planOf(world, thisYear);
    expect(() => world.leads.review.returnForRevision(lead, thisYear, { comment: ' ', flags: [] })).toThrow();
    expect(planOf(world, thisYear)).toEqual(before);
  });

  it('差し戻し → the cycle is due again: its 未提出 reminder comes 7 days later (4/20)', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    // 提出 on 4/12 satisfied the cycle: its 未提出 reminder of 4/22 was called off.
    expect(notSubmitted(world).filter((r) => r.state === 'pending')).toEqual([]);
    world.setNow(JST('2027-04-13T10:00'));
    world.leads.review.returnForRevision(lead, thisYear, { comment: '見直してください。', flags: [] });
    expect(notSubmitted(world).filter((r) => r.state === 'pending').map((r) => [r.dueDate, r.dueAt])).toEqual([['2027-04-20', JST('2027-04-20T09:00').toISOString()]]);
  });

  it('差し戻し after the 未提出 day: it comes 7 days later on the next business day (5/6, after ゴールデンウィーク)', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    world.setNow(JST('2027-04-22T09:00'));
    await world.tick();
    world.setNow(JST('2027-04-26T10:00'));
    world.leads.review.returnForRevision(lead, thisYear, { comment: '見直してください。', flags: [] });
    const rearmed = notSubmitted(world).filter((r) => r.state === 'pending');
    expect(rearmed.map((r) => [r.dueDate, r.dueAt])).toEqual([['2027-05-03', JST('2027-05-06T09:00').toISOString()]]);
    expect(rearmed[0]!.key).toContain('returned-2027-04-26');
  });

  it('再提出 → the follow-ups are recomputed from the revised answers (a moved date, an unchanged one)', async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    world.setNow(JST('2027-04-13T10:00'));
    world.leads.review.returnForRevision(lead, thisYear, { comment: '物理的5の時期を見直してください。', flags: [{ itemId: 'physical.5', comment: '' }] });
    world.setNow(JST('2027-04-14T10:00'));
    const sato = world.who('U0SATO');
    world.service.interact(sato, thisYear, { type: 'ANSWER', itemId: 'physical.5', answer: { kind: 'planned', date: '2027-06-10' } });
    expect(world.service.interact(sato, thisYear, { type: 'SUBMIT' }).assessment.status).toBe('submitted');
    const now = pending(planOf(world, thisYear));
    expect(now.filter((x) => x.startsWith('physical.5'))).toEqual([
      'physical.5@2027-05-11',
      'physical.5@2027-06-03',
      'physical.5@2027-06-10',
      'physical.5@2027-06-17',
      'physical.5@2027-06-24',
      'physical.5@2027-07-01',
      'physical.5@2027-07-08',
    ]);
    // 外部 6 kept its 実施時期: the same reminders are due again.
    expect(now.filter((x) => x.startsWith('external.6'))).toEqual([
      'external.6@2027-05-31',
      'external.6@2027-06-23',
      'external.6@2027-06-30',
      'external.6@2027-07-07',
      'external.6@2027-07-14',
      'external.6@2027-07-21',
      'external.6@2027-07-28',
    ]);
    expect(notSubmitted(world).filter((r) => r.state === 'pending')).toEqual([]);
  });
});

describe('simulated days around a 差し戻し', () => {
  it('no stale DM goes out while the checklist is sent back; the 未提出 reminder comes once; after 再提出 the follow-ups resume', { timeout: 60_000 }, async () => {
    const { world, thisYear, lead } = await thisYearSubmitted();
    const sato = world.who('U0SATO');
    const decisions: Record<string, () => void> = {
      '2027-04-26': () => world.leads.review.returnForRevision(lead, thisYear, { comment: '見直してください。', flags: [] }),
      '2027-05-10': () => void world.service.interact(sato, thisYear, { type: 'SUBMIT' }),
    };
    for (let day = new Date(JST('2027-04-13T09:00')); day < JST('2027-06-01T00:00'); day = new Date(day.getTime() + 24 * 3600_000)) {
      world.setNow(day);
      await world.tick();
      const local = day.toISOString().slice(0, 10);
      if (decisions[local]) {
        world.setNow(new Date(day.getTime() + 3600_000));
        decisions[local]();
      }
    }
    const dms = world.dms('U0SATO').filter((d) => d.day >= '2027-04-13');
    const said = dms.map((d) => {
      const blocks = JSON.stringify(d.blocks);
      return [d.day, blocks.includes('物理的安全管理対策 5') && '物理的5', blocks.includes('外部と個人情報') && '外部6', blocks.includes('まだ提出されていません') && '未提出']
        .filter(Boolean)
        .join(' ');
    });
    expect(said).toEqual([
      '2027-04-20 物理的5', // 30 days before 5/20
      '2027-05-06 未提出', // 7 days after the 差し戻し of 4/26, after ゴールデンウィーク; nothing about any 実施予定 in between
      '2027-05-13 物理的5', // resubmitted on 5/10: 7 days before
      '2027-05-20 物理的5', // the day
      '2027-05-27 物理的5', // a week after
      '2027-05-31 外部6', // 30 days before 6/30
    ]);
    // Last year's item (技術的 15, planned for 5/20 then) is never mentioned again.
    expect(dms.some((d) => JSON.stringify(d.blocks).includes('技術的安全管理対策 15'))).toBe(false);
  });
});
