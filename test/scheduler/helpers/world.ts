// Two clinics and a lead on a real SQLite file, the scheduler's runner sending through the Slack
// sender to the fake Web API, and a simulated clock the test moves. `restart()` is a new process on
// the same file; `kill()` abandons a tick half-way, as a crash would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import type { Answers } from '../../../src/flow/answer.ts';
import { loadFlowsDir } from '../../../src/flow/loader.ts';
import type { Flow } from '../../../src/flow/model.ts';
import { todayIn } from '../../../src/dates/calendar-date.ts';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.ts';
import type { Runner } from '../../../src/scheduler/runner.ts';
import type { ReminderSender } from '../../../src/scheduler/sender.ts';
import { createAssessmentService, type AssessmentService } from '../../../src/service/assessment-service.ts';
import { createLeadDomain, type LeadDomain } from '../../../src/service/lead-domain.ts';
import type { Participant } from '../../../src/service/interaction.ts';
import { createReassessmentService } from '../../../src/service/reassessment-service.ts';
import { createReminderClient, slackReminderSender } from '../../../src/slack/reminder-sender.ts';
import { createSlackApp, type KakuninSlackApp } from '../../../src/slack/start.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { BOT_TOKEN, SIGNING_SECRET, fakeSlackConnection, slackServices } from '../../slack/harness.ts';
import { SlackUser, type SlackEndpoint } from '../../slack/slack-user.ts';
import { submitThroughService } from '../../helpers/fill-through-service.ts';
import { mixedAnswers } from '../../report/fixtures/mixed-answers.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../slack/fake-slack-api.ts';

export const TEAM = 'T0CLINIC';

export interface SentDm {
  user: string;
  /** The simulated instant of the chat.postMessage, and its day in Tokyo. */
  at: Date;
  day: string;
  text: string;
  blocks: Record<string, unknown>[];
  key: string | undefined;
}

export interface World {
  fake: FakeSlackApi;
  flows: Map<string, Flow>;
  store: Store;
  service: AssessmentService;
  scheduler: Scheduler;
  /** Review (承認 / 差し戻し) wired to the scheduler like the app's. */
  leads: LeadDomain;
  runner: Runner;
  now(): Date;
  setNow(iso: string | Date): void;
  dms(user?: string): SentDm[];
  tick(): ReturnType<Runner['tick']>;
  restart(): void;
  /** The next tick's sender stops for good at `when` ('before' posting or 'after' posting): the process died. */
  killDuringNextSend(when: 'before' | 'after'): void;
  orgId: string;
  who(slackUserId: string): Participant;
  personId(slackUserId: string): string;
  facility(name: string): string;
  submitChecklist(slackUserId: string, facilityName: string, planned: Record<string, string>): string;
  /** With `{ slack: true }`: the person clicking in Slack (signed requests to the real Bolt app). */
  user(slackUserId: string): SlackUser;
}

const flowsAll = loadFlowsDir();

export async function startWorld(startIso: string, options: { slack?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-scheduler-'));
  const dbPath = join(dir, 'kakunin.sqlite');
  const flows = new Map([['mhlw-minimum-5.2', flowsAll.get('mhlw-minimum-5.2')!]]);
  let now = new Date(startIso);
  const clock = () => now;
  const fake = await startFakeSlackApi();
  const sent: SentDm[] = [];
  fake.onCall((call, result) => {
    if (call.method !== 'chat.postMessage' || result.ok !== true) return;
    const metadata = call.args.metadata as { event_payload?: { key?: string } } | undefined;
    const channel = String(call.args.channel);
    sent.push({
      user: `U${channel.replace(/^D/, '')}`,
      at: now,
      day: todayIn('Asia/Tokyo', now),
      text: String(call.args.text ?? ''),
      blocks: (call.args.blocks as Record<string, unknown>[]) ?? [],
      key: metadata?.event_payload?.key,
    });
  });
  const logger = pino({ level: 'silent' });
  let kill: 'before' | 'after' | undefined;
  let died: (() => void) | undefined;
  const hang = () => {
    died?.();
    return new Promise<never>(() => {});
  };

  const boot = () => {
    const store = createStore(dbPath, { now: clock });
    const scheduler = createScheduler({ store, flows, clock });
    const service = createAssessmentService({ store, flows, clock, afterChange: scheduler.service.afterAssessmentChange });
    const slack = slackReminderSender(createReminderClient(BOT_TOKEN, fake.url, logger));
    const sender: ReminderSender = {
      canReach: slack.canReach,
      findDelivered: slack.findDelivered,
      async send(digest) {
        if (kill === 'before') {
          kill = undefined;
          return hang();
        }
        const result = await slack.send(digest);
        if (kill === 'after') {
          kill = undefined;
          return hang();
        }
        return result;
      },
    };
    const leads = createLeadDomain({ store, flows, clock, afterChange: scheduler.service.afterAssessmentChange });
    return { store, scheduler, service, leads, runner: scheduler.runner(sender, { logger }), app: undefined as KakuninSlackApp | undefined };
  };
  const endpoint: SlackEndpoint = { url: '', signingSecret: SIGNING_SECRET };
  const withSlack = async (r: ReturnType<typeof boot>) => {
    if (!options.slack) return r;
    const app = createSlackApp({
      service: r.service,
      scheduler: r.scheduler,
      reassessment: createReassessmentService({ store: r.store, service: r.service, clock }),
      ...slackServices(r.store, clock, undefined, r.scheduler.service.afterAssessmentChange),
      ...fakeSlackConnection(fake.url),
      retryConfig: { retries: 0 },
      logger,
      clock,
    });
    const { port } = await app.start();
    endpoint.url = `http://127.0.0.1:${port}/slack/events`;
    return { ...r, app };
  };
  let running = await withSlack(boot());
  const org = running.store.organizations.ensureForSlackTeam(TEAM, 'さくら医療グループ');
  const people = new Map<string, string>();
  const person = (slackUserId: string, name: string, role: 'manager' | 'lead') =>
    people.set(slackUserId, running.store.people.ensureForSlackUser(org.id, slackUserId, name, { role }).id);
  person('U0SATO', '佐藤 花子', 'manager');
  person('U0SUZUKI', '鈴木 一郎', 'manager');
  person('U0LEAD', '田中 責任者', 'lead');

  let pendingTick: Promise<unknown> | undefined;
  const world: World = {
    fake,
    flows,
    get store() {
      return running.store;
    },
    get service() {
      return running.service;
    },
    get scheduler() {
      return running.scheduler;
    },
    get leads() {
      return running.leads;
    },
    get runner() {
      return running.runner;
    },
    now: clock,
    setNow(iso) {
      now = new Date(iso);
    },
    dms: (user) => (user ? sent.filter((d) => d.user === user) : sent),
    async tick() {
      if (!kill) return running.runner.tick(now);
      // The killed tick never finishes: this returns when the sender stopped, and the test restarts.
      const death = new Promise<void>((resolve) => (died = resolve));
      pendingTick = running.runner.tick(now);
      await Promise.race([pendingTick, death]);
      died = undefined;
      return { sent: 0, recovered: 0, failed: 0, deferred: 0, dropped: 0 };
    },
    restart() {
      if (running.app) throw new Error('restart a Slack world with restartSlack()');
      running.store.close();
      running = boot();
    },
    killDuringNextSend(when) {
      kill = when;
    },
    orgId: org.id,
    who: (slackUserId) => ({ organizationId: org.id, personId: people.get(slackUserId)!, channel: 'slack' }),
    personId: (slackUserId) => people.get(slackUserId)!,
    facility: (name) => running.store.facilities.ensure(org.id, name).id,
    submitChecklist(slackUserId, facilityName, planned) {
      const flow = flows.get('mhlw-minimum-5.2')!;
      const answers: Answers = Object.fromEntries(
        Object.entries(mixedAnswers(flow)).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]),
      );
      for (const [itemId, date] of Object.entries(planned)) answers[itemId] = { kind: 'planned', date };
      const facilityId = world.facility(facilityName);
      const who = world.who(slackUserId);
      const { assessment } = running.service.start({ organizationId: org.id, facilityId, respondentId: who.personId, flowId: flow.id });
      submitThroughService(running.service, who, assessment.id, answers);
      return assessment.id;
    },
    user: () => {
      throw new Error('start the world with { slack: true }');
    },
  };
  world.user = (slackUserId) =>
    new SlackUser(endpoint, fake, TEAM, slackUserId, slackUserId.toLowerCase(), async () => {
      await running.app?.idle();
    });
  onTestFinished(async () => {
    void pendingTick;
    await running.app?.stop();
    if (running.store.db.open) running.store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return world;
}
