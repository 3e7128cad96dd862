// Exactly once as the person sees it, when Slack or the process misbehaves: rate limits, server
// errors (before or after the message was posted), two app processes on one database, and an app
// that was down for days.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Answers } from '../../src/flow/answer.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createReminderClient, slackReminderSender } from '../../src/slack/reminder-sender.ts';
import { createStore } from '../../src/store/store.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { BOT_TOKEN } from '../slack/harness.ts';
import { startWorld } from './helpers/world.ts';

const JST = (local: string) => new Date(`${local}+09:00`);

/** Sato submits on Tuesday 2027-06-01 with one item planned a week later: its 7-days-before reminder is due today. */
async function dueToday() {
  const world = await startWorld('2027-06-01T08:00:00+09:00');
  const assessmentId = world.submitChecklist('U0SATO', 'さくら内科', { 'technical.15': '2027-06-08' });
  world.setNow(JST('2027-06-01T09:00'));
  return { world, assessmentId };
}

describe('delivering reminders exactly once', () => {
  it('a 429 from chat.postMessage: sent after the Retry-After, once', async () => {
    const { world } = await dueToday();
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 120 });
    expect(await world.tick()).toMatchObject({ sent: 0, failed: 1 });
    world.setNow(JST('2027-06-01T09:01'));
    expect(await world.tick()).toMatchObject({ sent: 0, failed: 0 }); // still waiting
    world.setNow(JST('2027-06-01T09:02'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    world.setNow(JST('2027-06-01T09:03'));
    await world.tick();
    expect(world.dms('U0SATO')).toHaveLength(1);
    expect(world.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('what falls due while the day’s DM waits for its retry goes into that same DM', async () => {
    const { world } = await dueToday();
    world.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7200 });
    expect(await world.tick()).toMatchObject({ failed: 1 });
    world.setNow(JST('2027-06-01T09:30'));
    world.submitChecklist('U0SATO', '桜台クリニック', { 'external.6': '2027-06-01' });
    await world.tick();
    world.setNow(JST('2027-06-01T11:00'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    const dms = world.dms('U0SATO');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]!.blocks)).toContain('実施予定の項目（2件）');
  });

  it('a 500 before anything was posted: looked up, not found, sent later, once', async () => {
    const { world } = await dueToday();
    world.fake.failNext('chat.postMessage', { status: 500 });
    expect(await world.tick()).toMatchObject({ failed: 1 });
    world.setNow(JST('2027-06-01T09:05'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    expect(world.fake.callsTo('conversations.history')).toHaveLength(1);
    expect(String(world.fake.callsTo('conversations.history')[0]!.args.include_all_metadata)).toBe('true');
    expect(world.dms('U0SATO')).toHaveLength(1);
  });

  it('a 500 after Slack had posted it: found by its key, recorded, not sent again', async () => {
    const { world } = await dueToday();
    world.fake.failNext('chat.postMessage', { status: 500, afterEffect: true });
    expect(await world.tick()).toMatchObject({ failed: 1 });
    world.setNow(JST('2027-06-01T09:05'));
    expect(await world.tick()).toMatchObject({ sent: 0, recovered: 1 });
    const posted = world.fake.dm('U0SATO');
    expect(posted).toHaveLength(1);
    const row = world.store.db.prepare('SELECT state, message_ts AS ts FROM reminder_deliveries').get() as { state: string; ts: string };
    expect(row).toEqual({ state: 'sent', ts: posted[0]!.ts });
  });

  it('two app processes on one database send one DM', async () => {
    const { world } = await dueToday();
    const other = createStore(world.store.db.name, { now: world.now });
    const otherRunner = createScheduler({ store: other, flows: world.flows, clock: world.now }).runner(
      slackReminderSender(createReminderClient(BOT_TOKEN, world.fake.url, pino({ level: 'silent' }))),
      { owner: 'second-process' },
    );
    const [a, b] = await Promise.all([world.tick(), otherRunner.tick(world.now())]);
    expect(a.sent + b.sent).toBe(1);
    world.setNow(JST('2027-06-01T09:30'));
    await Promise.all([world.tick(), otherRunner.tick(world.now())]);
    expect(world.dms('U0SATO')).toHaveLength(1);
    other.close();
  });

  it('after three days down, what fell due goes out once on start, not once per missed minute', async () => {
    const world = await startWorld('2027-06-01T08:00:00+09:00');
    world.submitChecklist('U0SATO', 'さくら内科', { 'technical.15': '2027-06-08', 'external.6': '2027-07-02' });
    // Down from Tuesday 8:00 to Friday 15:00: the 6/1 reminder (7 days before 6/8) and the 6/2 one (30 before 7/2) are both due.
    world.restart();
    world.setNow(JST('2027-06-04T15:00'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    const [dm] = world.dms('U0SATO');
    expect(JSON.stringify(dm!.blocks)).toContain('実施予定の項目（2件）');
    for (const minute of ['15:01', '15:02', '16:00']) {
      world.setNow(JST(`2027-06-04T${minute}`));
      expect(await world.tick()).toMatchObject({ sent: 0 });
    }
    expect(world.dms('U0SATO')).toHaveLength(1);
  });

  it('a reminder that falls due after the day’s DM waits for the next business day', async () => {
    const { world } = await dueToday();
    await world.tick();
    world.setNow(JST('2027-06-01T11:00'));
    // Submitted later the same day, with an item due today: not a second DM today.
    world.submitChecklist('U0SATO', '桜台クリニック', { 'external.6': '2027-06-01' });
    world.setNow(JST('2027-06-01T12:00'));
    expect(await world.tick()).toMatchObject({ sent: 0, deferred: 1 });
    world.setNow(JST('2027-06-02T09:00'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    expect(world.dms('U0SATO').map((d) => d.day)).toEqual(['2027-06-01', '2027-06-02']);
  });
});

describe('after the upgrade that brings the scheduler', () => {
  it('assessments submitted before it get their follow-up on the first tick, once', async () => {
    const world = await startWorld('2027-05-20T10:00:00+09:00');
    // Submitted by a release without the scheduler: no reminders written with it.
    const flows = world.flows;
    const old = createStore(world.store.db.name, { now: world.now });
    const service = createAssessmentService({ store: old, flows, clock: world.now });
    const org = world.orgId;
    const facility = old.facilities.ensure(org, 'さくら内科');
    const { assessment } = service.start({ organizationId: org, facilityId: facility.id, respondentId: world.personId('U0SATO'), flowId: 'mhlw-minimum-5.2' });
    const answers: Answers = Object.fromEntries(
      Object.entries(mixedAnswers(flows.get('mhlw-minimum-5.2')!)).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]),
    );
    answers['technical.15'] = { kind: 'planned', date: '2027-06-08' };
    submitThroughService(service, world.who('U0SATO'), assessment.id, answers);
    old.close();
    world.store.db.prepare("DELETE FROM reminders WHERE kind = 'plan'").run();
    world.store.db.prepare("DELETE FROM scheduler_state").run();

    world.setNow(JST('2027-06-01T09:00'));
    expect(await world.tick()).toMatchObject({ sent: 1 });
    world.restart();
    world.setNow(JST('2027-06-02T09:00'));
    await world.tick();
    expect(world.dms('U0SATO').map((d) => d.day)).toEqual(['2027-06-01']);
    // 30 days before (5/9) had passed when the upgrade ran: not sent late. 7 before, the day, 4 weekly.
    expect(world.store.db.prepare("SELECT count(*) FROM reminders WHERE kind = 'plan'").pluck().get()).toBe(6);
  });
});
